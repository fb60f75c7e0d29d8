package covidunet.phantom;

/**
 * Seeded 3-D value noise: random values in [−1, 1] on a cubic lattice of a given cell size (mm),
 * smoothly interpolated between. Gives tissue texture and irregular lesion borders that are part
 * of the anatomy (fixed in world coordinates), unlike the scanner's noise.
 */
final class ValueNoise {

	private static final long PX = 0x9e3779b97f4a7c15L;
	private static final long PY = 0xc2b2ae3d27d4eb4fL;
	private static final long PZ = 0x165667b19e3779f9L;

	private final long seed;
	private final double inverseCell;

	/**
	 * @param seed the lattice values' seed
	 * @param cell the lattice spacing in mm: the size of the texture's features
	 */
	ValueNoise(final long seed, final double cell) {
		this.seed = Seeds.scramble(seed);
		this.inverseCell = 1 / cell;
	}

	/** The noise at a point (mm), in [−1, 1]. */
	double at(final double x, final double y, final double z) {
		final double gx = x * inverseCell, gy = y * inverseCell, gz = z * inverseCell;
		final double fx0 = Math.floor(gx), fy0 = Math.floor(gy), fz0 = Math.floor(gz);
		final long ix = (long) fx0, iy = (long) fy0, iz = (long) fz0;
		final double tx = fade(gx - fx0), ty = fade(gy - fy0), tz = fade(gz - fz0);
		final double c00 = lerp(lattice(ix, iy, iz), lattice(ix + 1, iy, iz), tx);
		final double c10 = lerp(lattice(ix, iy + 1, iz), lattice(ix + 1, iy + 1, iz), tx);
		final double c01 = lerp(lattice(ix, iy, iz + 1), lattice(ix + 1, iy, iz + 1), tx);
		final double c11 = lerp(lattice(ix, iy + 1, iz + 1), lattice(ix + 1, iy + 1, iz + 1), tx);
		return lerp(lerp(c00, c10, ty), lerp(c01, c11, ty), tz);
	}

	/** Two octaves: the noise plus half of it at double frequency, scaled back to about [−1, 1]. */
	double fractal(final double x, final double y, final double z) {
		return (at(x, y, z) + 0.5 * at(2.03 * x + 17.1, 2.03 * y - 5.3, 2.03 * z + 9.7)) / 1.5;
	}

	private double lattice(final long x, final long y, final long z) {
		final long h = Seeds.scramble(seed ^ x * PX ^ y * PY ^ z * PZ);
		return (h >>> 11) * 0x1.0p-52 - 1;
	}

	private static double fade(final double t) {
		return t * t * (3 - 2 * t);
	}

	private static double lerp(final double a, final double b, final double t) {
		return a + (b - a) * t;
	}
}
