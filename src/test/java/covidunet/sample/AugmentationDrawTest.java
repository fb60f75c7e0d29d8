package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import covidunet.sample.AugmentationConfig.Operation;

class AugmentationDrawTest {

	private static final int DRAWS = 4000;

	/** Within 4 binomial standard deviations of {@code p}. */
	private static void assertRate(final double p, final long hits, final int n, final String what) {
		final double sd = Math.sqrt(n * p * (1 - p));
		assertTrue(Math.abs(hits - n * p) <= 4 * sd, what + ": " + hits + " of " + n + ", expected " + n * p);
	}

	@Test
	void eachOperationFiresWithItsProbability() {
		final AugmentationConfig config = AugmentationConfig.reference().withProbability(Operation.ROTATION, 0.4)
			.withProbability(Operation.SCAN_END, 0.3);
		final Map<Operation, Integer> hits = new EnumMap<>(Operation.class);
		int mx = 0, my = 0, mz = 0, contrastBelow = 0, gammaBelow = 0, scaleBelow = 0, endAbove = 0, endLow = 0;
		for (int slot = 0; slot < DRAWS; slot++) {
			final AugmentationDraw d = AugmentationDraw.draw(config, new SplittableRandom(Seeds.forPatch(7, 0, 3, slot)));
			for (final Operation o : Operation.values()) if (d.happens(o)) hits.merge(o, 1, Integer::sum);
			mx += d.mirrorX() ? 1 : 0;
			my += d.mirrorY() ? 1 : 0;
			mz += d.mirrorZ() ? 1 : 0;
			if (d.contrast()) {
				assertTrue(d.contrastFactor() >= 0.3 && d.contrastFactor() <= 3);
				contrastBelow += d.contrastFactor() < 1 ? 1 : 0;
			}
			if (d.gamma()) gammaBelow += d.gammaExponent() < 1 ? 1 : 0;
			if (d.scanEnd()) {
				assertTrue(d.scanEndAt() >= 0 && d.scanEndAt() < 1);
				endAbove += d.scanEndAbove() ? 1 : 0;
				endLow += d.scanEndAt() < 0.5 ? 1 : 0;
			}
			else {
				assertFalse(d.scanEndAbove());
			}
			if (d.scaling()) {
				assertTrue(d.scale() >= 0.85 && d.scale() <= 1.25);
				scaleBelow += d.scale() < 1 ? 1 : 0;
			}
			if (d.brightness()) assertTrue(d.brightnessFactor() >= 0.5 && d.brightnessFactor() <= 2);
			if (d.noise()) assertTrue(d.noiseSigma() >= 0 && d.noiseSigma() <= 0.05);
			if (d.elastic()) {
				assertTrue(d.elasticAlpha() >= 0 && d.elasticAlpha() <= 900);
				assertTrue(d.elasticSigma() >= 9 && d.elasticSigma() <= 13);
			}
			if (d.rotation()) {
				for (final double a : new double[] { d.angleX(), d.angleY(), d.angleZ() }) {
					assertTrue(Math.abs(a) <= Math.toRadians(15));
				}
			}
			else {
				assertEquals(0, d.angleX());
			}
		}
		assertRate(0.5, mx, DRAWS, "mirror x");
		assertRate(0.5, my, DRAWS, "mirror y");
		assertRate(0.5, mz, DRAWS, "mirror z");
		assertRate(1 - 0.125, hits.get(Operation.MIRROR), DRAWS, "mirror any");
		for (final Operation o : Operation.values()) {
			if (o != Operation.MIRROR) assertRate(config.probability(o), hits.get(o), DRAWS, o.key());
		}
		assertRate(0.5, contrastBelow, hits.get(Operation.CONTRAST), "contrast below 1");
		assertRate(0.5, gammaBelow, hits.get(Operation.GAMMA), "gamma below 1");
		assertRate(0.5, scaleBelow, hits.get(Operation.SCALING), "scale below 1");
		assertRate(0.5, endAbove, hits.get(Operation.SCAN_END), "scan ends above the plane");
		assertRate(0.5, endLow, hits.get(Operation.SCAN_END), "plane in the patch's lower half");
	}

	@Test
	void withoutScanEndsTheDrawsAreThoseOfBeforeScanEndsExisted() {
		final AugmentationConfig with = AugmentationConfig.reference().withProbability(Operation.SCAN_END, 0.5);
		for (int slot = 0; slot < 50; slot++) {
			final SplittableRandom a = new SplittableRandom(slot), b = new SplittableRandom(slot);
			final AugmentationDraw without = AugmentationDraw.draw(AugmentationConfig.reference(), a);
			final AugmentationDraw d = AugmentationDraw.draw(with, b);
			assertFalse(without.scanEnd());
			assertEquals(without, new AugmentationDraw(d.mirrorX(), d.mirrorY(), d.mirrorZ(), d.contrast(),
				d.contrastFactor(), d.brightness(), d.brightnessFactor(), d.gamma(), d.gammaExponent(), d.noise(),
				d.noiseSigma(), d.noiseSeed(), d.elastic(), d.elasticAlpha(), d.elasticSigma(), d.elasticSeed(),
				d.rotation(), d.angleX(), d.angleY(), d.angleZ(), d.scaling(), d.scale(), false, false, 0));
			assertNotEquals(a.nextLong(), b.nextLong(), "the scan's end draws after all the others");
		}
	}

	@Test
	void noneNeverFiresAndAlwaysFiresAtOne() {
		final AugmentationConfig all = AugmentationConfig.none().withOnly(Operation.values());
		for (int slot = 0; slot < 100; slot++) {
			final AugmentationDraw none = AugmentationDraw.draw(AugmentationConfig.none(), new SplittableRandom(slot));
			assertEquals(AugmentationDraw.NONE, none);
			final AugmentationDraw d = AugmentationDraw.draw(all, new SplittableRandom(slot));
			for (final Operation o : Operation.values()) assertTrue(d.happens(o), o.key());
		}
	}

	@Test
	void sameSeedSameDrawDifferentSeedDifferent() {
		final AugmentationConfig all = AugmentationConfig.none().withOnly(Operation.values());
		assertEquals(AugmentationDraw.draw(all, new SplittableRandom(42)), AugmentationDraw.draw(all,
			new SplittableRandom(42)));
		assertNotEquals(AugmentationDraw.draw(all, new SplittableRandom(42)), AugmentationDraw.draw(all,
			new SplittableRandom(43)));
	}
}
