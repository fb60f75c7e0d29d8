package covidunet.sample;

/**
 * Samples a volume at arbitrary points: the image with Keys' cubic convolution (Catmull–Rom,
 * a = −½; 4 × 4 × 4 taps, separable weights, no prefilter), the labels with the nearest voxel.
 * <p>
 * A point belongs to the volume when its nearest voxel does, i.e. each coordinate lies in
 * [−½, n − ½); elsewhere the image is the given outside value and the label background, so
 * image and labels have the same support. Near the border the taps that fall outside repeat the edge voxel. Points whose
 * 64 taps all lie inside take a path without bounds checks.
 */
final class CubicSampler {

	private final float[] image;
	private final byte[] labels;
	private final int nx, ny, nz, sy, sz;
	private final float outsideValue;

	/**
	 * @param image the voxels, x fastest
	 * @param labels the labels on the same grid
	 * @param size the grid size along x, y, z
	 * @param outsideValue the image's value at points outside the volume
	 */
	CubicSampler(final float[] image, final byte[] labels, final int[] size, final float outsideValue) {
		this.image = image;
		this.outsideValue = outsideValue;
		this.labels = labels;
		nx = size[0];
		ny = size[1];
		nz = size[2];
		sy = nx;
		sz = nx * ny;
	}

	/**
	 * Samples the points {@code (px[i], py[i], pz[i])}, i &lt; n, into {@code outImage} and
	 * {@code outLabels} from {@code offset} on; marks points outside the volume with 1 in
	 * {@code outside} unless it is {@code null}.
	 */
	void row(final float[] px, final float[] py, final float[] pz, final int n, final float[] outImage,
		final byte[] outLabels, final int offset, final byte[] outside)
	{
		final float[] img = image;
		final int sy = this.sy, sz = this.sz;
		for (int i = 0; i < n; i++) {
			final float x = px[i], y = py[i], z = pz[i];
			final int ix = (int) Math.floor(x), iy = (int) Math.floor(y), iz = (int) Math.floor(z);
			final float tx = x - ix, ty = y - iy, tz = z - iz;
			final int o = offset + i;
			if (ix >= 1 && ix < nx - 2 && iy >= 1 && iy < ny - 2 && iz >= 1 && iz < nz - 2) {
				final float x0 = w0(tx), x1 = w1(tx), x2 = w2(tx), x3 = w3(tx);
				final float y0 = w0(ty), y1 = w1(ty), y2 = w2(ty), y3 = w3(ty);
				final int b = (iz - 1) * sz + (iy - 1) * sy + ix - 1;
				float sum = w0(tz) * plane(img, b, sy, x0, x1, x2, x3, y0, y1, y2, y3);
				sum += w1(tz) * plane(img, b + sz, sy, x0, x1, x2, x3, y0, y1, y2, y3);
				sum += w2(tz) * plane(img, b + 2 * sz, sy, x0, x1, x2, x3, y0, y1, y2, y3);
				sum += w3(tz) * plane(img, b + 3 * sz, sy, x0, x1, x2, x3, y0, y1, y2, y3);
				outImage[o] = sum;
				outLabels[o] = labels[b + sz + sy + 1 + (tz >= 0.5f ? sz : 0) + (ty >= 0.5f ? sy : 0) +
					(tx >= 0.5f ? 1 : 0)];
			}
			else {
				border(x, y, z, outImage, outLabels, o, outside);
			}
		}
	}

	/** A point near or beyond the border: nearest-voxel test, then taps clamped to the volume. */
	private void border(final float x, final float y, final float z, final float[] outImage, final byte[] outLabels,
		final int o, final byte[] outside)
	{
		final int ix = (int) Math.floor(x), iy = (int) Math.floor(y), iz = (int) Math.floor(z);
		final float tx = x - ix, ty = y - iy, tz = z - iz;
		final int lx = tx >= 0.5f ? ix + 1 : ix, ly = ty >= 0.5f ? iy + 1 : iy, lz = tz >= 0.5f ? iz + 1 : iz;
		if (lx < 0 || lx >= nx || ly < 0 || ly >= ny || lz < 0 || lz >= nz) {
			outImage[o] = outsideValue;
			outLabels[o] = 0;
			if (outside != null) outside[o] = 1;
			return;
		}
		outLabels[o] = labels[lz * sz + ly * sy + lx];
		final int a0 = clamp(ix - 1, nx), a1 = clamp(ix, nx), a2 = clamp(ix + 1, nx), a3 = clamp(ix + 2, nx);
		final float x0 = w0(tx), x1 = w1(tx), x2 = w2(tx), x3 = w3(tx);
		final float y0 = w0(ty), y1 = w1(ty), y2 = w2(ty), y3 = w3(ty);
		float sum = 0;
		for (int c = -1; c <= 2; c++) {
			final int zo = clamp(iz + c, nz) * sz;
			final float plane = y0 * line(zo + clamp(iy - 1, ny) * sy, a0, a1, a2, a3, x0, x1, x2, x3) +
				y1 * line(zo + clamp(iy, ny) * sy, a0, a1, a2, a3, x0, x1, x2, x3) +
				y2 * line(zo + clamp(iy + 1, ny) * sy, a0, a1, a2, a3, x0, x1, x2, x3) +
				y3 * line(zo + clamp(iy + 2, ny) * sy, a0, a1, a2, a3, x0, x1, x2, x3);
			sum += (c == -1 ? w0(tz) : c == 0 ? w1(tz) : c == 1 ? w2(tz) : w3(tz)) * plane;
		}
		outImage[o] = sum;
	}

	private float line(final int row, final int a0, final int a1, final int a2, final int a3, final float x0,
		final float x1, final float x2, final float x3)
	{
		return x0 * image[row + a0] + x1 * image[row + a1] + x2 * image[row + a2] + x3 * image[row + a3];
	}

	private static int clamp(final int i, final int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}

	/** The 4 × 4 taps of one z plane from {@code b} (its first tap), weighted along x and y. */
	private static float plane(final float[] img, final int b, final int sy, final float x0, final float x1,
		final float x2, final float x3, final float y0, final float y1, final float y2, final float y3)
	{
		final int b1 = b + sy, b2 = b1 + sy, b3 = b2 + sy;
		return y0 * (x0 * img[b] + x1 * img[b + 1] + x2 * img[b + 2] + x3 * img[b + 3]) +
			y1 * (x0 * img[b1] + x1 * img[b1 + 1] + x2 * img[b1 + 2] + x3 * img[b1 + 3]) +
			y2 * (x0 * img[b2] + x1 * img[b2 + 1] + x2 * img[b2 + 2] + x3 * img[b2 + 3]) +
			y3 * (x0 * img[b3] + x1 * img[b3 + 1] + x2 * img[b3 + 2] + x3 * img[b3 + 3]);
	}

	/** Catmull–Rom weight of the tap at −1 for a point t ∈ [0, 1) past tap 0. */
	static float w0(final float t) {
		return ((-0.5f * t + 1) * t - 0.5f) * t;
	}

	/** Weight of tap 0. */
	static float w1(final float t) {
		return (1.5f * t - 2.5f) * t * t + 1;
	}

	/** Weight of tap 1. */
	static float w2(final float t) {
		return ((-1.5f * t + 2) * t + 0.5f) * t;
	}

	/** Weight of tap 2. */
	static float w3(final float t) {
		return (0.5f * t - 0.5f) * t * t;
	}
}
