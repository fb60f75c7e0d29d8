package covidunet.predict;

import java.util.Arrays;

import covidunet.io.Affine;

/**
 * Post-processing of a segmentation (what {@code --postprocess true} does): the voxels whose most
 * likely class is a lung or infection form the lung region; of its connected components
 * (26-connectivity) the two lungs are kept and every other voxel of the region becomes
 * background: gas in the bowel or stomach taken for lung, stray voxels, and infection outside
 * the kept lungs. Each side's lung is, of the components holding at least
 * {@value #CANDIDATE_PERCENT} % as many of that side's lung voxels as the component holding the
 * most, the one reaching highest (the lungs are the uppermost air-filled organs of the trunk;
 * bowel gas can be larger than a lung base in a scan of the abdomen); equal heights go to the
 * one with more of the side's voxels. Candidates reaching almost as high (within
 * {@value #LEVEL_MM} mm) are kept too: a lung the network found in pieces (in a scan of the lung
 * bases, gas in the bowel reaching its top slice stays as well). The lungs may be one component
 * if they touch. A kept lung is then cut at a neck: a lung's cross-section grows from the apex
 * and shrinks to the base, so a slice holding at most half of the most both above and below it,
 * with at least {@value #NECK_MM} mm of the component below, joins the lung to something else
 * (gas in the colon running down the flank), and everything of the component below that slice
 * goes. The segmenter applies the body mask and the lungs' sides ({@link LungSides}) first, so
 * the air around the patient is never a candidate and the left lung is the one on the patient's
 * left.
 */
public final class LungComponents {

	/** A lung candidate holds at least this share of the side's largest count, in percent. */
	public static final int CANDIDATE_PERCENT = 10;

	/** How far below the highest piece's top another piece of a side's lung may reach, in mm. */
	public static final double LEVEL_MM = 10;

	/** How far below a neck a kept component must reach for it to be cut there, in mm. */
	public static final double NECK_MM = 30;

	private static final byte LEFT_LUNG = 1, RIGHT_LUNG = 2;

	private LungComponents() {}

	/**
	 * Applies the post-processing to {@code probabilities} in place: the removed voxels get
	 * probability 1 for class 0 (background) and 0 for the others.
	 *
	 * @param affine the map's grid's voxel-to-world (RAS) transform, which tells where up is
	 * @return the number of voxels removed
	 */
	public static long keepLungs(final ProbabilityMap probabilities, final Affine affine) {
		final byte[] labels = probabilities.labels();
		final int[] size = probabilities.size();
		final Components components = Components.of(labels, size);
		final int[] ids = components.ids();
		final double[] height = heights(ids, size, affine, components.count());
		final boolean[] kept = new boolean[components.count()];
		markLung(LEFT_LUNG, labels, ids, height, kept);
		markLung(RIGHT_LUNG, labels, ids, height, kept);
		final UpAxis up = UpAxis.of(affine, size);
		final int[][] profiles = up.profiles(ids, kept);
		final int[] floor = new int[components.count()];
		for (int c = 1; c < kept.length; c++) {
			if (kept[c]) floor[c] = neck(profiles[c], up.spacing());
		}
		final float[] values = probabilities.values();
		final int voxels = labels.length;
		long removed = 0;
		for (int v = 0; v < voxels; v++) {
			if (ids[v] != 0 && (!kept[ids[v]] || up.slice(v) < floor[ids[v]])) {
				values[v] = 1;
				for (int c = 1; c < probabilities.classes(); c++) values[c * voxels + v] = 0;
				removed++;
			}
		}
		return removed;
	}

	/**
	 * Marks the side's lung in {@code kept}: of the components holding at least
	 * {@value #CANDIDATE_PERCENT} % of the largest count of {@code label}, the highest (of equally
	 * high, the one with more), and with it every other candidate whose top lies less than
	 * {@value #LEVEL_MM} mm lower (a lung found in pieces).
	 */
	private static void markLung(final byte label, final byte[] labels, final int[] ids, final double[] height,
		final boolean[] kept)
	{
		final int[] count = new int[height.length];
		for (int v = 0; v < labels.length; v++) {
			if (labels[v] == label) count[ids[v]]++;
		}
		int most = 0;
		for (int c = 1; c < count.length; c++) most = Math.max(most, count[c]);
		final boolean[] candidate = new boolean[count.length];
		int lung = 0;
		for (int c = 1; c < count.length; c++) {
			candidate[c] = count[c] > 0 && 100L * count[c] >= (long) CANDIDATE_PERCENT * most;
			if (!candidate[c]) continue;
			if (lung == 0 || height[c] > height[lung] || height[c] == height[lung] && count[c] > count[lung]) lung = c;
		}
		for (int c = 1; c < count.length; c++) {
			if (candidate[c] && height[lung] - height[c] < LEVEL_MM) kept[c] = true;
		}
	}

	/**
	 * The lowest slice to keep of a component whose voxel count per slice, from the bottom up, is
	 * {@code count}: its neck, if it has one (of several, the narrowest; of equally narrow, the
	 * highest), else 0.
	 *
	 * @param spacing the distance between slices in mm
	 */
	static int neck(final int[] count, final double spacing) {
		final int n = count.length;
		final int[] above = new int[n];
		for (int k = n - 2; k >= 0; k--) above[k] = Math.max(above[k + 1], count[k + 1]);
		int lowest = -1, below = 0, neck = 0;
		for (int k = 0; k < n; k++) {
			if (lowest < 0 && count[k] > 0) lowest = k;
			final boolean narrow = count[k] > 0 && (k - lowest) * spacing >= NECK_MM && 2L * count[k] <= below &&
				2L * count[k] <= above[k];
			if (narrow && (neck == 0 || count[k] <= count[neck])) neck = k;
			below = Math.max(below, count[k]);
		}
		return neck;
	}

	/** The highest point of each component: the largest superior world coordinate of its voxels. */
	private static double[] heights(final int[] ids, final int[] size, final Affine affine, final int components) {
		final double[] height = new double[components];
		Arrays.fill(height, Double.NEGATIVE_INFINITY);
		final int nx = size[0], nxy = size[0] * size[1];
		for (int v = 0; v < ids.length; v++) {
			if (ids[v] == 0) continue;
			final int x = v % nx, y = v / nx % size[1], z = v / nxy;
			final double up = affine.get(2, 0) * x + affine.get(2, 1) * y + affine.get(2, 2) * z;
			if (up > height[ids[v]]) height[ids[v]] = up;
		}
		return height;
	}

	/**
	 * The grid axis closest to the body's up (world superior), its direction, and slices along it
	 * numbered from the bottom.
	 */
	private record UpAxis(int axis, boolean reversed, double spacing, int[] size) {

		static UpAxis of(final Affine affine, final int[] size) {
			int axis = 0;
			for (int a = 1; a < 3; a++) {
				if (Math.abs(affine.get(2, a)) > Math.abs(affine.get(2, axis))) axis = a;
			}
			return new UpAxis(axis, affine.get(2, axis) < 0, affine.columnNorm(axis), size);
		}

		/** The slice of voxel {@code v}, 0 the lowest. */
		int slice(final int v) {
			final int index = axis == 0 ? v % size[0] : axis == 1 ? v / size[0] % size[1] : v / (size[0] * size[1]);
			return reversed ? size[axis] - 1 - index : index;
		}

		/**
		 * The voxel count of each component in {@code selected} in each slice, from the bottom up
		 * (null for the others), in one pass over the voxels.
		 */
		int[][] profiles(final int[] ids, final boolean[] selected) {
			final int[][] count = new int[selected.length][];
			for (int c = 1; c < selected.length; c++) {
				if (selected[c]) count[c] = new int[size[axis]];
			}
			for (int v = 0; v < ids.length; v++) {
				if (ids[v] != 0 && selected[ids[v]]) count[ids[v]][slice(v)]++;
			}
			return count;
		}
	}
}
