package covidunet.io;

import java.util.Arrays;

/**
 * An immutable affine map from voxel indices (x, y, z) to world coordinates in millimetres: a
 * 3×4 matrix {@code [M | t]}, the last row of the homogeneous 4×4 form being {@code 0 0 0 1}.
 */
public final class Affine {

	private final double[] m;

	private Affine(final double[] rowMajor3x4) {
		for (final double v : rowMajor3x4) {
			if (!Double.isFinite(v)) {
				throw new IllegalArgumentException("affine has a non-finite entry: " + Arrays.toString(rowMajor3x4));
			}
		}
		this.m = rowMajor3x4;
	}

	/** An affine from its first three rows, row-major (12 values). */
	public static Affine ofRows(final double... rowMajor3x4) {
		if (rowMajor3x4.length != 12) {
			throw new IllegalArgumentException("an affine needs 12 values, got " + rowMajor3x4.length);
		}
		return new Affine(rowMajor3x4.clone());
	}

	/** The diagonal affine with the given scales and no translation. */
	public static Affine diagonal(final double sx, final double sy, final double sz) {
		return new Affine(new double[] { sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0 });
	}

	/** Entry at row {@code r} (0–3) and column {@code c} (0–3) of the 4×4 matrix. */
	public double get(final int r, final int c) {
		if (r == 3) return c == 3 ? 1 : 0;
		return m[4 * r + c];
	}

	/** The 4×4 homogeneous matrix, row-major. */
	public double[][] toMatrix() {
		final double[][] out = new double[4][4];
		for (int r = 0; r < 4; r++) {
			for (int c = 0; c < 4; c++) {
				out[r][c] = get(r, c);
			}
		}
		return out;
	}

	/** The length of column {@code c} of the linear part: the voxel size along axis c in mm. */
	public double columnNorm(final int c) {
		return Math.sqrt(get(0, c) * get(0, c) + get(1, c) * get(1, c) + get(2, c) * get(2, c));
	}

	/** The determinant of the linear part; negative for a left-handed voxel grid. */
	public double determinant() {
		return get(0, 0) * (get(1, 1) * get(2, 2) - get(1, 2) * get(2, 1)) -
			get(0, 1) * (get(1, 0) * get(2, 2) - get(1, 2) * get(2, 0)) +
			get(0, 2) * (get(1, 0) * get(2, 1) - get(1, 1) * get(2, 0));
	}

	/** World coordinates (mm) of a voxel position. */
	public double[] apply(final double x, final double y, final double z) {
		final double[] w = new double[3];
		for (int r = 0; r < 3; r++) {
			w[r] = m[4 * r] * x + m[4 * r + 1] * y + m[4 * r + 2] * z + m[4 * r + 3];
		}
		return w;
	}

	/** Whether every entry differs from {@code other}'s by at most {@code tolerance}. */
	public boolean approximatelyEquals(final Affine other, final double tolerance) {
		for (int i = 0; i < 12; i++) {
			if (Math.abs(m[i] - other.m[i]) > tolerance) return false;
		}
		return true;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Affine && Arrays.equals(m, ((Affine) o).m);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(m);
	}

	@Override
	public String toString() {
		return Arrays.deepToString(toMatrix());
	}
}
