package covidunet.predict;

import java.util.Arrays;

/**
 * A volume padded at its far end, along each axis shorter than the window, with its own
 * minimum value (air, in a CT); windows are read from it.
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
		float air = Float.POSITIVE_INFINITY;
		for (final float value : image) air = Math.min(air, value);
		final float[] padded = new float[paddedSize[0] * paddedSize[1] * paddedSize[2]];
		Arrays.fill(padded, air);
		for (int z = 0; z < size[2]; z++) {
			for (int y = 0; y < size[1]; y++) {
				System.arraycopy(image, (z * size[1] + y) * size[0], padded, (z * paddedSize[1] + y) * paddedSize[0],
					size[0]);
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
