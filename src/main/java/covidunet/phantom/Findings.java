package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * Normal findings at the lungs that are not infection, and must not be learnt as such: denser
 * dependent lung at the posterior bases (hypoventilation of a patient lying on the back; still
 * lung), a small pleural effusion layered at the back of the bases (fluid, not lung), and
 * emphysema (patches of lung darker than normal; still lung). Which a case has, and how much, is
 * its {@link Variation}.
 */
final class Findings {

	/** Heights (mm) above the diaphragm over which the dependent density and the effusion fade. */
	private static final double DEPENDENT_HEIGHT = 100, EFFUSION_HEIGHT = 60;

	private static final double EMPHYSEMA_HU = -975;

	private final double dependent, effusion, emphysemaLevel, band, posterior;
	private final ValueNoise bullae;
	private final Tissues tissues;

	Findings(final SplittableRandom random, final Variation variation, final Thorax thorax, final Tissues tissues) {
		this.tissues = tissues;
		dependent = variation.dependent();
		effusion = variation.effusion();
		emphysemaLevel = variation.emphysema() > 0 ? 0.75 - variation.emphysema() : Double.POSITIVE_INFINITY;
		band = random.nextDouble(10, 25);
		posterior = thorax.posterior;
		bullae = new ValueNoise(Seeds.mix(variation.seed(), Seeds.LESIONS), random.nextDouble(4, 8));
	}

	/**
	 * Whether effusion fills a point of the chest cavity.
	 *
	 * @param depth how far (mm) inside the cavity's wall the point lies
	 * @param diaphragm the height of the diaphragm below the point
	 */
	boolean effusion(final double v, final double w, final double depth, final double diaphragm) {
		if (effusion == 0) return false;
		return depth < effusion * back(v) * fade(w - diaphragm, EFFUSION_HEIGHT);
	}

	/** The effusion's fluid at a point. */
	double fluid(final double u, final double v, final double w) {
		return tissues.fluid + 5 * tissues.coarse.at(u, v, w);
	}

	/**
	 * The lung's attenuation at a point with the case's findings.
	 *
	 * @param hu the normal lung's attenuation there
	 * @param depth how far (mm) inside the cavity's wall the point lies
	 * @param diaphragm the height of the diaphragm below the point
	 */
	double lung(final double hu, final double u, final double v, final double w, final double depth,
		final double diaphragm)
	{
		double out = hu;
		if (dependent > 0) {
			out += dependent * back(v) * fade(depth, band) * fade(w - diaphragm, DEPENDENT_HEIGHT);
		}
		final double n = bullae.at(u, v, w);
		if (n > emphysemaLevel) {
			out = Shapes.mix(out, EMPHYSEMA_HU + 10 * tissues.fine.at(u, v, w),
				Shapes.smoothstep(emphysemaLevel, emphysemaLevel + 0.08, n));
		}
		return out;
	}

	/** 1 at the back of the chest, 0 in its front half. */
	private double back(final double v) {
		return Shapes.clamp(-1.5 * v / posterior, 0, 1);
	}

	/** 1 at 0, falling linearly to 0 at {@code length}. */
	private static double fade(final double x, final double length) {
		return Shapes.clamp(1 - x / length, 0, 1);
	}
}
