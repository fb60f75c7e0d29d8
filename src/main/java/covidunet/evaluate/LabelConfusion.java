package covidunet.evaluate;

import java.util.Arrays;

import covidunet.BadInputException;
import covidunet.dataset.MaskReader;

/**
 * What one pass over a truth and a prediction label array finds: the 4 × 4 matrix of voxel counts
 * per (truth label, prediction label) pair and, per label, the bounding box of its voxels in each.
 * Every class's TP, FP, FN and TN and every surface computation's extent come from these.
 */
final class LabelConfusion {

	private static final int LABELS = MaskReader.MAX_LABEL + 1;

	private final long[] counts = new long[LABELS * LABELS];
	private final int[][] truthBounds = emptyBounds();
	private final int[][] predictionBounds = emptyBounds();

	private LabelConfusion() {}

	/**
	 * Counts two label arrays on one grid, x fastest.
	 *
	 * @throws BadInputException naming "truth" or "prediction" and the voxel if a label is not 0–3
	 */
	static LabelConfusion of(final byte[] truth, final byte[] prediction, final int[] size) {
		final LabelConfusion c = new LabelConfusion();
		int i = 0;
		for (int z = 0; z < size[2]; z++) {
			for (int y = 0; y < size[1]; y++) {
				for (int x = 0; x < size[0]; x++, i++) {
					final int t = label(truth, i, "truth", size);
					final int p = label(prediction, i, "prediction", size);
					c.counts[t * LABELS + p]++;
					include(c.truthBounds[t], x, y, z);
					include(c.predictionBounds[p], x, y, z);
				}
			}
		}
		return c;
	}

	/** TP, FP, FN and TN of the class made of the labels in {@code labelBits}. */
	OverlapCounts overlap(final int labelBits) {
		long tp = 0, fp = 0, fn = 0, tn = 0;
		for (int t = 0; t < LABELS; t++) {
			for (int p = 0; p < LABELS; p++) {
				final long n = counts[t * LABELS + p];
				final boolean inTruth = has(labelBits, t), inPrediction = has(labelBits, p);
				if (inTruth && inPrediction) tp += n;
				else if (inPrediction) fp += n;
				else if (inTruth) fn += n;
				else tn += n;
			}
		}
		return new OverlapCounts(tp, fp, fn, tn);
	}

	/**
	 * The smallest box holding the class's voxels in the truth and in the prediction, or
	 * {@code null} if it has none in either.
	 */
	VoxelBox bounds(final int labelBits) {
		VoxelBox box = null;
		for (int label = 0; label < LABELS; label++) {
			if (!has(labelBits, label)) continue;
			for (final int[] b : new int[][] { truthBounds[label], predictionBounds[label] }) {
				if (b[0] > b[3]) continue;
				final VoxelBox labelBox = new VoxelBox(b[0], b[1], b[2], b[3], b[4], b[5]);
				box = box == null ? labelBox : box.union(labelBox);
			}
		}
		return box;
	}

	/** Whether {@code label} is in the bit set {@code labelBits}. */
	static boolean has(final int labelBits, final int label) {
		return (labelBits >> label & 1) != 0;
	}

	private static int label(final byte[] labels, final int i, final String name, final int[] size) {
		final int label = labels[i] & 0xFF;
		if (label >= LABELS) {
			throw new BadInputException(name + ": holds the label " + label + " at voxel (" + i % size[0] + ", " + i /
				size[0] % size[1] + ", " + i / size[0] / size[1] + "); labels are 0-" + MaskReader.MAX_LABEL);
		}
		return label;
	}

	private static void include(final int[] bounds, final int x, final int y, final int z) {
		if (x < bounds[0]) bounds[0] = x;
		if (y < bounds[1]) bounds[1] = y;
		if (z < bounds[2]) bounds[2] = z;
		if (x > bounds[3]) bounds[3] = x;
		if (y > bounds[4]) bounds[4] = y;
		if (z > bounds[5]) bounds[5] = z;
	}

	/** Per label {min x, min y, min z, max x, max y, max z}, empty until a voxel is included. */
	private static int[][] emptyBounds() {
		final int[][] bounds = new int[LABELS][6];
		for (final int[] b : bounds) {
			Arrays.fill(b, 0, 3, Integer.MAX_VALUE);
			Arrays.fill(b, 3, 6, -1);
		}
		return bounds;
	}
}
