package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import covidunet.preprocess.PreprocessedCase;

/** The augmenter with every probability 0 cuts exactly the sampler's plain crop. */
class PatchMakersAgreeTest {

	@Test
	void augmenterWithoutAugmentationEqualsTheCropAtSampledCentres() {
		final int[] size = { 8, 6, 4 };
		final PreprocessedCase c = TestCases.random("c", new int[] { 20, 18, 10 }, 11);
		final PreprocessedCase small = TestCases.random("s", new int[] { 5, 4, 3 }, 12);
		final PatchSampler sampler = new PatchSampler(SamplingConfig.DEFAULT.withForegroundFraction(0.5), size);
		final Augmenter augmenter = new Augmenter(AugmentationConfig.none());
		final Crop crop = new Crop();
		final SplittableRandom random = new SplittableRandom(5);
		for (int i = 0; i < 200; i++) {
			final PreprocessedCase source = i % 4 == 0 ? small : c;
			final double[] centre = sampler.centre(source, random);
			final Patch expected = crop.make(source, size, centre, null);
			final Patch actual = augmenter.make(source, size, centre, random.split());
			assertArrayEquals(expected.image(), actual.image());
			assertArrayEquals(expected.labels(), actual.labels());
		}
	}
}
