package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Test-time mirroring with models that are not mirror-equivariant, against averages of the 8
 * mirror images worked out voxel by voxel from positions (not by flipping arrays).
 */
class MirroringTest {

	private static final int[] WINDOW = { 5, 4, 3 };

	/** Depends on the image value and on every coordinate within the window. */
	private static float[] positional(final float v, final int x, final int y, final int z) {
		return FakeModel.softmax(v + 0.7 * x, 2 * v - 0.3 * z + 0.2 * y, -v + 0.5 * y, 0.25 * x * z);
	}

	/**
	 * The mean over the 8 mirror images at window voxel (x, y, z): mirrored along an axis, the
	 * voxel sits at {@code w − 1 − x} (or y, z) of the window the model sees; classes 1 and 2
	 * change places for mirror images along x if {@code swap}.
	 */
	private static float[] mirrorMean(final float v, final int x, final int y, final int z, final int[] w,
		final boolean swap)
	{
		final float[] mean = new float[4];
		for (int fx = 0; fx < 2; fx++) {
			for (int fy = 0; fy < 2; fy++) {
				for (int fz = 0; fz < 2; fz++) {
					final float[] p = positional(v, fx == 1 ? w[0] - 1 - x : x, fy == 1 ? w[1] - 1 - y : y, fz == 1 ? w[2] -
						1 - z : z);
					for (int c = 0; c < 4; c++) {
						final int from = swap && fx == 1 && (c == 1 || c == 2) ? 3 - c : c;
						mean[c] += p[from] / 8;
					}
				}
			}
		}
		return mean;
	}

	private static ProbabilityMap predict(final WindowModel model, final float[] image, final int[] size,
		final boolean mirroring, final boolean swap)
	{
		final SlidingWindow.Builder b = SlidingWindow.builder(model, WINDOW).batchSize(3).mirroring(mirroring);
		if (swap) b.mirrorSwappedClasses(1, 2);
		return b.build().predict(image, size);
	}

	@Test
	void aSingleWindowIsTheMeanOfItsEightMirrorImages() {
		final float[] image = Volumes.random(WINDOW, 3);
		final WindowModel model = new FakeModel(4, (v, x, y, z, w) -> positional(v, x, y, z));
		for (final boolean swap : new boolean[] { false, true }) {
			final ProbabilityMap plain = predict(model, image, WINDOW, false, swap);
			final ProbabilityMap mirrored = predict(model, image, WINDOW, true, swap);
			double largestChange = 0;
			int v = 0;
			for (int z = 0; z < WINDOW[2]; z++) {
				for (int y = 0; y < WINDOW[1]; y++) {
					for (int x = 0; x < WINDOW[0]; x++, v++) {
						final float[] expected = mirrorMean(image[v], x, y, z, WINDOW, swap);
						final float[] unmirrored = positional(image[v], x, y, z);
						for (int c = 0; c < 4; c++) {
							assertEquals(unmirrored[c], plain.probability(c, v), 1e-6);
							assertEquals(expected[c], mirrored.probability(c, v), 1e-5, "swap " + swap + " voxel " + v);
							largestChange = Math.max(largestChange, Math.abs(mirrored.probability(c, v) - unmirrored[c]));
						}
					}
				}
			}
			assertTrue(largestChange > 0.05, "mirroring changes the prediction: " + largestChange);
		}
	}

	@Test
	void mirroringIsAveragedBeforeBlendingOverManyWindows() {
		for (final int[] size : new int[][] { { 11, 7, 5 }, { 11, 3, 5 } }) {
			final float[] image = Volumes.random(size, 4);
			final WindowModel model = new FakeModel(4, (v, x, y, z, w) -> positional(v, x, y, z));
			final WindowModel byHand = new FakeModel(4, (v, x, y, z, w) -> mirrorMean(v, x, y, z, w, true));
			final ProbabilityMap mirrored = predict(model, image, size, true, true);
			final ProbabilityMap expected = predict(byHand, image, size, false, false);
			for (int i = 0; i < expected.values().length; i++) {
				assertEquals(expected.values()[i], mirrored.values()[i], 1e-5, "value " + i);
			}
		}
	}

	/** A model that is sure of class 1 in the left half of the window (x < w/2), of class 2 in the right. */
	private static final FakeModel HALVES = new FakeModel(3, (v, x, y, z, w) -> x < w[0] / 2 ? new float[] { 0, 1, 0 }
		: new float[] { 0, 0, 1 });

	@Test
	void swappingLeftAndRightUndoesMirroringAlongX() {
		final int[] window = { 4, 2, 2 };
		final float[] image = new float[16];
		final ProbabilityMap plain = SlidingWindow.builder(HALVES, window).build().predict(image, window);
		final ProbabilityMap unswapped = SlidingWindow.builder(HALVES, window).mirroring(true).build().predict(image,
			window);
		final ProbabilityMap swapped = SlidingWindow.builder(HALVES, window).mirroring(true).mirrorSwappedClasses(1, 2)
			.build().predict(image, window);
		for (int v = 0; v < 16; v++) {
			final float left = v % 4 < 2 ? 1 : 0;
			assertEquals(left, plain.probability(1, v));
			assertEquals(0.5f, unswapped.probability(1, v), "half the mirror images see the other half");
			assertEquals(0.5f, unswapped.probability(2, v));
			assertEquals(0f, swapped.probability(0, v));
			assertEquals(left, swapped.probability(1, v), "every mirror image agrees once left and right are swapped");
			assertEquals(1 - left, swapped.probability(2, v));
		}
	}

	@Test
	void classesAreSwappedForMirrorImagesAlongXOnly() {
		final int[] window = { 4, 2, 2 };
		final FakeModel alwaysClass1 = new FakeModel(3, (v, x, y, z, w) -> new float[] { 0, 1, 0 });
		final ProbabilityMap unswapped = SlidingWindow.builder(alwaysClass1, window).mirroring(true).build().predict(
			new float[16], window);
		final ProbabilityMap swapped = SlidingWindow.builder(alwaysClass1, window).mirroring(true).mirrorSwappedClasses(
			1, 2).build().predict(new float[16], window);
		for (int v = 0; v < 16; v++) {
			assertEquals(1f, unswapped.probability(1, v));
			assertEquals(0.5f, swapped.probability(1, v), "4 of the 8 mirror images are along x");
			assertEquals(0.5f, swapped.probability(2, v));
		}
	}
}
