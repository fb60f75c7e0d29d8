package covidunet.phantom;

import covidunet.io.Affine;

/**
 * A case's voxel grid seen from the anatomy: maps voxel indices through the case's affine to
 * world coordinates and on to the patient's coordinates (u, v, w), and patient-space boxes back
 * to ranges of voxel indices. Works for any affine, so the same anatomy comes out right whether
 * a case is stored RAS, LPS or oblique.
 */
final class VoxelGrid {

	final int nx, ny, nz;

	/** World coordinates of voxel (0, 0, 0) minus the patient's origin; the steps along i, j, k. */
	private final double[] origin = new double[3], di = new double[3], dj = new double[3], dk = new double[3];
	private final double[][] inverse = new double[3][3];
	private final double spacing;

	/**
	 * @param dims the grid size
	 * @param affine voxel indices to world mm (RAS+)
	 * @param patientOrigin the world position of the patient's origin (u = v = w = 0)
	 */
	VoxelGrid(final long[] dims, final Affine affine, final double[] patientOrigin) {
		nx = Math.toIntExact(dims[0]);
		ny = Math.toIntExact(dims[1]);
		nz = Math.toIntExact(dims[2]);
		for (int r = 0; r < 3; r++) {
			origin[r] = affine.get(r, 3) - patientOrigin[r];
			di[r] = affine.get(r, 0);
			dj[r] = affine.get(r, 1);
			dk[r] = affine.get(r, 2);
		}
		final double[][] m = new double[3][3];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) m[r][c] = affine.get(r, c);
		}
		final double det = affine.determinant();
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				final int r1 = (c + 1) % 3, r2 = (c + 2) % 3, c1 = (r + 1) % 3, c2 = (r + 2) % 3;
				inverse[r][c] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
			}
		}
		spacing = Math.max(affine.columnNorm(0), affine.columnNorm(1));
	}

	/** The larger in-plane voxel size (mm): the width over which edges are antialiased. */
	double inPlaneSpacing() {
		return spacing;
	}

	/** The patient coordinates (u, v, w) of voxel (i, j, k), into {@code out}. */
	void patient(final double i, final double j, final double k, final double[] out) {
		for (int r = 0; r < 3; r++) {
			out[r] = origin[r] + i * di[r] + j * dj[r] + k * dk[r];
		}
	}

	/** The step in patient coordinates from voxel i to i + 1 (axis 0), j to j + 1 (1) or k (2). */
	double[] step(final int axis) {
		return (axis == 0 ? di : axis == 1 ? dj : dk).clone();
	}

	/**
	 * The voxel index ranges that cover a box in patient coordinates, widened by one voxel and
	 * clipped to the grid: {i0, i1, j0, j1, k0, k1}, inclusive; empty ({@code i0 > i1}) when the
	 * box misses the grid.
	 */
	int[] cover(final double[] low, final double[] high) {
		final double[] min = { Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY };
		final double[] max = { Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY };
		for (int corner = 0; corner < 8; corner++) {
			final double[] p = new double[3];
			for (int d = 0; d < 3; d++) p[d] = ((corner >> d & 1) == 0 ? low[d] : high[d]) - origin[d];
			for (int a = 0; a < 3; a++) {
				final double index = inverse[a][0] * p[0] + inverse[a][1] * p[1] + inverse[a][2] * p[2];
				min[a] = Math.min(min[a], index);
				max[a] = Math.max(max[a], index);
			}
		}
		final int[] size = { nx, ny, nz };
		final int[] range = new int[6];
		for (int a = 0; a < 3; a++) {
			range[2 * a] = (int) Math.max(0, Math.floor(min[a]) - 1);
			range[2 * a + 1] = (int) Math.min(size[a] - 1, Math.ceil(max[a]) + 1);
		}
		return range;
	}
}
