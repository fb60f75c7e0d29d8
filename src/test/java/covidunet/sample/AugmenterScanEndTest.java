package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import covidunet.preprocess.PreprocessedCase;

class AugmenterScanEndTest {

	private static final Augmenter AUGMENTER = new Augmenter(AugmentationConfig.none());
	private static final int[] SIZE = { 12, 10, 21 };
	private static final double[] CENTRE = { 11.5, 11.5, 12 };

	/** Values 1 + z / 10 + x / 100, labels z mod 4. */
	private static final PreprocessedCase SOURCE = AnalyticCases.of(new int[] { 24, 24, 24 }, (x, y, z) -> 1 + z / 10.0 +
		x / 100.0, i -> i / (24 * 24) % 4);

	@Test
	void theSlicesBeyondThePlaneRepeatTheLastOneBeforeIt() {
		final Patch crop = AUGMENTER.apply(SOURCE, SIZE, CENTRE, AugmentationDraw.NONE);
		final int slice = SIZE[0] * SIZE[1];
		for (final boolean above : new boolean[] { true, false }) {
			final Patch end = AUGMENTER.apply(SOURCE, SIZE, CENTRE, new DrawBuilder().scanEnd(above, 0.3).build());
			final int plane = 1 + (int) (0.3 * 20), last = above ? plane - 1 : plane;
			assertEquals(7, plane);
			for (int i = 0; i < crop.image().length; i++) {
				final int z = i / slice;
				final boolean beyond = above ? z >= plane : z < plane;
				final int from = beyond ? last * slice + i % slice : i;
				assertEquals(crop.image()[from], end.image()[i], "image at slice " + z + ", above " + above);
				assertEquals(crop.labels()[from], end.labels()[i], "labels at slice " + z + ", above " + above);
			}
		}
	}

	@Test
	void planesAtTheEndsKeepAtLeastOneSlice() {
		final Patch crop = AUGMENTER.apply(SOURCE, SIZE, CENTRE, AugmentationDraw.NONE);
		final Patch top = AUGMENTER.apply(SOURCE, SIZE, CENTRE, new DrawBuilder().scanEnd(true, 0).build());
		final Patch bottom = AUGMENTER.apply(SOURCE, SIZE, CENTRE, new DrawBuilder().scanEnd(false, 0.999).build());
		final int slice = SIZE[0] * SIZE[1];
		for (int i = 0; i < crop.image().length; i++) {
			assertEquals(crop.image()[i % slice], top.image()[i], "everything repeats the first slice");
			assertEquals(crop.image()[(SIZE[2] - 1) * slice + i % slice], bottom.image()[i], "or the last");
		}
	}
}
