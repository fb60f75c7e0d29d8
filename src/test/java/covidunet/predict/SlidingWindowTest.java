package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Blending: a model whose output depends on the image value alone must be reproduced exactly
 * whatever the windows; one whose output depends on the position in the window shows how
 * overlapping windows are mixed.
 */
class SlidingWindowTest {

	private static final int[] SIZE = { 13, 11, 7 };
	private static final int[] WINDOW = { 6, 5, 4 };

	/** Checks that the map is the pointwise model applied to every voxel of the image. */
	private static void assertPointwise(final float[] image, final int[] size, final ProbabilityMap map,
		final String what)
	{
		assertArrayEquals(size, map.size(), what);
		assertEquals(4, map.classes(), what);
		for (int v = 0; v < image.length; v++) {
			final float[] expected = FakeModel.pointwise(image[v]);
			for (int c = 0; c < 4; c++) assertEquals(expected[c], map.probability(c, v), 1e-5, what + ": voxel " + v);
		}
	}

	/** Checks that the batches hold all windows, each full but the last. */
	private static void assertBatches(final List<Integer> batches, final int windows, final int batchSize) {
		assertEquals(windows, batches.stream().mapToInt(Integer::intValue).sum());
		for (int i = 0; i < batches.size() - 1; i++) assertEquals(batchSize, batches.get(i));
		assertTrue(batches.get(batches.size() - 1) <= batchSize);
	}

	private static void checkPointwise(final int[] size, final int[] overlap, final int batchSize,
		final Blending blending)
	{
		final String what = "size " + size[0] + "×" + size[1] + "×" + size[2] + ", overlap " + overlap[0] + "," +
			overlap[1] + "," + overlap[2] + ", batch " + batchSize + ", " + blending.key();
		final float[] image = Volumes.random(size, 1);
		final float[] before = image.clone();
		final FakeModel model = FakeModel.pointwise();
		final ProbabilityMap map = SlidingWindow.builder(model, WINDOW).overlap(overlap).batchSize(batchSize).blending(
			blending).build().predict(image, size);
		assertPointwise(image, size, map, what);
		assertArrayEquals(before, image, "the image is not changed");
		assertBatches(model.batches(), WindowGrid.of(size, WINDOW, overlap).count(), batchSize);
	}

	@Test
	void aPointwiseModelIsReproducedOnVolumesThatAreNoMultipleOfTheStep() {
		checkPointwise(SIZE, new int[] { 3, 2, 1 }, 1, Blending.GAUSSIAN);
		checkPointwise(SIZE, new int[] { 5, 4, 3 }, 5, Blending.AVERAGE);
		checkPointwise(SIZE, new int[] { 0, 0, 0 }, 7, Blending.GAUSSIAN);
		checkPointwise(new int[] { 17, 9, 6 }, SlidingWindow.defaultOverlap(WINDOW), 3, Blending.GAUSSIAN);
	}

	@Test
	void aPointwiseModelIsReproducedWhereTheVolumeIsSmallerThanTheWindow() {
		checkPointwise(new int[] { 13, 3, 7 }, new int[] { 3, 2, 1 }, 4, Blending.GAUSSIAN);
		checkPointwise(new int[] { 4, 3, 2 }, new int[] { 3, 2, 1 }, 2, Blending.AVERAGE);
		checkPointwise(new int[] { 6, 5, 4 }, new int[] { 3, 2, 1 }, 1, Blending.GAUSSIAN);
	}

	@Test
	void aPointwiseModelIsReproducedWithMirroring() {
		final float[] image = Volumes.random(SIZE, 2);
		final FakeModel model = FakeModel.pointwise();
		final ProbabilityMap map = SlidingWindow.builder(model, WINDOW).batchSize(4).mirroring(true).build().predict(
			image, SIZE);
		assertPointwise(image, SIZE, map, "mirrored");
		assertEquals(8 * WindowGrid.of(SIZE, WINDOW, SlidingWindow.defaultOverlap(WINDOW)).count(), model.batches()
			.stream().mapToInt(Integer::intValue).sum(), "each window is predicted 8 times");
	}

	@Test
	void overlappingWindowsAreBlendedByTheirWeights() {
		final int[] size = { 10, 1, 1 }, window = { 6, 1, 1 }, overlap = { 4, 0, 0 };
		final int[] starts = { 0, 2, 4 };
		final FakeModel model = new FakeModel(2, (v, x, y, z, w) -> new float[] { x / 5f, 1 - x / 5f });
		final float[] image = new float[10];
		final ProbabilityMap average = SlidingWindow.builder(model, window).overlap(overlap).blending(Blending.AVERAGE)
			.build().predict(image, size);
		final ProbabilityMap gaussian = SlidingWindow.builder(model, window).overlap(overlap).build().predict(image,
			size);
		final float[] weights = ImportanceWeights.of(Blending.GAUSSIAN, window);
		double largestDifference = 0;
		for (int g = 0; g < 10; g++) {
			double sum = 0, weighted = 0, weightSum = 0, lowest = 1, highest = 0;
			int windows = 0;
			for (final int s : starts) {
				if (g < s || g >= s + 6) continue;
				final double local = (g - s) / 5.0;
				windows++;
				sum += local;
				weighted += weights[g - s] * local;
				weightSum += weights[g - s];
				lowest = Math.min(lowest, local);
				highest = Math.max(highest, local);
			}
			assertEquals(sum / windows, average.probability(0, g), 1e-6, "average at " + g);
			assertEquals(weighted / weightSum, gaussian.probability(0, g), 1e-6, "gaussian at " + g);
			assertEquals(1 - gaussian.probability(0, g), gaussian.probability(1, g), 1e-6);
			if (windows > 1) {
				for (final ProbabilityMap map : List.of(average, gaussian)) {
					assertTrue(map.probability(0, g) > lowest && map.probability(0, g) < highest, "mixed at " + g);
				}
			}
			largestDifference = Math.max(largestDifference, Math.abs(gaussian.probability(0, g) - average.probability(0,
				g)));
		}
		assertTrue(largestDifference > 0.05, "Gaussian and average blending differ: " + largestDifference);
		assertEquals(0.4, average.probability(0, 3), 1e-6, "locals 3 and 1 of windows 0 and 2");
		assertTrue(gaussian.probability(0, 3) > 0.45, "the Gaussian favours local 3, nearer its window's centre");
	}

	@Test
	void theReferenceOverlapIsTheDefault() {
		assertArrayEquals(new int[] { 80, 80, 30 }, SlidingWindow.defaultOverlap(new int[] { 160, 160, 80 }));
		assertArrayEquals(new int[] { 3, 2, 1 }, SlidingWindow.defaultOverlap(new int[] { 7, 5, 3 }));
		assertArrayEquals(new int[] { 0, 0, 0 }, SlidingWindow.defaultOverlap(new int[] { 1, 1, 1 }));
	}
}
