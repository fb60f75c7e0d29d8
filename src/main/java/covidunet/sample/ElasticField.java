package covidunet.sample;

import java.util.SplittableRandom;

/**
 * The displacement field of the elastic deformation, as batchgenerators makes it (uniform(−1, 1)
 * noise per axis over the patch grid, zero outside it, Gaussian-smoothed with {@code sigma}
 * voxels, times {@code alpha}) but computed on a grid {@link #factorFor coarser} by up to 4 per
 * axis and interpolated trilinearly.
 * <p>
 * Coarse node {@code (a, b, c)} sits on patch voxel {@code (a f, b f, c f)}. Smoothing white noise
 * on a grid f times coarser with {@code sigma / f} gives a field f<sup>3/2</sup> times larger
 * with the same correlation length, so the coarse field is scaled by alpha f<sup>−3/2</sup>: the
 * result has the full-resolution field's covariance (up to the discretisation), not its voxels.
 * The field is stored already multiplied by a linear map (the rotation and scaling that follow
 * it), which commutes with the interpolation.
 */
final class ElasticField {

	/** Gaussian kernels reach 4 sigma, as SciPy's {@code gaussian_filter}. */
	private static final double TRUNCATE = 4;

	private final int factor;
	private final int cx, cy;
	private final float[][] nodes;

	/**
	 * @param size the patch size along x, y, z
	 * @param alpha the field's magnitude
	 * @param sigma the smoothing in voxels
	 * @param seed the seed of the noise
	 * @param map a 3 × 3 matrix, row-major, applied to each displacement
	 */
	ElasticField(final int[] size, final double alpha, final double sigma, final long seed, final double[] map) {
		factor = factorFor(sigma);
		final int[] grid = grid(size, factor);
		cx = grid[0];
		cy = grid[1];
		final int count = cx * cy * grid[2];
		final SplittableRandom random = new SplittableRandom(seed);
		final double[][] field = new double[3][count];
		final double[] kernel = gaussian(sigma / factor);
		final double gain = alpha * Math.pow(factor, -1.5);
		for (final double[] component : field) {
			for (int i = 0; i < count; i++) component[i] = 2 * random.nextDouble() - 1;
			smooth(component, grid, kernel);
			for (int i = 0; i < count; i++) component[i] *= gain;
		}
		nodes = new float[3][count];
		for (int i = 0; i < count; i++) {
			for (int d = 0; d < 3; d++) {
				nodes[d][i] = (float) (map[3 * d] * field[0][i] + map[3 * d + 1] * field[1][i] + map[3 * d + 2] *
					field[2][i]);
			}
		}
	}

	/** How much coarser than the patch the field is computed: ⌊sigma / 2⌋ within [1, 4]. */
	static int factorFor(final double sigma) {
		return (int) Math.max(1, Math.min(4, Math.floor(sigma / 2)));
	}

	/**
	 * The coarse grid's nodes along x, y, z: one every {@code factor} voxels from voxel 0, and one
	 * past the patch's last voxel.
	 */
	static int[] grid(final int[] size, final int factor) {
		return new int[] { (size[0] - 1) / factor + 2, (size[1] - 1) / factor + 2, (size[2] - 1) / factor + 2 };
	}

	/** The coarse grid's spacing in patch voxels. */
	int factor() {
		return factor;
	}

	/** Scratch space for {@link #row}: three coarse rows. */
	float[][] newScratch() {
		return new float[3][cx];
	}

	/**
	 * The displacements of patch row (y = j, z = k), voxels 0 … n − 1, into {@code dx, dy, dz}.
	 */
	void row(final int j, final int k, final int n, final float[] dx, final float[] dy, final float[] dz,
		final float[][] scratch)
	{
		final int j0 = j / factor, k0 = k / factor;
		final float ty = (j - j0 * factor) / (float) factor, tz = (k - k0 * factor) / (float) factor;
		final float w00 = (1 - ty) * (1 - tz), w10 = ty * (1 - tz), w01 = (1 - ty) * tz, w11 = ty * tz;
		final int r00 = (k0 * cy + j0) * cx, r10 = r00 + cx, r01 = r00 + cx * cy, r11 = r01 + cx;
		final float[][] out = { dx, dy, dz };
		final float step = 1f / factor;
		for (int d = 0; d < 3; d++) {
			final float[] a = nodes[d], r = scratch[d], o = out[d];
			for (int m = 0; m < cx; m++) {
				r[m] = w00 * a[r00 + m] + w10 * a[r10 + m] + w01 * a[r01 + m] + w11 * a[r11 + m];
			}
			for (int m = 0, i = 0; i < n; m++) {
				final float base = r[m], slope = (r[m + 1] - base) * step;
				for (int q = 0; q < factor && i < n; q++, i++) o[i] = base + q * slope;
			}
		}
	}

	/** A normalised Gaussian kernel of {@code sigma} samples, radius ⌊4 sigma + ½⌋. */
	private static double[] gaussian(final double sigma) {
		final int radius = (int) (TRUNCATE * sigma + 0.5);
		final double[] k = new double[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++) {
			k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
			sum += k[i + radius];
		}
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		return k;
	}

	/** Separable convolution along x, y and z, zero outside the grid. */
	private static void smooth(final double[] values, final int[] dims, final double[] kernel) {
		final int[] strides = { 1, dims[0], dims[0] * dims[1] };
		for (int axis = 0; axis < 3; axis++) {
			final int n = dims[axis], stride = strides[axis];
			final double[] line = new double[n];
			for (int start = 0; start < values.length; start++) {
				if (start / stride % n != 0) continue;
				for (int i = 0; i < n; i++) line[i] = values[start + i * stride];
				convolve(line, kernel, values, start, stride);
			}
		}
	}

	private static void convolve(final double[] line, final double[] kernel, final double[] out, final int start,
		final int stride)
	{
		final int n = line.length, radius = kernel.length / 2;
		for (int i = 0; i < n; i++) {
			double sum = 0;
			for (int t = Math.max(-radius, -i), end = Math.min(radius, n - 1 - i); t <= end; t++) {
				sum += kernel[t + radius] * line[i + t];
			}
			out[start + i * stride] = sum;
		}
	}
}
