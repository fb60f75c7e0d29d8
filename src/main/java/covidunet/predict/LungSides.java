package covidunet.predict;

import covidunet.io.Affine;
import covidunet.io.Orientation;

/**
 * The lungs' sides from the patient's anatomy rather than from the network: the patient's left
 * lung lies left of the body's midline. A network trained briefly, or on phantoms, finds the
 * lungs far more reliably than it tells them apart, and a left lung called right is useless to
 * anyone measuring one lung. The body's midline is the mean left–right coordinate of the body
 * mask's voxels; each connected lung part (26-connectivity, voxels whose most likely class is a
 * lung) with at least {@value #ONE_SIDE_PERCENT} % of its voxels on one side belongs to that side
 * as a whole (so a lung reaching a little over the midline, as the right lung does behind the
 * heart, stays one lung); a part that straddles the midline (two lungs touching) is split at it.
 * Where the network said the other lung, the two lungs' probabilities are exchanged, so the map
 * stays a distribution and infection is untouched.
 */
public final class LungSides {

	/** The share of a lung part's voxels on one side that makes the whole part that side's. */
	public static final int ONE_SIDE_PERCENT = 90;

	private static final byte LEFT = 1, RIGHT = 2;

	private LungSides() {}

	/**
	 * Gives every lung voxel of {@code probabilities} its side by the body's midline, in place.
	 *
	 * @param body the body mask on the map's grid (non-zero inside)
	 * @param affine the map's grid's voxel-to-world (RAS) transform, which tells where the
	 *          patient's left is
	 * @return the number of voxels whose lung changed side
	 */
	public static long assign(final ProbabilityMap probabilities, final byte[] body, final Affine affine) {
		if (probabilities.classes() <= RIGHT) return 0;
		final int[] size = probabilities.size();
		final int axis = leftRightAxis(affine);
		final boolean leftAtLowIndex = affine.get(0, axis) > 0;
		final double midline = midline(body, size, axis);
		final byte[] labels = probabilities.labels();
		final byte[] lungs = new byte[labels.length];
		for (int v = 0; v < labels.length; v++) lungs[v] = (byte) (labels[v] == LEFT || labels[v] == RIGHT ? 1 : 0);
		final Components parts = Components.of(lungs, size);
		final int[] ids = parts.ids();
		final int[] leftCount = new int[parts.count()];
		for (int v = 0; v < labels.length; v++) {
			if (ids[v] != 0 && isLeft(v, size, axis, midline, leftAtLowIndex)) leftCount[ids[v]]++;
		}
		final float[] values = probabilities.values();
		final int n = labels.length;
		long changed = 0;
		for (int v = 0; v < n; v++) {
			final int id = ids[v];
			if (id == 0) continue;
			final long percentLeft = 100L * leftCount[id] / parts.size(id);
			final boolean left = percentLeft >= ONE_SIDE_PERCENT || percentLeft > 100 - ONE_SIDE_PERCENT && isLeft(v,
				size, axis, midline, leftAtLowIndex);
			if (left == (labels[v] == LEFT)) continue;
			final float p = values[LEFT * n + v];
			values[LEFT * n + v] = values[RIGHT * n + v];
			values[RIGHT * n + v] = p;
			changed++;
		}
		return changed;
	}

	/** The grid axis closest to the world's left–right axis. */
	private static int leftRightAxis(final Affine affine) {
		final int[] world = Orientation.worldAxes(affine);
		for (int a = 0; a < 3; a++) {
			if (world[a] == 0) return a;
		}
		throw new IllegalStateException("no grid axis runs left to right");
	}

	/** The mean index along {@code axis} of the body's voxels; the grid's centre if there are none. */
	private static double midline(final byte[] body, final int[] size, final int axis) {
		double sum = 0;
		long count = 0;
		for (int v = 0; v < body.length; v++) {
			if (body[v] == 0) continue;
			sum += index(v, size, axis);
			count++;
		}
		return count == 0 ? (size[axis] - 1) / 2.0 : sum / count;
	}

	private static boolean isLeft(final int v, final int[] size, final int axis, final double midline,
		final boolean leftAtLowIndex)
	{
		return index(v, size, axis) < midline == leftAtLowIndex;
	}

	private static int index(final int v, final int[] size, final int axis) {
		return switch (axis) {
			case 0 -> v % size[0];
			case 1 -> v / size[0] % size[1];
			default -> v / (size[0] * size[1]);
		};
	}
}
