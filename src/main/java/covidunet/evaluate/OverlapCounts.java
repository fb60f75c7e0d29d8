package covidunet.evaluate;

/**
 * A class's voxel counts in a truth and a prediction, and the overlap metrics computed from
 * them under {@link CaseMetrics#EMPTY_CLASS_RULE}.
 *
 * @param tp voxels of the class in both
 * @param fp voxels of the class only in the prediction
 * @param fn voxels of the class only in the truth
 * @param tn voxels of the class in neither
 */
record OverlapCounts(long tp, long fp, long fn, long tn) {

	/** Whether the truth has no voxel of the class. */
	boolean truthEmpty() {
		return tp + fn == 0;
	}

	/** Whether the prediction has no voxel of the class. */
	boolean predictionEmpty() {
		return tp + fp == 0;
	}

	/** Whether neither has a voxel of the class. */
	boolean bothEmpty() {
		return truthEmpty() && predictionEmpty();
	}

	/** The value of an overlap metric (not {@link Metric#HD95} or {@link Metric#NSD}). */
	double value(final Metric metric) {
		return switch (metric) {
			case DSC -> bothEmpty() ? 1 : ratio(2 * tp, 2 * tp + fp + fn);
			case IOU -> bothEmpty() ? 1 : ratio(tp, tp + fp + fn);
			case SENS -> bothEmpty() ? 1 : ratio(tp, tp + fn);
			case PREC -> bothEmpty() ? 1 : ratio(tp, tp + fp);
			case SPEC -> tn + fp == 0 ? 1 : ratio(tn, tn + fp);
			case ACC -> ratio(tp + tn, tp + fp + fn + tn);
			case HD95, NSD -> throw new IllegalArgumentException(metric + " is not an overlap metric");
		};
	}

	/** {@code numerator / denominator}, or 0 for a zero denominator. */
	private static double ratio(final long numerator, final long denominator) {
		return denominator == 0 ? 0 : (double) numerator / denominator;
	}
}
