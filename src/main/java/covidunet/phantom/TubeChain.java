package covidunet.phantom;

import java.util.List;

/** Builds curved structures as chains of {@link Tube}s through given points. */
final class TubeChain {

	private TubeChain() {}

	/**
	 * Adds tubes through consecutive points, the radius changing linearly with the point index
	 * from {@code first} to {@code last}.
	 */
	static void add(final List<Tube> out, final TubeKind kind, final double first, final double last,
		final double[]... points)
	{
		final int n = points.length - 1;
		for (int i = 0; i < n; i++) {
			final double ra = first + (last - first) * i / n, rb = first + (last - first) * (i + 1) / n;
			out.add(new Tube(points[i], points[i + 1], ra, rb, kind));
		}
	}

	/** A point (u, v, w). */
	static double[] p(final double u, final double v, final double w) {
		return new double[] { u, v, w };
	}
}
