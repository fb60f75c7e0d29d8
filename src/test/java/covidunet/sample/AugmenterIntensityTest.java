package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import covidunet.preprocess.PreprocessedCase;

class AugmenterIntensityTest {

	private static final Augmenter AUGMENTER = new Augmenter(AugmentationConfig.none());
	private static final int[] SIZE = { 24, 24, 16 };
	private static final double[] CENTRE = { 15.5, 15.5, 10.5 };
	private static final PreprocessedCase SOURCE = source();

	private static PreprocessedCase source() {
		final SplittableRandom random = new SplittableRandom(11);
		return AnalyticCases.of(new int[] { 32, 32, 24 }, (x, y, z) -> Math.sin(0.3 * x) + 0.2 * z + 0.3 * random
			.nextGaussian(), i -> 0);
	}

	private static float[] crop() {
		return AUGMENTER.apply(SOURCE, SIZE, CENTRE, AugmentationDraw.NONE).image();
	}

	private static float[] with(final DrawBuilder draw) {
		return AUGMENTER.apply(SOURCE, SIZE, CENTRE, draw.build()).image();
	}

	@Test
	void brightnessMultiplies() {
		final float[] crop = crop(), bright = with(new DrawBuilder().brightness(1.7));
		for (int i = 0; i < crop.length; i++) assertEquals((float) (crop[i] * 1.7), bright[i]);
	}

	@Test
	void contrastScalesAboutTheMeanAndPreservesTheRange() {
		final float[] crop = crop();
		final IntensityOps.Stats before = IntensityOps.Stats.of(crop, null);
		for (final double factor : new double[] { 0.4, 2.5 }) {
			final float[] out = with(new DrawBuilder().contrast(factor));
			final IntensityOps.Stats after = IntensityOps.Stats.of(out, null);
			assertTrue(after.min() >= before.min() && after.max() <= before.max(), "range kept at factor " + factor);
			if (factor > 1) {
				assertEquals(before.min(), after.min(), 1e-6);
				assertEquals(before.max(), after.max(), 1e-6);
			}
			else {
				assertEquals(factor * before.std(), after.std(), 1e-4);
			}
			for (int i = 0; i < crop.length; i++) {
				final double v = Math.max(before.min(), Math.min(before.max(), (crop[i] - before.mean()) * factor + before
					.mean()));
				assertEquals(v, out[i], 1e-5);
			}
		}
	}

	@Test
	void gammaRetainsMeanAndStd() {
		final float[] crop = crop();
		final IntensityOps.Stats before = IntensityOps.Stats.of(crop, null);
		for (final double gamma : new double[] { 0.7, 1.5 }) {
			final float[] out = with(new DrawBuilder().gamma(gamma));
			final IntensityOps.Stats after = IntensityOps.Stats.of(out, null);
			assertEquals(before.mean(), after.mean(), 1e-5);
			assertEquals(before.std(), after.std(), 1e-5);
			double skewBefore = 0, skewAfter = 0;
			for (int i = 0; i < crop.length; i++) {
				skewBefore += Math.pow((crop[i] - before.mean()) / before.std(), 3);
				skewAfter += Math.pow((out[i] - after.mean()) / after.std(), 3);
			}
			assertTrue(gamma < 1 ? skewAfter < skewBefore : skewAfter > skewBefore, "gamma " + gamma + " skews");
		}
	}

	@Test
	void noiseHasTheDrawnSigma() {
		final float[] crop = crop(), noisy = with(new DrawBuilder().noise(0.03, 99));
		double sum = 0, squares = 0;
		for (int i = 0; i < crop.length; i++) {
			final double d = noisy[i] - crop[i];
			sum += d;
			squares += d * d;
		}
		final int n = crop.length;
		assertEquals(0, sum / n, 4 * 0.03 / Math.sqrt(n));
		assertEquals(0.03, Math.sqrt(squares / n), 4 * 0.03 / Math.sqrt(2.0 * n));
	}

	@Test
	void paddingKeepsTheCasesMinimum() {
		final int[] big = { 40, 40, 30 };
		final Patch patch = AUGMENTER.apply(SOURCE, big, new double[] { 15.5, 15.5, 11.5 }, new DrawBuilder().contrast(2)
			.gamma(1.3).noise(0.05, 1).brightness(0.7).build());
		final int[] start = Augmenter.plainCropStart(big, new double[] { 15.5, 15.5, 11.5 });
		for (int k = 0; k < big[2]; k++) {
			for (int j = 0; j < big[1]; j++) {
				for (int i = 0; i < big[0]; i++) {
					final int x = start[0] + i, y = start[1] + j, z = start[2] + k;
					final boolean inside = x >= 0 && y >= 0 && z >= 0 && x < 32 && y < 32 && z < 24;
					final float v = patch.image()[AnalyticCases.index(big, i, j, k)];
					final float air = SOURCE.imageMinimum();
					assertTrue(inside ? v != air : v == air, "voxel " + i + "," + j + "," + k + " = " + v);
				}
			}
		}
	}
}
