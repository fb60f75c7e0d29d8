package covidunet.io.nifti;

import covidunet.io.Affine;

/**
 * NIfTI-1's qform parameters and the affine they stand for, computed as nifti1_io.c's
 * {@code nifti_quatern_to_mat44} and {@code nifti_mat44_to_quatern} do.
 */
final class Quaternions {

	private Quaternions() {}

	/**
	 * The affine of a qform: rotation from the quaternion {@code (a, b, c, d)} with
	 * {@code a = sqrt(1 - b² - c² - d²)} (if {@code b² + c² + d²} reaches 1, {@code (b, c, d)} is
	 * normalised and {@code a = 0}), columns scaled by the voxel sizes (non-positive sizes taken
	 * as 1), the third negated when {@code qfac < 0}, and the offsets as translation.
	 */
	static Affine toAffine(final double qb, final double qc, final double qd, final double qx,
		final double qy, final double qz, final double dx, final double dy, final double dz,
		final double qfac)
	{
		double a = 1 - (qb * qb + qc * qc + qd * qd);
		double b = qb, c = qc, d = qd;
		if (a < 1e-7) {
			final double norm = 1 / Math.sqrt(b * b + c * c + d * d);
			b *= norm;
			c *= norm;
			d *= norm;
			a = 0;
		}
		else {
			a = Math.sqrt(a);
		}
		final double xd = dx > 0 ? dx : 1;
		final double yd = dy > 0 ? dy : 1;
		final double zd = (dz > 0 ? dz : 1) * (qfac < 0 ? -1 : 1);
		return Affine.ofRows( //
			(a * a + b * b - c * c - d * d) * xd, 2 * (b * c - a * d) * yd, 2 * (b * d + a * c) * zd, qx, //
			2 * (b * c + a * d) * xd, (a * a + c * c - b * b - d * d) * yd, 2 * (c * d - a * b) * zd, qy, //
			2 * (b * d - a * c) * xd, 2 * (c * d + a * b) * yd, (a * a + d * d - c * c - b * b) * zd, qz);
	}

	/**
	 * The qform parameters of an affine: {@code {b, c, d, qx, qy, qz, dx, dy, dz, qfac}}. The
	 * voxel sizes are the column lengths; the rotation is the orthogonal matrix nearest to the
	 * normalised columns (polar decomposition), its third column negated and {@code qfac = -1}
	 * when its determinant is negative; {@code a} is made non-negative.
	 *
	 * @throws IllegalArgumentException if the linear part is singular
	 */
	static double[] fromAffine(final Affine affine) {
		final double[][] r = new double[3][3];
		final double[] size = new double[3];
		for (int col = 0; col < 3; col++) {
			size[col] = affine.columnNorm(col);
			for (int row = 0; row < 3; row++) {
				r[row][col] = size[col] == 0 ? (row == col ? 1 : 0) : affine.get(row, col) / size[col];
			}
			if (size[col] == 0) size[col] = 1;
		}
		final double[][] p = nearestOrthogonal(r);
		final double qfac = determinant(p) > 0 ? 1 : -1;
		if (qfac < 0) {
			for (int row = 0; row < 3; row++) p[row][2] = -p[row][2];
		}
		final double[] q = quaternion(p);
		return new double[] { q[1], q[2], q[3], affine.get(0, 3), affine.get(1, 3), affine.get(2, 3),
			size[0], size[1], size[2], qfac };
	}

	/** {@code {a, b, c, d}} of a proper rotation matrix, with {@code a ≥ 0}. */
	private static double[] quaternion(final double[][] r) {
		final double trace = r[0][0] + r[1][1] + r[2][2] + 1;
		double a, b, c, d;
		if (trace > 0.5) {
			a = 0.5 * Math.sqrt(trace);
			b = 0.25 * (r[2][1] - r[1][2]) / a;
			c = 0.25 * (r[0][2] - r[2][0]) / a;
			d = 0.25 * (r[1][0] - r[0][1]) / a;
		}
		else {
			final double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
			final double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
			final double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
			if (xd > 1) {
				b = 0.5 * Math.sqrt(xd);
				c = 0.25 * (r[0][1] + r[1][0]) / b;
				d = 0.25 * (r[0][2] + r[2][0]) / b;
				a = 0.25 * (r[2][1] - r[1][2]) / b;
			}
			else if (yd > 1) {
				c = 0.5 * Math.sqrt(yd);
				b = 0.25 * (r[0][1] + r[1][0]) / c;
				d = 0.25 * (r[1][2] + r[2][1]) / c;
				a = 0.25 * (r[0][2] - r[2][0]) / c;
			}
			else {
				d = 0.5 * Math.sqrt(zd);
				b = 0.25 * (r[0][2] + r[2][0]) / d;
				c = 0.25 * (r[1][2] + r[2][1]) / d;
				a = 0.25 * (r[1][0] - r[0][1]) / d;
			}
			if (a < 0) {
				a = -a;
				b = -b;
				c = -c;
				d = -d;
			}
		}
		return new double[] { a, b, c, d };
	}

	/**
	 * The orthogonal factor of the polar decomposition of {@code m}, by Newton's iteration
	 * {@code X ← (γX + X⁻ᵀ/γ) / 2} with Frobenius-norm scaling {@code γ}.
	 */
	private static double[][] nearestOrthogonal(final double[][] m) {
		double[][] x = m;
		for (int iteration = 0; iteration < 100; iteration++) {
			final double[][] inverse = inverse(x);
			final double gamma = Math.sqrt(frobenius(inverse) / frobenius(x));
			final double[][] next = new double[3][3];
			double change = 0;
			for (int row = 0; row < 3; row++) {
				for (int col = 0; col < 3; col++) {
					next[row][col] = 0.5 * (gamma * x[row][col] + inverse[col][row] / gamma);
					change += Math.abs(next[row][col] - x[row][col]);
				}
			}
			x = next;
			if (change < 1e-12) break;
		}
		return x;
	}

	private static double[][] inverse(final double[][] m) {
		final double det = determinant(m);
		if (det == 0 || !Double.isFinite(det)) {
			throw new IllegalArgumentException("the qform's linear part is singular");
		}
		final double[][] inv = new double[3][3];
		for (int row = 0; row < 3; row++) {
			for (int col = 0; col < 3; col++) {
				final int r1 = (col + 1) % 3, r2 = (col + 2) % 3, c1 = (row + 1) % 3, c2 = (row + 2) % 3;
				inv[row][col] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
			}
		}
		return inv;
	}

	private static double determinant(final double[][] m) {
		return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
			m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
			m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
	}

	private static double frobenius(final double[][] m) {
		double sum = 0;
		for (final double[] row : m) {
			for (final double v : row) sum += v * v;
		}
		return Math.sqrt(sum);
	}
}
