package covidunet.phantom;

/**
 * A straight piece of a vessel, airway or bone: a capsule around the segment from a to b whose
 * radius changes linearly from a's to b's, in the patient's coordinates (mm). Curved structures
 * are chains of tubes.
 */
final class Tube {

	final double ax, ay, az, bx, by, bz, ra, rb;
	final TubeKind kind;
	private final double dx, dy, dz, inverseLength2;

	Tube(final double[] a, final double[] b, final double ra, final double rb, final TubeKind kind) {
		ax = a[0];
		ay = a[1];
		az = a[2];
		bx = b[0];
		by = b[1];
		bz = b[2];
		this.ra = ra;
		this.rb = rb;
		this.kind = kind;
		dx = bx - ax;
		dy = by - ay;
		dz = bz - az;
		final double length2 = dx * dx + dy * dy + dz * dz;
		inverseLength2 = length2 > 0 ? 1 / length2 : 0;
	}

	/** The larger of the two radii: how far the tube reaches from its axis. */
	double reach() {
		return Math.max(ra, rb);
	}

	/**
	 * The signed distance of a point from the tube's surface (negative inside) and the radius at
	 * the nearest axis point, as {@code out[0]} and {@code out[1]}.
	 */
	void distance(final double x, final double y, final double z, final double[] out) {
		final double px = x - ax, py = y - ay, pz = z - az;
		final double t = Shapes.clamp((px * dx + py * dy + pz * dz) * inverseLength2, 0, 1);
		final double qx = px - t * dx, qy = py - t * dy, qz = pz - t * dz;
		final double radius = ra + t * (rb - ra);
		out[0] = Math.sqrt(qx * qx + qy * qy + qz * qz) - radius;
		out[1] = radius;
	}
}
