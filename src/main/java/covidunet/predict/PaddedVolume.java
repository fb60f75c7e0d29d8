package covidunet.predict;

import java.util.Arrays;

/**
 * A volume padded at its far end, along each axis shorter than the window, by repeating its last
 * voxels (its last slice, row, column); windows are read from it. A short scan, such as a slab
 * through the lung bases, thus shows the network anatomy that continues past the scan's end
 * rather than a slab of air that no training patch held next to a lung.
 */
final class PaddedVolume {

	private final float[] values;
	private final int[] size;

	private PaddedVolume(final float[] values, final int[] size) {
		this.values = values;
		this.size = size;
	}

	/**
	 * The image padded to {@code paddedSize}; the image itself, not a copy, if no axis needs padding.
	 *
	 * @param image the volume, x fastest, of {@code size}; not changed
	 * @param paddedSize at least {@code size} along each axis
	 */
	static PaddedVolume of(final float[] image, final int[] size, final int[] paddedSize) {
		if (Arrays.equals(size, paddedSize)) return new PaddedVolume(image, size);
		final int nx = paddedSize[0], ny = paddedSize[1];
		final float[] padded = new float[nx * ny * paddedSize[2]];
		for (int z = 0; z < paddedSize[2]; z++) {
			final int sz = Math.min(z, size[2] - 1);
			for (int y = 0; y < ny; y++) {
				final int sy = Math.min(y, size[1] - 1);
				final int from = (sz * size[1] + sy) * size[0], to = (z * ny + y) * nx;
				System.arraycopy(image, from, padded, to, size[0]);
				Arrays.fill(padded, to + size[0], to + nx, image[from + size[0] - 1]);
			}
		}
		return new PaddedVolume(padded, paddedSize);
	}

	/**
	 * Copies the window starting at voxel {@code start} (x, y, z) into {@code target}, x fastest,
	 * from {@code offset} on.
	 */
	void copyWindow(final int[] start, final int[] window, final float[] target, final int offset) {
		int to = offset;
		for (int z = 0; z < window[2]; z++) {
			for (int y = 0; y < window[1]; y++) {
				final int from = ((start[2] + z) * size[1] + start[1] + y) * size[0] + start[0];
				System.arraycopy(values, from, target, to, window[0]);
				to += window[0];
			}
		}
	}
}
