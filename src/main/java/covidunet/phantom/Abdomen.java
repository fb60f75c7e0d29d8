package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * What lies under the diaphragm at the bottom of a chest CT and in the upper abdomen below it:
 * the diaphragm's muscle, the liver on the right reaching over to the left in front, the stomach
 * on the left (with an air bubble in front in most patients, who lie on their back), the spleen
 * behind it, the kidneys beside the spine in their envelopes of fat (which reach up behind the
 * liver and spleen towards where the lung base ends: a dark crescent that is not lung), the
 * {@link Colon}, and fat and small-bowel loops
 * holding fluid or gas (how much gas is the case's {@link Variation#bowelGas()}).
 */
final class Abdomen {

	private static final double DIAPHRAGM = 4;

	/** The level of fine noise above which the bowel's contents hold a gas bubble. */
	private static final double BUBBLES = 0.55;

	private final double liverReach, stomachU, stomachV, stomachW, stomachRu, stomachRv, stomachRw, airLevel;
	private final double spleenU, spleenV, spleenW, spleenRu, spleenRv, spleenRw;
	private final double liverBottom, kidneyU, kidneyV, kidneyRu, kidneyRv, kidneyRw, perirenal;
	private final double bowelTop, gasLevel, loopLevel;
	private final double[] kidneyW = new double[2];
	private final boolean air;
	private final ValueNoise bowel;
	private final Colon colon;
	private final Tissues tissues;

	/**
	 * @param random the anatomy's generator
	 * @param extra the generator of what the variation added (liver's lower edge, kidneys, bowel)
	 */
	Abdomen(final SplittableRandom random, final SplittableRandom extra, final Thorax thorax, final Tissues tissues,
		final double leftDome, final Variation variation)
	{
		this.tissues = tissues;
		liverReach = random.nextDouble(10, 35);
		stomachRu = random.nextDouble(35, 48);
		stomachRv = random.nextDouble(40, 55);
		stomachRw = random.nextDouble(38, 50);
		stomachU = -random.nextDouble(0.35, 0.5) * thorax.lateral;
		stomachV = random.nextDouble(0.0, 0.25) * thorax.anterior;
		stomachW = leftDome - random.nextDouble(0.8, 1.1) * stomachRw;
		air = random.nextDouble() < 0.7;
		airLevel = random.nextDouble(0.1, 0.6);
		spleenRu = random.nextDouble(18, 25);
		spleenRv = random.nextDouble(38, 50);
		spleenRw = random.nextDouble(38, 50);
		spleenU = -random.nextDouble(0.68, 0.78) * thorax.lateral;
		spleenV = -random.nextDouble(0.35, 0.55) * thorax.posterior;
		spleenW = leftDome - random.nextDouble(30, 50);
		liverBottom = leftDome - extra.nextDouble(150, 210);
		kidneyU = extra.nextDouble(0.38, 0.5) * thorax.lateral;
		kidneyV = -extra.nextDouble(0.45, 0.6) * thorax.posterior;
		kidneyRu = extra.nextDouble(22, 30);
		kidneyRv = extra.nextDouble(25, 32);
		kidneyRw = extra.nextDouble(45, 60);
		kidneyW[Lungs.LEFT] = leftDome - extra.nextDouble(95, 125);
		kidneyW[Lungs.RIGHT] = kidneyW[Lungs.LEFT] - extra.nextDouble(5, 25);
		perirenal = extra.nextDouble(10, 30);
		bowelTop = stomachW - extra.nextDouble(0, 25);
		bowel = new ValueNoise(Seeds.mix(variation.seed(), Seeds.TEXTURE), extra.nextDouble(8, 14));
		gasLevel = 0.7 - 0.4 * variation.bowelGas();
		loopLevel = gasLevel - extra.nextDouble(0.3, 0.5);
		colon = new Colon(extra, thorax, leftDome, Shapes.clamp(variation.bowelGas() + extra.nextDouble(-0.3, 0.3), 0,
			1));
	}

	/**
	 * A point of the cavity below the diaphragm.
	 *
	 * @param diaphragm the height of the diaphragm above (u, v)
	 * @param midline the mediastinum's midline at this height
	 */
	void sample(final double u, final double v, final double w, final double diaphragm, final double midline,
		final Sample s)
	{
		if (w > diaphragm - DIAPHRAGM) {
			s.set(tissues.muscle(u, v, w));
			return;
		}
		final double su = (u - stomachU) / stomachRu, sv = (v - stomachV) / stomachRv, sw = (w - stomachW) / stomachRw;
		final double stomach = Math.sqrt(su * su + sv * sv + sw * sw);
		if (stomach < 1) {
			if (stomach > 1 - 3 / stomachRu) s.set(tissues.muscle(u, v, w));
			else if (air && sv > airLevel) s.set(Tissues.AIR + 20 * tissues.fine.at(u, v, w));
			else s.set(tissues.fluid + 5 * tissues.coarse.at(u, v, w));
			return;
		}
		final double pu = u - spleenU, pv = v - spleenV;
		final double a = (0.6 * pu + 0.8 * pv) / spleenRu, b = (0.8 * pu - 0.6 * pv) / spleenRv;
		final double c = (w - spleenW) / spleenRw;
		if (a * a + b * b + c * c < 1) {
			s.set(tissues.spleen + 5 * tissues.coarse.at(u, v, w));
			return;
		}
		if (inKidney(u, v, w, 0)) {
			s.set(tissues.kidney + 5 * tissues.coarse.at(u, v, w));
			return;
		}
		if (colon.sample(u, v, w, tissues, s)) return;
		if (inKidney(u, v, w, perirenal)) {
			s.set(tissues.fat(u, v, w));
			return;
		}
		if (w > liverBottom && u - midline > -liverReach - 0.5 * Math.max(0, v)) {
			s.set(tissues.liver + 6 * tissues.coarse.at(u, v, w));
			return;
		}
		if (w < bowelTop && v > kidneyV) {
			final double loop = bowel.at(u, v, w);
			if (loop > gasLevel) {
				s.set(Tissues.AIR + 20 * tissues.fine.at(u, v, w));
				return;
			}
			if (loop > loopLevel) {
				final boolean bubble = tissues.fine.at(1.3 * u - 3.1, 1.3 * v, 1.3 * w) > BUBBLES;
				s.set(bubble ? Tissues.AIR + 60 * tissues.fine.at(v, u, w) : tissues.fluid + 15 + 10 * tissues.coarse.at(u, v,
					w));
				return;
			}
		}
		s.set(tissues.fattySoftTissue(u, v, w));
	}

	/** Whether the point lies in the kidney on its side, grown by {@code margin} mm along each radius. */
	private boolean inKidney(final double u, final double v, final double w, final double margin) {
		final double ku = (Math.abs(u) - kidneyU) / (kidneyRu + margin), kv = (v - kidneyV) / (kidneyRv + margin);
		final double kw = (w - kidneyW[u > 0 ? Lungs.RIGHT : Lungs.LEFT]) / (kidneyRw + margin);
		return ku * ku + kv * kv + kw * kw < 1;
	}
}
