package covidunet.phantom;

import java.util.List;

/**
 * A branching vessel tree that fills a lung, grown from its hilum by recursive division of
 * territory: a branch owns a set of points spread through the lung, runs halfway towards their
 * centroid, and divides them by a plane across their longest extent between two children. The
 * children's radii follow Murray's law with flow in proportion to territory
 * ({@code r_child = r · (n_child / n)^(1/3)}), so the vessels taper from the hilum outwards and
 * the smallest, at single points, reach near the pleura. Thick vessels near the hilum are
 * {@link TubeKind#CENTRAL_VESSEL}s, the rest {@link TubeKind#PULMONARY_VESSEL}s.
 */
final class VesselTree {

	/** Vessels at least this thick (mm) are hilar: they take the lung label away. */
	private static final double HILAR_RADIUS = 5.5;

	private final double[][] points;
	private final int[] order;
	private final List<Tube> out;

	private VesselTree(final double[][] points, final List<Tube> out) {
		this.points = points;
		this.out = out;
		order = new int[points.length];
		for (int i = 0; i < order.length; i++) order[i] = i;
	}

	/**
	 * Adds a tree's tubes to {@code out}.
	 *
	 * @param root where the tree starts (the hilum)
	 * @param radius the root vessel's radius (mm)
	 * @param points the territory: points in the lung, at least one
	 */
	static void grow(final double[] root, final double radius, final double[][] points, final List<Tube> out) {
		if (points.length == 0) return;
		new VesselTree(points, out).branch(root, 0, points.length, radius);
	}

	private void branch(final double[] start, final int from, final int to, final double radius) {
		final int n = to - from;
		final double[] centre = centroid(from, to);
		final TubeKind kind = radius >= HILAR_RADIUS ? TubeKind.CENTRAL_VESSEL : TubeKind.PULMONARY_VESSEL;
		if (n == 1) {
			out.add(new Tube(start, centre, radius, 0.8 * radius, kind));
			return;
		}
		final double[] end = new double[3];
		for (int d = 0; d < 3; d++) end[d] = start[d] + 0.5 * (centre[d] - start[d]);
		out.add(new Tube(start, end, radius, radius, kind));
		final int split = divide(from, to, centre);
		branch(end, from, split, radius * StrictMath.cbrt((double) (split - from) / n));
		branch(end, split, to, radius * StrictMath.cbrt((double) (to - split) / n));
	}

	private double[] centroid(final int from, final int to) {
		final double[] c = new double[3];
		for (int i = from; i < to; i++) {
			for (int d = 0; d < 3; d++) c[d] += points[order[i]][d];
		}
		for (int d = 0; d < 3; d++) c[d] /= to - from;
		return c;
	}

	/**
	 * Reorders {@code order[from, to)} so that the points on one side of the plane through the
	 * centre across their principal axis come first; returns where the other side starts, never
	 * {@code from} or {@code to}.
	 */
	private int divide(final int from, final int to, final double[] centre) {
		final double[] axis = principalAxis(from, to, centre);
		int i = from, j = to - 1;
		while (i <= j) {
			if (projection(order[i], centre, axis) < 0) i++;
			else {
				final int t = order[i];
				order[i] = order[j];
				order[j--] = t;
			}
		}
		return i == from || i == to ? (from + to) / 2 : i;
	}

	private double projection(final int point, final double[] centre, final double[] axis) {
		final double[] p = points[point];
		return (p[0] - centre[0]) * axis[0] + (p[1] - centre[1]) * axis[1] + (p[2] - centre[2]) * axis[2];
	}

	/** The direction of largest spread, by power iteration on the covariance matrix. */
	private double[] principalAxis(final int from, final int to, final double[] centre) {
		final double[][] cov = new double[3][3];
		for (int i = from; i < to; i++) {
			final double[] p = points[order[i]];
			for (int a = 0; a < 3; a++) {
				for (int b = 0; b < 3; b++) cov[a][b] += (p[a] - centre[a]) * (p[b] - centre[b]);
			}
		}
		double[] axis = { 0.6, 0.5, 0.62 };
		for (int iteration = 0; iteration < 12; iteration++) {
			final double[] next = new double[3];
			for (int a = 0; a < 3; a++) {
				for (int b = 0; b < 3; b++) next[a] += cov[a][b] * axis[b];
			}
			final double norm = Math.sqrt(next[0] * next[0] + next[1] * next[1] + next[2] * next[2]);
			if (norm == 0) break;
			for (int a = 0; a < 3; a++) next[a] /= norm;
			axis = next;
		}
		return axis;
	}
}
