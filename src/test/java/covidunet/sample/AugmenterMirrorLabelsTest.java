package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import covidunet.preprocess.PreprocessedCase;

/**
 * Mirroring along x exchanges the left (1) and right (2) lung labels, on the plain crop and on the
 * resampled path; mirroring along y or z keeps them; background and infection never change.
 */
class AugmenterMirrorLabelsTest {

	private static final Augmenter NONE = new Augmenter(AugmentationConfig.none());
	private static final int[] DIMS = { 20, 18, 12 };
	private static final int[] SIZE = { 10, 8, 6 };
	private static final double[] CENTRE = { 9.5, 8.5, 5.5 };

	/**
	 * Left lung (1) at x < 10, right lung (2) above, background at y < 7, infection at y > 10; the
	 * image is 1 + the voxel's index, so each patch voxel names its source voxel.
	 */
	private static PreprocessedCase halves() {
		return AnalyticCases.of(DIMS, (x, y, z) -> 1 + AnalyticCases.index(DIMS, x, y, z), i -> {
			final int x = i % DIMS[0], y = i / DIMS[0] % DIMS[1];
			return y < 7 ? 0 : y > 10 ? 3 : x < 10 ? 1 : 2;
		});
	}

	@Test
	void mirroringAlongXExchangesTheLungsOnBothPaths() {
		final PreprocessedCase source = halves();
		for (final boolean resampled : new boolean[] { false, true }) {
			final Patch patch = NONE.apply(source, SIZE, CENTRE, draw(true, false, false, resampled));
			assertLabels(source, patch, true);
			final int lowX = AnalyticCases.index(SIZE, 0, 3, 2), highX = AnalyticCases.index(SIZE, SIZE[0] - 1, 3, 2);
			assertEquals(1, sourceLabel(source, patch, highX), "the patch's high x came from the left lung");
			assertEquals(2, patch.labels()[highX], "and is labelled right lung");
			assertEquals(2, sourceLabel(source, patch, lowX), "the patch's low x came from the right lung");
			assertEquals(1, patch.labels()[lowX], "and is labelled left lung");
		}
	}

	@Test
	void mirroringAlongYOrZAloneKeepsTheLabels() {
		final PreprocessedCase source = halves();
		for (final boolean resampled : new boolean[] { false, true }) {
			assertLabels(source, NONE.apply(source, SIZE, CENTRE, draw(false, true, false, resampled)), false);
			assertLabels(source, NONE.apply(source, SIZE, CENTRE, draw(false, false, true, resampled)), false);
			assertLabels(source, NONE.apply(source, SIZE, CENTRE, draw(false, true, true, resampled)), false);
			assertLabels(source, NONE.apply(source, SIZE, CENTRE, draw(true, true, true, resampled)), true);
		}
	}

	/** A draw with the given mirrors, through the coordinate map (an identity scaling) if {@code resampled}. */
	private static AugmentationDraw draw(final boolean x, final boolean y, final boolean z, final boolean resampled) {
		final DrawBuilder builder = new DrawBuilder().mirror(x, y, z);
		return (resampled ? builder.scaling(1) : builder).build();
	}

	/** The source label of the voxel that patch voxel {@code o} was cut from. */
	private static int sourceLabel(final PreprocessedCase source, final Patch patch, final int o) {
		return source.labelArray()[Math.round(patch.image()[o]) - 1];
	}

	/**
	 * Asserts that every patch voxel carries its source voxel's label, with 1 and 2 exchanged if
	 * {@code exchanged}, and that all four labels occur.
	 */
	private static void assertLabels(final PreprocessedCase source, final Patch patch, final boolean exchanged) {
		final int[] seen = new int[4];
		for (int o = 0; o < patch.voxels(); o++) {
			final int label = sourceLabel(source, patch, o);
			final int expected = exchanged && label == 1 ? 2 : exchanged && label == 2 ? 1 : label;
			assertEquals(expected, patch.labels()[o], "label at " + o);
			seen[label]++;
		}
		for (int label = 0; label < 4; label++) assertTrue(seen[label] > 0, "label " + label + " in the patch");
	}
}
