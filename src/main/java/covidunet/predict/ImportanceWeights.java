package covidunet.predict;

import java.util.Arrays;

import covidunet.BadInputException;

/**
 * The weight of each voxel of a window when overlapping windows are blended: a voxel's
 * probability is the weighted mean over the windows that cover it.
 */
public final class ImportanceWeights {

	private ImportanceWeights() {}

	/**
	 * The weights over a window, x fastest.
	 * <p>
	 * {@link Blending#AVERAGE}: all 1. {@link Blending#GAUSSIAN}: as nnU-Net, the product over the
	 * axes of {@code exp(−d² / 2σ²)}, {@code d} the distance to the window's centre
	 * {@code (w − 1)/2} and {@code σ = w/8}, scaled so that the largest weight is 1. Since
	 * {@code d < w/2 = 4σ}, each factor exceeds {@code e^−8} and every weight exceeds
	 * {@code e^−24 ≈ 4·10^−11}: unlike nnU-Net's Gaussian filter, which is cut off at 4σ and then
	 * has its zeros raised to the smallest non-zero value, no weight is ever 0, so voxels at the
	 * volume's border still count.
	 *
	 * @param window the window's sides (x, y, z), each at least 1
	 * @throws BadInputException naming {@code window} if it is not 3 sides of at least 1 or has more
	 *           voxels than an array holds
	 */
	public static float[] of(final Blending blending, final int[] window) {
		WindowGrid.checkSides(window, "window");
		final long voxels = (long) window[0] * window[1] * window[2];
		if (voxels > Integer.MAX_VALUE - 8) {
			throw new BadInputException("window: " + Arrays.toString(window) + " has too many voxels for one array");
		}
		final float[] weights = new float[(int) voxels];
		switch (blending) {
			case AVERAGE -> Arrays.fill(weights, 1f);
			case GAUSSIAN -> fillGaussian(weights, window);
		}
		return weights;
	}

	private static void fillGaussian(final float[] weights, final int[] window) {
		final double[] gx = profile(window[0]), gy = profile(window[1]), gz = profile(window[2]);
		int i = 0;
		for (int z = 0; z < window[2]; z++) {
			for (int y = 0; y < window[1]; y++) {
				for (int x = 0; x < window[0]; x++) {
					weights[i++] = (float) (gz[z] * gy[y] * gx[x]);
				}
			}
		}
	}

	/** One axis's Gaussian over {@code w} voxels, divided by its largest value. */
	private static double[] profile(final int w) {
		final double centre = (w - 1) / 2.0, sigma = w / 8.0;
		final double nearest = Math.floor(centre) - centre;
		final double peak = Math.exp(-nearest * nearest / (2 * sigma * sigma));
		final double[] profile = new double[w];
		for (int i = 0; i < w; i++) {
			final double d = i - centre;
			profile[i] = Math.exp(-d * d / (2 * sigma * sigma)) / peak;
		}
		return profile;
	}
}
