package covidunet.evaluate;

/**
 * The per-case metrics, with the reference's short names. TP, FP, FN and TN count the voxels of a
 * class that the truth and the prediction both have, only the prediction has, only the truth has,
 * and neither has. Classes absent from the truth or the prediction follow
 * {@link CaseMetrics#EMPTY_CLASS_RULE}.
 */
public enum Metric {

	/** Dice similarity coefficient, 2 TP / (2 TP + FP + FN). */
	DSC("DSC"),

	/** Sensitivity (recall), TP / (TP + FN). */
	SENS("Sens"),

	/** Specificity, TN / (TN + FP). */
	SPEC("Spec"),

	/** Accuracy, (TP + TN) / all voxels. */
	ACC("Acc"),

	/** Precision, TP / (TP + FP). */
	PREC("Prec"),

	/** Intersection over union (Jaccard), TP / (TP + FP + FN). */
	IOU("IoU"),

	/**
	 * 95th percentile of the symmetric surface distances in mm (MedPy's {@code hd95}): the
	 * distances from every surface voxel of the truth to the nearest surface voxel of the
	 * prediction and from every surface voxel of the prediction to the nearest of the truth, pooled,
	 * and their 95th percentile by linear interpolation (NumPy's default).
	 */
	HD95("HD95"),

	/**
	 * Normalised surface Dice at the class's tolerance τ ({@link EvaluatedClass#toleranceMm()}):
	 * the share of the pooled surface voxels of both (as for {@link #HD95}) that lie within τ of
	 * the other's surface, each surface voxel counting once.
	 */
	NSD("NSD");

	private final String key;

	Metric(final String key) {
		this.key = key;
	}

	/** The short name used in tables: {@code DSC}, {@code Sens}, {@code HD95}, … */
	public String key() {
		return key;
	}
}
