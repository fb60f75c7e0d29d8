package covidunet.predict;

/** Mirroring of windows in NDHWC arrays along any of x, y and z. */
final class Flips {

	/** The bit of an {@code axes} mask that flips x. */
	static final int X = 1;
	/** The bit of an {@code axes} mask that flips y. */
	static final int Y = 2;
	/** The bit of an {@code axes} mask that flips z. */
	static final int Z = 4;
	/** The number of masks: all combinations of the three axes, 0 (none) included. */
	static final int COMBINATIONS = 8;

	private Flips() {}

	/**
	 * Windows mirrored along the axes of a mask; a voxel's channels move together. Mirroring
	 * twice along the same axes gives the windows back.
	 *
	 * @param windows NDHWC {@code [count, wz, wy, wx, channels]}
	 * @param window the window's sides (x, y, z)
	 * @param axes a combination of {@link #X}, {@link #Y} and {@link #Z}
	 * @return a new array; {@code windows} itself if {@code axes} is 0
	 */
	static float[] flip(final float[] windows, final int count, final int[] window, final int channels,
		final int axes)
	{
		if (axes == 0) return windows;
		final int wx = window[0], wy = window[1], wz = window[2];
		final boolean fx = (axes & X) != 0, fy = (axes & Y) != 0, fz = (axes & Z) != 0;
		final float[] flipped = new float[windows.length];
		int from = 0;
		for (int j = 0; j < count; j++) {
			for (int z = 0; z < wz; z++) {
				final int tz = j * wz + (fz ? wz - 1 - z : z);
				for (int y = 0; y < wy; y++) {
					final int row = (tz * wy + (fy ? wy - 1 - y : y)) * wx;
					for (int x = 0; x < wx; x++) {
						final int to = (row + (fx ? wx - 1 - x : x)) * channels;
						for (int c = 0; c < channels; c++) flipped[to + c] = windows[from++];
					}
				}
			}
		}
		return flipped;
	}
}
