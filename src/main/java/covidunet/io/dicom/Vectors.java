package covidunet.io.dicom;

/** The little 3-D vector arithmetic slice placement needs; vectors are 3 values of an array. */
final class Vectors {

	private Vectors() {}

	/** The dot product of {@code a[aFrom..aFrom+2]} and {@code b[bFrom..bFrom+2]}. */
	static double dot(final double[] a, final int aFrom, final double[] b, final int bFrom) {
		return a[aFrom] * b[bFrom] + a[aFrom + 1] * b[bFrom + 1] + a[aFrom + 2] * b[bFrom + 2];
	}

	/** The length of {@code v[from..from+2]}. */
	static double norm(final double[] v, final int from) {
		return Math.sqrt(dot(v, from, v, from));
	}

	/** The unit slice normal of an orientation (row direction, then column direction): their cross product. */
	static double[] normal(final double[] orientation) {
		final double[] n = {
			orientation[1] * orientation[5] - orientation[2] * orientation[4],
			orientation[2] * orientation[3] - orientation[0] * orientation[5],
			orientation[0] * orientation[4] - orientation[1] * orientation[3] };
		final double length = norm(n, 0);
		for (int d = 0; d < 3; d++) {
			n[d] /= length;
		}
		return n;
	}
}
