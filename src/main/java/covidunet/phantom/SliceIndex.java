package covidunet.phantom;

/**
 * Which objects (tubes or lesions) reach into each slice of a grid, and the in-plane index range
 * each covers, so that drawing a slice visits only the objects near it and only the voxels
 * near each.
 */
final class SliceIndex {

	/** The box of object {@code index} in patient coordinates, as {low, high}. */
	@FunctionalInterface
	interface Boxes {

		double[][] box(int index);
	}

	private final int[][] bySlice;
	private final int[] ranges;

	SliceIndex(final VoxelGrid grid, final int count, final Boxes boxes) {
		ranges = new int[4 * count];
		final int[] from = new int[count], to = new int[count];
		final int[] perSlice = new int[grid.nz];
		for (int o = 0; o < count; o++) {
			final double[][] box = boxes.box(o);
			final int[] r = grid.cover(box[0], box[1]);
			System.arraycopy(r, 0, ranges, 4 * o, 4);
			from[o] = r[4];
			to[o] = r[0] > r[1] || r[2] > r[3] ? -1 : r[5];
			for (int k = from[o]; k <= to[o]; k++) perSlice[k]++;
		}
		bySlice = new int[grid.nz][];
		for (int k = 0; k < grid.nz; k++) bySlice[k] = new int[perSlice[k]];
		final int[] filled = new int[grid.nz];
		for (int o = 0; o < count; o++) {
			for (int k = from[o]; k <= to[o]; k++) bySlice[k][filled[k]++] = o;
		}
	}

	/** The objects that reach into slice k, in their original order. */
	int[] objects(final int k) {
		return bySlice[k];
	}

	/** The in-plane index range of an object: {i0, i1, j0, j1}, inclusive, into {@code out}. */
	void range(final int object, final int[] out) {
		System.arraycopy(ranges, 4 * object, out, 0, 4);
	}

	/** A tube's box. */
	static double[][] box(final Tube t) {
		final double reach = t.reach();
		return new double[][] {
			{ Math.min(t.ax, t.bx) - reach, Math.min(t.ay, t.by) - reach, Math.min(t.az, t.bz) - reach },
			{ Math.max(t.ax, t.bx) + reach, Math.max(t.ay, t.by) + reach, Math.max(t.az, t.bz) + reach } };
	}

	/** A lesion's box. */
	static double[][] box(final Lesion l) {
		final double reach = l.reach();
		return new double[][] { { l.u - reach, l.v - reach, l.w - reach }, { l.u + reach, l.v + reach, l.w + reach } };
	}
}
