package covidunet.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Issue 16's domain randomisation: every kind of variation occurs in a cohort, each changes what
 * it should and nothing else, and none of it is labelled lung or infection where it is not.
 */
class PhantomVariationTest {

	private static final long SEED = 11;

	/** Nothing varied: the chest only, arms up, plain, no findings, no bowel gas. */
	private static final Variation PLAIN = new Variation(5, 0, 0, false, 0, -1000, 150, -930, 0, (short) -2048, 0, 1,
		1, 0, 0, 0, 0);

	@Test
	void aCohortHoldsEveryKindOfVariation() {
		final List<Variation> all = IntStream.range(0, 60).mapToObj(i -> PhantomCase.plan(SEED, i, PhantomSize.SMALL))
			.map(c -> c.variation).toList();
		assertTrue(all.stream().anyMatch(v -> v.below() == 0 && v.baseSlab() == 0), "a chest-only scan");
		assertTrue(all.stream().anyMatch(v -> v.below() > 0 && v.baseSlab() == 0), "a chest-and-abdomen scan");
		assertTrue(all.stream().anyMatch(v -> v.baseSlab() > 0), "a scan of the lung bases and the abdomen");
		assertTrue(all.stream().anyMatch(Variation::armsDown) && all.stream().anyMatch(v -> !v.armsDown()));
		assertTrue(all.stream().anyMatch(v -> v.enhancement() > 0) && all.stream().anyMatch(v -> v.enhancement() == 0));
		assertTrue(all.stream().anyMatch(v -> v.noiseGrain() > 0) && all.stream().anyMatch(v -> v.noiseGrain() == 0));
		assertTrue(all.stream().anyMatch(v -> v.cushion() > 0));
		assertTrue(all.stream().anyMatch(v -> v.dependent() > 0));
		assertTrue(all.stream().anyMatch(v -> v.effusion() > 0));
		assertTrue(all.stream().anyMatch(v -> v.emphysema() > 0));
		final Set<Short> paddings = new HashSet<>();
		for (final Variation v : all) paddings.add(v.padding());
		assertTrue(paddings.size() >= 3, "paddings " + paddings);
	}

	@Test
	void theFieldOfViewReachesAsFarAsTheVariationSays() {
		for (int i = 0; i < 40; i++) {
			final PhantomCase c = PhantomCase.plan(SEED, i, PhantomSize.SMALL);
			final Lungs lungs = c.anatomy.lungs;
			final double lowest = Math.min(lungs.bottom(Lungs.LEFT), lungs.bottom(Lungs.RIGHT));
			final double[] origin = c.geometry().affine().apply(0, 0, 0);
			final double dz = c.geometry().spacing()[2];
			final double bottom = origin[2] - c.acquisition.patientOrigin[2];
			final double top = bottom + (c.geometry().dim(2) - 1) * dz;
			final Variation v = c.variation;
			assertTrue(bottom <= lowest - 10 - v.below() + 0.1, c.id() + ": bottom " + bottom);
			final double higher = Math.max(lungs.bottom(Lungs.LEFT), lungs.bottom(Lungs.RIGHT));
			if (v.baseSlab() > 0) assertTrue(top <= higher + v.baseSlab() + 0.1, c.id() + ": top " + top);
			else assertTrue(top >= Math.max(lungs.top(Lungs.LEFT), lungs.top(Lungs.RIGHT)), c.id() + ": top " + top);
		}
	}

	@Test
	void bowelGasBelowTheLungsIsNeverLung() {
		final Anatomy gassy = new Anatomy(SEED, with(PLAIN, 1, 0, 0, 0));
		final double w = gassy.lungBox()[4] - 70;
		int gas = 0, lung = 0;
		final Sample s = new Sample();
		for (double u = -150; u <= 150; u += 2) {
			for (double v = -120; v <= 110; v += 2) {
				if (gassy.wallDistance(u, v, w) <= 0) continue;
				gassy.sample(u, v, w, s);
				if (s.hu < -900) gas++;
				if (s.label != 0) lung++;
			}
		}
		assertTrue(gas > 20, gas + " points of gas in the abdomen");
		assertEquals(0, lung);
	}

	@Test
	void contrastRaisesBloodAndOrgansOnly() {
		final Tissues plain = new Anatomy(SEED, PLAIN).tissues;
		final Tissues enhanced = new Anatomy(SEED, enhanced(200)).tissues;
		assertEquals(200, enhanced.blood - plain.blood, 1e-9);
		assertTrue(enhanced.liver > plain.liver + 50 && enhanced.kidney > plain.kidney + 150);
		assertEquals(plain.muscle, enhanced.muscle);
		assertEquals(plain.lung, enhanced.lung);
	}

	@Test
	void anEffusionReplacesLungAtTheBackOfTheBasesAndIsNotLung() {
		final int[] plain = lungAtTheBases(new Anatomy(SEED, PLAIN));
		final int[] effusion = lungAtTheBases(new Anatomy(SEED, with(PLAIN, 0, 0, 15, 0)));
		assertTrue(effusion[0] < plain[0], "lung points " + effusion[0] + " with an effusion, " + plain[0] + " without");
		assertTrue(effusion[2] > plain[2], "fluid points " + effusion[2] + " with an effusion, " + plain[2] + " without");
	}

	@Test
	void dependentDensityAndEmphysemaChangeTheLungsValuesNotItsLabels() {
		final int[] plain = lungAtTheBases(new Anatomy(SEED, PLAIN));
		final int[] dense = lungAtTheBases(new Anatomy(SEED, with(PLAIN, 0, 300, 0, 0)));
		final int[] emphysema = lungAtTheBases(new Anatomy(SEED, with(PLAIN, 0, 0, 0, 0.3)));
		assertEquals(plain[0], dense[0]);
		assertEquals(plain[0], emphysema[0]);
		assertTrue(dense[1] > plain[1] + 20, "mean lung HU " + dense[1] + " dense, " + plain[1] + " plain");
		assertTrue(emphysema[3] > plain[3], "points below −950 HU: " + emphysema[3] + " vs " + plain[3]);
	}

	@Test
	void armsDownLieBesideTheTrunkAndTheCushionOnTheTable() {
		final Anatomy up = new Anatomy(SEED, PLAIN);
		final Variation downOnCushion = new Variation(5, 0, 0, true, 0, -1000, 150, -930, 20, (short) -2048, 0, 1, 1, 0,
			0, 0, 0);
		final Anatomy down = new Anatomy(SEED, downOnCushion);
		final double w = (up.lungBox()[4] + up.lungBox()[5]) / 2;
		final double v = up.thorax.backPlane + 45;
		assertEquals(0, bodyPointsBeyond(up, v, w));
		assertTrue(bodyPointsBeyond(down, v, w) > 20);
		final double belowBack = up.thorax.backPlane - 6;
		assertEquals(-800, down.thorax.outside(0, belowBack));
		assertTrue(up.thorax.outside(0, belowBack) != -800);
	}

	@Test
	void aSmoothKernelsNoiseKeepsItsStandardDeviation() {
		final GaussianBlur blur = new GaussianBlur(1.2);
		final SplittableRandom random = new SplittableRandom(1);
		final int n = 200;
		final float[] slice = new float[n * n];
		for (int i = 0; i < slice.length; i++) slice[i] = (float) random.nextGaussian();
		blur.blurSlice(slice, n, n);
		double sum = 0, sumSq = 0, lag = 0;
		int count = 0;
		for (int y = 10; y < n - 10; y++) {
			for (int x = 10; x < n - 10; x++) {
				final double value = slice[y * n + x] / blur.whiteNoiseGain();
				sum += value;
				sumSq += value * value;
				lag += value * slice[y * n + x + 1] / blur.whiteNoiseGain();
				count++;
			}
		}
		final double variance = sumSq / count - sum * sum / count / count;
		assertEquals(1, Math.sqrt(variance), 0.05);
		assertTrue(lag / count > 0.5, "neighbours correlate: " + lag / count);
	}

	private static Variation with(final Variation v, final double bowelGas, final double dependent,
		final double effusion, final double emphysema)
	{
		return new Variation(v.seed(), 100, 0, false, 0, v.outsideAir(), v.tableShell(), v.tableCore(), 0, v.padding(),
			0, 1, 1, bowelGas, dependent, effusion, emphysema);
	}

	private static Variation enhanced(final double hu) {
		return new Variation(5, 0, 0, false, hu, -1000, 150, -930, 0, (short) -2048, 0, 1, 1, 0, 0, 0, 0);
	}

	/**
	 * Over the back half of the lowest 40 mm of the lungs: lung points, their mean HU, points of
	 * fluid (−10–40 HU, label 0) inside the cavity, lung points below −950 HU.
	 */
	private static int[] lungAtTheBases(final Anatomy anatomy) {
		final double[] box = anatomy.lungBox();
		final Sample s = new Sample();
		int lung = 0, fluid = 0, dark = 0;
		double sum = 0;
		for (double w = box[4]; w <= box[4] + 40; w += 2) {
			for (double u = box[0]; u <= box[1]; u += 2) {
				for (double v = box[2]; v <= 0; v += 2) {
					anatomy.sample(u, v, w, s);
					if (s.label != 0) {
						lung++;
						sum += s.hu;
						if (s.hu < -950) dark++;
					} else if (anatomy.wallDistance(u, v, w) > 0 && s.hu > -10 && s.hu < 40) {
						fluid++;
					}
				}
			}
		}
		return new int[] { lung, (int) Math.round(sum / Math.max(1, lung)), fluid, dark };
	}

	/** Points that are not air outside the trunk's skin, along a line at (v, w). */
	private static int bodyPointsBeyond(final Anatomy anatomy, final double v, final double w) {
		final Thorax t = anatomy.thorax;
		final Sample s = new Sample();
		int count = 0;
		for (double u = -400; u <= 400; u += 2) {
			final double theta = Shapes.atan2(v, u);
			final double skin = t.cavity(theta, w) + t.ribLayer + t.muscle(theta, w) + t.fat(theta, w);
			if (Math.hypot(u, v) <= skin + 1) continue;
			anatomy.sample(u, v, w, s);
			if (s.hu > -500) count++;
		}
		return count;
	}
}
