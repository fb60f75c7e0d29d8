package covidunet.phantom;

/**
 * Small numeric helpers of the anatomy model. Everything is plain arithmetic (no
 * {@code Math.sin} and the like per voxel), fast and bit-for-bit reproducible.
 */
final class Shapes {

	private Shapes() {}

	/** 0 below {@code edge0}, 1 above {@code edge1}, a cubic ramp between. */
	static double smoothstep(final double edge0, final double edge1, final double x) {
		final double t = clamp((x - edge0) / (edge1 - edge0), 0, 1);
		return t * t * (3 - 2 * t);
	}

	static double clamp(final double x, final double low, final double high) {
		return x < low ? low : x > high ? high : x;
	}

	static double mix(final double a, final double b, final double t) {
		return a + (b - a) * t;
	}

	/**
	 * A smooth bump of the angular distance between {@code theta} and {@code centre}: 1 at the
	 * centre, 0 from {@code halfWidth} on (radians).
	 */
	static double angularBump(final double theta, final double centre, final double halfWidth) {
		final double d = Math.abs(wrap(theta - centre));
		if (d >= halfWidth) return 0;
		final double t = 1 - (d / halfWidth) * (d / halfWidth);
		return t * t;
	}

	/** A smooth bump of {@code x}: 1 at {@code centre}, 0 from {@code halfWidth} away. */
	static double bump(final double x, final double centre, final double halfWidth) {
		final double d = (x - centre) / halfWidth;
		if (d <= -1 || d >= 1) return 0;
		final double t = 1 - d * d;
		return t * t;
	}

	/** The angle wrapped to [−π, π). */
	static double wrap(final double theta) {
		double t = theta % (2 * Math.PI);
		if (t >= Math.PI) t -= 2 * Math.PI;
		else if (t < -Math.PI) t += 2 * Math.PI;
		return t;
	}

	/**
	 * {@code atan2(y, x)} by a polynomial, within 1e-5 rad: enough for shape tables, and several
	 * times faster than {@link Math#atan2}.
	 */
	static double atan2(final double y, final double x) {
		final double ax = Math.abs(x), ay = Math.abs(y);
		final double max = Math.max(ax, ay);
		if (max == 0) return 0;
		final double a = Math.min(ax, ay) / max;
		final double s = a * a;
		double r = ((((0.0208351 * s - 0.085133) * s + 0.180141) * s - 0.3302995) * s + 0.999866) * a;
		if (ay > ax) r = Math.PI / 2 - r;
		if (x < 0) r = Math.PI - r;
		return y < 0 ? -r : r;
	}
}
