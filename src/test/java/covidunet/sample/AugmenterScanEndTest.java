package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import covidunet.preprocess.PreprocessedCase;

class AugmenterScanEndTest {

	private static final Augmenter AUGMENTER = new Augmenter(AugmentationConfig.none());
	private static final int[] SIZE = { 12, 10, 20 };
	private static final double[] CENTRE = { 11.5, 11.5, 12.5 };

	/** Values 1 + z / 10 (minimum 1 at z = 0), labels 1 everywhere. */
	private static final PreprocessedCase SOURCE = AnalyticCases.of(new int[] { 24, 24, 24 }, (x, y, z) -> 1 + z / 10.0,
		i -> 1);

	@Test
	void theSlicesBeyondThePlaneAreAirAndBackground() {
		final Patch crop = AUGMENTER.apply(SOURCE, SIZE, CENTRE, AugmentationDraw.NONE);
		for (final boolean above : new boolean[] { true, false }) {
			final Patch end = AUGMENTER.apply(SOURCE, SIZE, CENTRE, new DrawBuilder().scanEnd(above, 0.3).build());
			final int plane = 6, slice = SIZE[0] * SIZE[1];
			for (int i = 0; i < crop.image().length; i++) {
				final int z = i / slice;
				final boolean beyond = above ? z >= plane : z < plane;
				assertEquals(beyond ? 1f : crop.image()[i], end.image()[i], "image at slice " + z + ", above " + above);
				assertEquals(beyond ? 0 : crop.labels()[i], end.labels()[i], "labels at slice " + z);
			}
		}
	}

	@Test
	void intensityOperationsLeaveTheEndAsPadding() {
		final Patch end = AUGMENTER.apply(SOURCE, SIZE, CENTRE, new DrawBuilder().scanEnd(true, 0.5).brightness(2)
			.build());
		final int slice = SIZE[0] * SIZE[1];
		for (int i = 0; i < end.image().length; i++) {
			if (i / slice >= 10) assertEquals(1f, end.image()[i]);
			else assertTrue(end.image()[i] > 2, "brightened inside the scan");
		}
	}
}
