package covidunet.preprocess;

/**
 * The mean and standard deviation (population, over all voxels) of a volume's values, summed in
 * double precision.
 *
 * @param mean the mean
 * @param sd the standard deviation
 */
record MeanSd(double mean, double sd) {

	/** The statistics of {@code voxels}. */
	static MeanSd of(final float[] voxels) {
		double sum = 0;
		for (final float v : voxels) sum += v;
		final double mean = sum / voxels.length;
		double squares = 0;
		for (final float v : voxels) squares += (v - mean) * (v - mean);
		return new MeanSd(mean, Math.sqrt(squares / voxels.length));
	}
}
