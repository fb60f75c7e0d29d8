package covidunet.predict;

import java.util.Arrays;
import java.util.Objects;

import covidunet.BadInputException;

/**
 * Where the windows of a sliding-window prediction start. Along each axis (see
 * {@link #starts}) windows of side {@code w} start every {@code w − overlap} voxels from 0, and
 * the last one is moved back so that it ends exactly at the volume's border; an axis no longer
 * than the window has one window at 0 and is padded at its end to the window ({@link #paddedSize()}).
 * In 3-D the windows are all combinations of the axes' starts, numbered with x fastest and z
 * slowest. Immutable.
 */
public final class WindowGrid {

	private static final String[] AXES = { "x", "y", "z" };

	private final int[] paddedSize;
	private final int[][] starts;
	private final int count;

	private WindowGrid(final int[] paddedSize, final int[][] starts, final int count) {
		this.paddedSize = paddedSize;
		this.starts = starts;
		this.count = count;
	}

	/**
	 * The window starts along one axis: {@code 0, s, 2s, …} with step {@code s = w − o}, the last
	 * one {@code n − w}; just {@code 0} if {@code n ≤ w}. Strictly increasing, so no window is
	 * repeated, and every voxel {@code 0 … n − 1} lies in a window.
	 *
	 * @param n the volume's side, at least 1
	 * @param w the window's side, at least 1
	 * @param o the overlap of neighbouring windows, from 0 to {@code w − 1}
	 * @throws BadInputException naming {@code size}, {@code window} or {@code overlap}
	 */
	public static int[] starts(final int n, final int w, final int o) {
		if (n < 1) throw new BadInputException("size: must be at least 1, got " + n);
		if (w < 1) throw new BadInputException("window: must be at least 1, got " + w);
		if (o < 0 || o >= w) throw new BadInputException("overlap: must be from 0 to " + (w - 1) + ", got " + o);
		if (n <= w) return new int[] { 0 };
		final int step = w - o;
		final int count = (n - w + step - 1) / step + 1;
		final int[] starts = new int[count];
		for (int i = 0; i < count - 1; i++) starts[i] = i * step;
		starts[count - 1] = n - w;
		return starts;
	}

	/**
	 * The windows over a volume.
	 *
	 * @param size the volume's sides (x, y, z), each at least 1
	 * @param window the window's sides (x, y, z), each at least 1
	 * @param overlap the overlap along each axis (x, y, z), each from 0 to the window's side − 1
	 * @throws BadInputException naming {@code size}, {@code window} or {@code overlap}
	 */
	public static WindowGrid of(final int[] size, final int[] window, final int[] overlap) {
		checkSides(size, "size");
		checkOverlap(window, overlap);
		final int[][] starts = new int[3][];
		final int[] paddedSize = new int[3];
		long count = 1;
		for (int d = 0; d < 3; d++) {
			starts[d] = starts(size[d], window[d], overlap[d]);
			paddedSize[d] = Math.max(size[d], window[d]);
			count *= starts[d].length;
		}
		if (count > Integer.MAX_VALUE) {
			throw new BadInputException("window: " + Arrays.toString(window) + " gives " + count + " windows over " +
				Arrays.toString(size) + ", more than 2^31 − 1");
		}
		return new WindowGrid(paddedSize, starts, (int) count);
	}

	/** The number of windows. */
	public int count() {
		return count;
	}

	/**
	 * The first voxel (x, y, z) of window {@code index}; windows are numbered x fastest.
	 *
	 * @throws IndexOutOfBoundsException unless {@code 0 ≤ index < count()}
	 */
	public int[] start(final int index) {
		Objects.checkIndex(index, count);
		final int nx = starts[0].length, ny = starts[1].length;
		return new int[] { starts[0][index % nx], starts[1][index / nx % ny], starts[2][index / nx / ny] };
	}

	/** The sides (x, y, z) of the volume padded to the window: the larger of volume and window. */
	public int[] paddedSize() {
		return paddedSize.clone();
	}

	/**
	 * @throws BadInputException naming {@code name} unless {@code sides} has 3 values, each at
	 *           least 1
	 */
	static void checkSides(final int[] sides, final String name) {
		if (sides == null || sides.length != 3) {
			throw new BadInputException(name + ": must have 3 sides (x, y, z), got " + Arrays.toString(sides));
		}
		for (final int side : sides) {
			if (side < 1) throw new BadInputException(name + ": sides must be at least 1, got " + Arrays.toString(sides));
		}
	}

	/**
	 * @throws BadInputException naming {@code window} or {@code overlap} unless the window has 3
	 *           sides of at least 1 and each overlap is from 0 to the window's side − 1
	 */
	static void checkOverlap(final int[] window, final int[] overlap) {
		checkSides(window, "window");
		if (overlap == null || overlap.length != 3) {
			throw new BadInputException("overlap: must have 3 values (x, y, z), got " + Arrays.toString(overlap));
		}
		for (int d = 0; d < 3; d++) {
			if (overlap[d] < 0 || overlap[d] >= window[d]) {
				throw new BadInputException("overlap: " + overlap[d] + " along " + AXES[d] + " is not from 0 to " +
					(window[d] - 1) + " (the window's side − 1)");
			}
		}
	}
}
