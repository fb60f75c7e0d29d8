package covidunet.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes scored per case: the four labels (0 background, 1 left lung, 2 right lung,
 * 3 infection) one by one, the reference's "lungs" (the mean of the left and right lung's
 * scores) and the whole lungs (labels 1, 2 and 3 as one foreground, the contract's "lung Dice").
 */
public enum EvaluatedClass {

	/** Label 0. */
	BACKGROUND("background", 0b0001, 1),

	/** Label 1, the patient's left lung. */
	LUNG_L("lung_L", 0b0010, 1),

	/** Label 2, the patient's right lung. */
	LUNG_R("lung_R", 0b0100, 1),

	/** Label 3. */
	INFECTION("infection", 0b1000, 3),

	/** The mean of {@link #LUNG_L}'s and {@link #LUNG_R}'s value of each metric. */
	LUNGS_MEAN("lungs_mean", 0, 1),

	/** Labels 1, 2 and 3 together: the whole lungs, infection included. */
	LUNGS_UNION("lungs_union", 0b1110, 1);

	private final String key;
	private final int labelBits;
	private final double toleranceMm;

	EvaluatedClass(final String key, final int labelBits, final double toleranceMm) {
		this.key = key;
		this.labelBits = labelBits;
		this.toleranceMm = toleranceMm;
	}

	/** The column name used in tables: {@code background}, {@code lung_L}, … */
	public String key() {
		return key;
	}

	/**
	 * The labels that make up this class's foreground; none for {@link #LUNGS_MEAN}, which is
	 * computed from two other classes.
	 */
	public List<Integer> labels() {
		final List<Integer> labels = new ArrayList<>();
		for (int label = 0; label < 4; label++) {
			if ((labelBits >> label & 1) != 0) labels.add(label);
		}
		return labels;
	}

	/**
	 * The NSD tolerance τ in mm: 1 mm for the lungs (and background), 3 mm for infection, as the
	 * dataset's benchmark; {@link #LUNGS_MEAN} averages two 1 mm values.
	 */
	public double toleranceMm() {
		return toleranceMm;
	}

	/** The labels as a bit set, bit {@code l} for label {@code l}; 0 for {@link #LUNGS_MEAN}. */
	int labelBits() {
		return labelBits;
	}
}
