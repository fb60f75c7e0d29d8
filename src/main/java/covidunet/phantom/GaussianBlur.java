package covidunet.phantom;

/**
 * The scanner's slight blur: a separable Gaussian, applied in place along x and y to each slice
 * as it is rendered and along z to the finished stack, with the edge voxels repeated beyond the
 * borders.
 */
final class GaussianBlur {

	/** Voxel columns blurred along z at a time, to read the slices in runs. */
	private static final int BLOCK = 512;

	private final float[] kernel;
	private final int radius;

	/** @param sigma the standard deviation in voxels, positive */
	GaussianBlur(final double sigma) {
		radius = Math.max(1, (int) Math.ceil(3 * sigma));
		kernel = new float[2 * radius + 1];
		double sum = 0;
		final double[] k = new double[kernel.length];
		for (int i = -radius; i <= radius; i++) {
			k[i + radius] = StrictMath.exp(-0.5 * i * i / (sigma * sigma));
			sum += k[i + radius];
		}
		for (int i = 0; i < k.length; i++) kernel[i] = (float) (k[i] / sum);
	}

	/**
	 * The standard deviation of white noise of unit standard deviation after {@link #blurSlice}
	 * (away from the edges): the root of the sum of the squared weights of the 2-D kernel.
	 */
	double whiteNoiseGain() {
		double sum = 0;
		for (final float k : kernel) sum += (double) k * k;
		return sum;
	}

	/** Blurs a slice of {@code width × height} values (x fastest) along x and y. */
	void blurSlice(final float[] slice, final int width, final int height) {
		final float[] line = new float[Math.max(width, height)];
		final float[] out = new float[line.length];
		for (int y = 0; y < height; y++) {
			System.arraycopy(slice, y * width, line, 0, width);
			convolve(line, width, out);
			System.arraycopy(out, 0, slice, y * width, width);
		}
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) line[y] = slice[y * width + x];
			convolve(line, height, out);
			for (int y = 0; y < height; y++) slice[y * width + x] = out[y];
		}
	}

	/** Blurs a stack of slices along z, rounding back to integers. */
	void blurStack(final short[][] slices) {
		final int depth = slices.length, length = slices[0].length;
		final float[][] block = new float[depth][BLOCK];
		final float[] line = new float[depth], out = new float[depth];
		for (int start = 0; start < length; start += BLOCK) {
			final int count = Math.min(BLOCK, length - start);
			for (int z = 0; z < depth; z++) {
				for (int i = 0; i < count; i++) block[z][i] = slices[z][start + i];
			}
			for (int i = 0; i < count; i++) {
				for (int z = 0; z < depth; z++) line[z] = block[z][i];
				convolve(line, depth, out);
				for (int z = 0; z < depth; z++) block[z][i] = out[z];
			}
			for (int z = 0; z < depth; z++) {
				for (int i = 0; i < count; i++) slices[z][start + i] = (short) Math.round(block[z][i]);
			}
		}
	}

	private void convolve(final float[] in, final int n, final float[] out) {
		for (int i = 0; i < n; i++) {
			float sum = 0;
			for (int k = -radius; k <= radius; k++) {
				final int j = Math.min(n - 1, Math.max(0, i + k));
				sum += kernel[k + radius] * in[j];
			}
			out[i] = sum;
		}
	}
}
