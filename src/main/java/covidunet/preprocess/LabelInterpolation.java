package covidunet.preprocess;

import java.util.Locale;

/** How label masks are resampled. */
public enum LabelInterpolation {

	/**
	 * Per-label linear: for each label L of 1–3, the indicator of L is interpolated trilinearly at
	 * the sample position, giving a weight w_L in [0, 1]. The sample takes the label with the
	 * largest weight if that weight is at least 0.5, else background (0). Two labels can tie only
	 * at exactly 0.5; the higher label wins, as in the reference, where each label in ascending
	 * order overwrites the voxels it reaches 0.5 on.
	 */
	LINEAR_PER_LABEL,

	/** The label of the nearest voxel centre (ties towards the higher index). */
	NEAREST;

	/** The lower-case name used in JSON: {@code linear_per_label} or {@code nearest}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
