package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;

/** Window starts along an axis and in 3-D. */
class WindowGridTest {

	@Test
	void stepsByWindowLessOverlapAndShiftsTheLastWindowToTheBorder() {
		assertArrayEquals(new int[] { 0, 2, 4, 6 }, WindowGrid.starts(10, 4, 2));
		assertArrayEquals(new int[] { 0, 2, 4, 6, 7 }, WindowGrid.starts(11, 4, 2));
		assertArrayEquals(new int[] { 0, 40, 60 }, WindowGrid.starts(100, 40, 0));
		assertArrayEquals(new int[] { 0, 1 }, WindowGrid.starts(5, 4, 0));
		assertArrayEquals(new int[] { 0, 80, 140 }, WindowGrid.starts(300, 160, 80));
		assertArrayEquals(new int[] { 0, 50, 100, 150, 170 }, WindowGrid.starts(250, 80, 30));
	}

	@Test
	void aVolumeNoLargerThanTheWindowHasOneWindow() {
		assertArrayEquals(new int[] { 0 }, WindowGrid.starts(3, 8, 4));
		assertArrayEquals(new int[] { 0 }, WindowGrid.starts(8, 8, 4));
		assertArrayEquals(new int[] { 0, 1 }, WindowGrid.starts(9, 8, 4));
		assertArrayEquals(new int[] { 0 }, WindowGrid.starts(1, 1, 0));
	}

	@Test
	void windowsCoverEveryVoxelOnceStartedAndNeverRepeat() {
		for (int n = 1; n <= 40; n++) {
			for (int w = 1; w <= 12; w++) {
				for (int o = 0; o < w; o++) {
					final int[] starts = WindowGrid.starts(n, w, o);
					final String what = "n=" + n + " w=" + w + " o=" + o;
					assertEquals(0, starts[0], what);
					assertEquals(Math.max(0, n - w), starts[starts.length - 1], what + ": the last window ends at the border");
					for (int i = 1; i < starts.length; i++) {
						final int gap = starts[i] - starts[i - 1];
						assertTrue(gap > 0, what + ": starts increase strictly");
						if (i < starts.length - 1) assertEquals(w - o, gap, what + ": the step");
						else assertTrue(gap <= w - o, what + ": the shifted last window overlaps at least as much");
					}
					final boolean[] covered = new boolean[Math.max(n, w)];
					for (final int s : starts) {
						for (int k = s; k < s + w; k++) covered[k] = true;
					}
					for (int k = 0; k < n; k++) assertTrue(covered[k], what + ": voxel " + k);
				}
			}
		}
	}

	@Test
	void overlapMustBeLessThanTheWindow() {
		assertTrue(assertThrows(BadInputException.class, () -> WindowGrid.starts(10, 4, 4)).getMessage().startsWith(
			"overlap:"));
		assertTrue(assertThrows(BadInputException.class, () -> WindowGrid.starts(10, 4, -1)).getMessage().startsWith(
			"overlap:"));
		final BadInputException e = assertThrows(BadInputException.class, () -> WindowGrid.of(new int[] { 10, 10, 10 },
			new int[] { 4, 4, 4 }, new int[] { 2, 2, 5 }));
		assertTrue(e.getMessage().startsWith("overlap: 5 along z"), e.getMessage());
		assertTrue(assertThrows(BadInputException.class, () -> WindowGrid.of(new int[] { 10, 10, 10 }, new int[] { 4,
			0, 4 }, new int[] { 0, 0, 0 })).getMessage().startsWith("window:"));
		assertTrue(assertThrows(BadInputException.class, () -> WindowGrid.of(new int[] { 10, 10 }, new int[] { 4, 4,
			4 }, new int[] { 0, 0, 0 })).getMessage().startsWith("size:"));
	}

	@Test
	void windowsAreNumberedXFastestAndZSlowest() {
		final WindowGrid grid = WindowGrid.of(new int[] { 10, 6, 5 }, new int[] { 4, 6, 4 }, new int[] { 2, 0, 1 });
		assertEquals(8, grid.count(), "4 along x, 1 along y, 2 along z");
		assertArrayEquals(new int[] { 0, 0, 0 }, grid.start(0));
		assertArrayEquals(new int[] { 2, 0, 0 }, grid.start(1));
		assertArrayEquals(new int[] { 6, 0, 0 }, grid.start(3));
		assertArrayEquals(new int[] { 0, 0, 1 }, grid.start(4));
		assertArrayEquals(new int[] { 6, 0, 1 }, grid.start(7));
		assertThrows(IndexOutOfBoundsException.class, () -> grid.start(8));
		assertArrayEquals(new int[] { 10, 6, 5 }, grid.paddedSize());
	}

	@Test
	void smallAxesArePaddedToTheWindow() {
		final WindowGrid grid = WindowGrid.of(new int[] { 3, 20, 8 }, new int[] { 8, 8, 8 }, new int[] { 4, 4, 4 });
		assertArrayEquals(new int[] { 8, 20, 8 }, grid.paddedSize());
		assertEquals(4, grid.count(), "starts 0, 4, 8, 12 along y");
		assertArrayEquals(new int[] { 0, 12, 0 }, grid.start(3));
	}
}
