package covidunet.predict;

import java.util.ArrayList;
import java.util.List;

/**
 * Post-processing of a segmentation (what {@code --postprocess true} does): the voxels whose most
 * likely class is a lung or infection form the lung region; of its connected components
 * (26-connectivity) the two lungs are kept — the component with the most left-lung voxels and
 * the one with the most right-lung voxels (one component if the lungs touch) — and any other
 * with at least {@value #KEPT_SHARE} of the largest one's voxels; every other voxel of the region
 * becomes background. Infection outside the kept lungs is dropped with them. The segmenter
 * applies the body mask first, so the air around the patient is never a candidate.
 */
public final class LungComponents {

	/** A component is kept if it has at least this share of the largest one's voxels. */
	public static final double KEPT_SHARE = 0.1;

	private static final byte LEFT_LUNG = 1, RIGHT_LUNG = 2;

	private LungComponents() {}

	/**
	 * Applies the post-processing to {@code probabilities} in place: the removed voxels get
	 * probability 1 for class 0 (background) and 0 for the others.
	 *
	 * @return the number of voxels removed
	 */
	public static long keepLargest(final ProbabilityMap probabilities) {
		final byte[] labels = probabilities.labels();
		final int[] size = probabilities.size();
		final int[] component = new int[labels.length];
		final int[] queue = new int[labels.length];
		final List<Integer> sizes = new ArrayList<>();
		sizes.add(0);
		for (int v = 0; v < labels.length; v++) {
			if (labels[v] != 0 && component[v] == 0) sizes.add(fill(v, sizes.size(), labels, component, queue, size));
		}
		int largest = 0;
		for (final int s : sizes) largest = Math.max(largest, s);
		final boolean[] kept = new boolean[sizes.size()];
		for (int c = 1; c < kept.length; c++) kept[c] = sizes.get(c) >= KEPT_SHARE * largest;
		kept[mostOf(LEFT_LUNG, labels, component, kept.length)] = true;
		kept[mostOf(RIGHT_LUNG, labels, component, kept.length)] = true;
		final float[] values = probabilities.values();
		final int voxels = labels.length;
		long removed = 0;
		for (int v = 0; v < voxels; v++) {
			if (component[v] != 0 && !kept[component[v]]) {
				values[v] = 1;
				for (int c = 1; c < probabilities.classes(); c++) values[c * voxels + v] = 0;
				removed++;
			}
		}
		return removed;
	}

	/** The component holding the most voxels of a label; 0 (the background) if none does. */
	private static int mostOf(final byte label, final byte[] labels, final int[] component, final int components) {
		final int[] count = new int[components];
		for (int v = 0; v < labels.length; v++) {
			if (labels[v] == label) count[component[v]]++;
		}
		int most = 0;
		for (int c = 1; c < components; c++) {
			if (count[c] > count[most]) most = c;
		}
		return most;
	}

	/** Labels the component of {@code seed} with {@code id} by a breadth-first walk; its size. */
	private static int fill(final int seed, final int id, final byte[] labels, final int[] component, final int[] queue,
		final int[] size)
	{
		final int nx = size[0], ny = size[1], nz = size[2], nxy = nx * ny;
		int head = 0, tail = 0;
		queue[tail++] = seed;
		component[seed] = id;
		while (head < tail) {
			final int v = queue[head++];
			final int x = v % nx, y = v / nx % ny, z = v / nxy;
			for (int dz = -1; dz <= 1; dz++) {
				final int zz = z + dz;
				if (zz < 0 || zz >= nz) continue;
				for (int dy = -1; dy <= 1; dy++) {
					final int yy = y + dy;
					if (yy < 0 || yy >= ny) continue;
					for (int dx = -1; dx <= 1; dx++) {
						final int xx = x + dx;
						if (xx < 0 || xx >= nx) continue;
						final int n = (zz * ny + yy) * nx + xx;
						if (labels[n] != 0 && component[n] == 0) {
							component[n] = id;
							queue[tail++] = n;
						}
					}
				}
			}
		}
		return tail;
	}
}
