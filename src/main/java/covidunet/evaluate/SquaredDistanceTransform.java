package covidunet.evaluate;

import java.util.stream.IntStream;

/**
 * The exact squared Euclidean distance transform of Felzenszwalb and Huttenlocher (Distance
 * transforms of sampled functions, Theory of Computing 8, 2012) on an anisotropic grid: one
 * lower envelope of parabolas per line, along x, then y, then z, with positions in millimetres.
 * Each pass runs its planes in parallel.
 */
final class SquaredDistanceTransform {

	private SquaredDistanceTransform() {}

	/**
	 * Replaces each value {@code f(p)} of a block, x fastest, by {@code min over q of |p − q|² +
	 * f(q)}, {@code |p − q|} in mm: for 0 at the features and +∞ elsewhere, the squared distance to
	 * the nearest feature (+∞ everywhere if there is none).
	 *
	 * @param values the block's values, changed in place
	 * @param size the block's size along x, y, z
	 * @param spacing the voxel size along x, y, z in mm
	 */
	static void transform(final float[] values, final int[] size, final double[] spacing) {
		final int nx = size[0], ny = size[1], nz = size[2], slice = nx * ny;
		IntStream.range(0, nz).parallel().forEach(z -> {
			final LowerEnvelope line = new LowerEnvelope(nx);
			for (int y = 0; y < ny; y++) line.apply(values, z * slice + y * nx, 1, nx, spacing[0]);
		});
		IntStream.range(0, nz).parallel().forEach(z -> {
			final LowerEnvelope line = new LowerEnvelope(ny);
			for (int x = 0; x < nx; x++) line.apply(values, z * slice + x, nx, ny, spacing[1]);
		});
		IntStream.range(0, ny).parallel().forEach(y -> {
			final LowerEnvelope line = new LowerEnvelope(nz);
			for (int x = 0; x < nx; x++) line.apply(values, y * nx + x, slice, nz, spacing[2]);
		});
	}

	/** The 1-D transform of one line at a time, with its work arrays. */
	private static final class LowerEnvelope {

		private final double[] f;
		private final int[] vertices;
		private final double[] starts;

		LowerEnvelope(final int length) {
			f = new double[length];
			vertices = new int[length];
			starts = new double[length + 1];
		}

		/** Transforms the {@code n} values at {@code offset}, {@code offset + stride}, … in place. */
		void apply(final float[] values, final int offset, final int stride, final int n, final double spacing) {
			for (int q = 0; q < n; q++) f[q] = values[offset + q * stride];
			final int k = envelope(n, spacing);
			if (k < 0) return;
			final double spacing2 = spacing * spacing;
			int j = 0;
			for (int q = 0; q < n; q++) {
				while (starts[j + 1] < q * spacing) j++;
				final int d = q - vertices[j];
				values[offset + q * stride] = (float) (d * (double) d * spacing2 + f[vertices[j]]);
			}
		}

		/**
		 * Builds the lower envelope of the parabolas of the finite values: their apexes in
		 * {@code vertices}, the position where each starts to be lowest in {@code starts}.
		 *
		 * @return the index of the last parabola, or −1 if all values are infinite
		 */
		private int envelope(final int n, final double spacing) {
			int k = -1;
			for (int q = 0; q < n; q++) {
				if (f[q] == Double.POSITIVE_INFINITY) continue;
				if (k < 0) {
					k = 0;
					vertices[0] = q;
					starts[0] = Double.NEGATIVE_INFINITY;
					starts[1] = Double.POSITIVE_INFINITY;
					continue;
				}
				final double xq = q * spacing;
				double s = intersection(vertices[k], xq, f[q], spacing);
				while (s <= starts[k]) {
					k--;
					s = intersection(vertices[k], xq, f[q], spacing);
				}
				k++;
				vertices[k] = q;
				starts[k] = s;
				starts[k + 1] = Double.POSITIVE_INFINITY;
			}
			return k;
		}

		/** Where the parabola with its apex at voxel {@code p} meets the one at {@code xq} (mm). */
		private double intersection(final int p, final double xq, final double fq, final double spacing) {
			final double xp = p * spacing;
			return (fq + xq * xq - (f[p] + xp * xp)) / (2 * (xq - xp));
		}
	}
}
