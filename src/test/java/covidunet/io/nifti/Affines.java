package covidunet.io.nifti;

/** Voxel-to-world matrices (4×4) the oracle tests place volumes with. */
final class Affines {

	private Affines() {}

	/** Axis-aligned, RAS, anisotropic, off-origin. */
	static final double[][] RAS = { { 1.5, 0, 0, -90 }, { 0, 1.2, 0, -120 }, { 0, 0, 2.5, -60 }, { 0, 0, 0, 1 } };

	/** As a DICOM series stored row by row: x towards the left, y posterior. */
	static final double[][] LPS = { { -0.8, 0, 0, 200 }, { 0, -0.8, 0, 210 }, { 0, 0, 3, -300 }, { 0, 0, 0, 1 } };

	/** Left-handed voxel grid (negative determinant), so the qform needs qfac = -1. */
	static final double[][] LAS = { { -2, 0, 0, 50 }, { 0, 3, 0, -20 }, { 0, 0, 4, 10 }, { 0, 0, 0, 1 } };

	/** Rotated about three axes, anisotropic. */
	static final double[][] OBLIQUE = oblique(false);

	/** {@link #OBLIQUE} with its third column negated: left-handed and rotated. */
	static final double[][] OBLIQUE_LEFT = oblique(true);

	/** Not a rotation times a scaling: an sform can hold it, a qform cannot. */
	static final double[][] SHEAR = { { 1, 0.2, 0, 5 }, { 0, 1, 0.1, 6 }, { 0, 0, 2, 7 }, { 0, 0, 0, 1 } };

	private static double[][] oblique(final boolean flipZ) {
		final double[][] r = multiply(multiply(rotation(2, 20), rotation(0, 10)), rotation(1, -5));
		final double[] scale = { 0.7, 0.9, flipZ ? -2.0 : 2.0 };
		final double[] offset = { 10, -20, 30 };
		final double[][] m = new double[4][4];
		for (int row = 0; row < 3; row++) {
			for (int col = 0; col < 3; col++) m[row][col] = r[row][col] * scale[col];
			m[row][3] = offset[row];
		}
		m[3][3] = 1;
		return m;
	}

	private static double[][] rotation(final int axis, final double degrees) {
		final double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees));
		final int i = (axis + 1) % 3, j = (axis + 2) % 3;
		final double[][] r = new double[3][3];
		r[axis][axis] = 1;
		r[i][i] = c;
		r[j][j] = c;
		r[i][j] = -s;
		r[j][i] = s;
		return r;
	}

	private static double[][] multiply(final double[][] a, final double[][] b) {
		final double[][] m = new double[3][3];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				for (int k = 0; k < 3; k++) m[r][c] += a[r][k] * b[k][c];
			}
		}
		return m;
	}
}
