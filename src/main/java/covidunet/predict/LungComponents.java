package covidunet.predict;

/**
 * Post-processing of a segmentation (what {@code --postprocess true} does): the voxels whose most
 * likely class is a lung or infection form the lung region; of its connected components
 * (26-connectivity) the two lungs are kept — the component with the most left-lung voxels and
 * the one with the most right-lung voxels (one component if the lungs touch) — and every other
 * voxel of the region becomes background: gas in the bowel or stomach taken for lung, stray
 * voxels, and infection outside the kept lungs. The segmenter applies the body mask and the
 * lungs' sides ({@link LungSides}) first, so the air around the patient is never a candidate and
 * the left lung is the one on the patient's left.
 */
public final class LungComponents {

	private static final byte LEFT_LUNG = 1, RIGHT_LUNG = 2;

	private LungComponents() {}

	/**
	 * Applies the post-processing to {@code probabilities} in place: the removed voxels get
	 * probability 1 for class 0 (background) and 0 for the others.
	 *
	 * @return the number of voxels removed
	 */
	public static long keepLungs(final ProbabilityMap probabilities) {
		final byte[] labels = probabilities.labels();
		final Components components = Components.of(labels, probabilities.size());
		final int[] ids = components.ids();
		final boolean[] kept = new boolean[components.count()];
		kept[mostOf(LEFT_LUNG, labels, ids, kept.length)] = true;
		kept[mostOf(RIGHT_LUNG, labels, ids, kept.length)] = true;
		final float[] values = probabilities.values();
		final int voxels = labels.length;
		long removed = 0;
		for (int v = 0; v < voxels; v++) {
			if (ids[v] != 0 && !kept[ids[v]]) {
				values[v] = 1;
				for (int c = 1; c < probabilities.classes(); c++) values[c * voxels + v] = 0;
				removed++;
			}
		}
		return removed;
	}

	/** The component holding the most voxels of a label; 0 (the background) if none does. */
	private static int mostOf(final byte label, final byte[] labels, final int[] ids, final int components) {
		final int[] count = new int[components];
		for (int v = 0; v < labels.length; v++) {
			if (labels[v] == label) count[ids[v]]++;
		}
		int most = 0;
		for (int c = 1; c < components; c++) {
			if (count[c] > count[most]) most = c;
		}
		return most;
	}
}
