package covidunet.phantom;

import static covidunet.phantom.TubeChain.p;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tubes of the mediastinum and the neck: trachea and main bronchi, oesophagus, aorta
 * (ascending, arch passing left of the trachea, descending beside the spine), the arch's branches,
 * brachiocephalic and jugular veins, the superior vena cava, the pulmonary trunk and arteries
 * running to the hila, and the pulmonary veins running from the hila to the left atrium. It also
 * fixes the hila, where the pulmonary vessel trees start.
 */
final class CentralStructures {

	final List<Tube> tubes = new ArrayList<>();

	/** Per side ({@link Lungs#LEFT}, {@link Lungs#RIGHT}): where the arterial and venous trees start. */
	final double[][] arteryRoot = new double[2][], veinRoot = new double[2][];

	/**
	 * @param top a height above the scanned range
	 * @param bottom a height below the scanned range
	 */
	CentralStructures(final SplittableRandom random, final Skeleton skeleton, final Mediastinum mediastinum,
		final double apex, final double sternumTop, final double top, final double bottom)
	{
		final double oesophagus = random.nextDouble(6.5, 8.5);
		final double trachea = random.nextDouble(8, 11);
		final double[] oesophagusPath = new double[] { top, apex, 0, -100, -180, bottom };
		final double[][] gullet = new double[oesophagusPath.length][];
		for (int i = 0; i < gullet.length; i++) {
			final double w = oesophagusPath[i];
			gullet[i] = p(-2 - 10 * Shapes.smoothstep(0, -180, w), skeleton.spineFront(w) + oesophagus + 1, w);
		}
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, oesophagus, oesophagus, gullet);
		final double lead = 2 * oesophagus + trachea + 3;
		final double[][] windpipe = new double[6][];
		for (int i = 0; i < 6; i++) {
			final double w = top * (1 - i / 5.0);
			windpipe[i] = p(2, skeleton.spineFront(w) + lead, w);
		}
		TubeChain.add(tubes, TubeKind.CENTRAL_AIRWAY, trachea, 0.9 * trachea, windpipe);
		final double[] carina = windpipe[5];
		final double vt = carina[1];
		final double[][] bronchusEnd = {
			p(-random.nextDouble(45, 55), vt - 10, -random.nextDouble(26, 34)),
			p(random.nextDouble(36, 44), vt - 6, -random.nextDouble(15, 24)) };
		TubeChain.add(tubes, TubeKind.CENTRAL_AIRWAY, 0.75 * trachea, 0.6 * trachea, carina, bronchusEnd[Lungs.LEFT]);
		TubeChain.add(tubes, TubeKind.CENTRAL_AIRWAY, 0.8 * trachea, 0.7 * trachea, carina, bronchusEnd[Lungs.RIGHT]);
		arteryRoot[Lungs.LEFT] = offset(bronchusEnd[Lungs.LEFT], 2, 7, 14);
		arteryRoot[Lungs.RIGHT] = offset(bronchusEnd[Lungs.RIGHT], 4, 12, 4);
		veinRoot[Lungs.LEFT] = offset(bronchusEnd[Lungs.LEFT], 4, 14, -24);
		veinRoot[Lungs.RIGHT] = offset(bronchusEnd[Lungs.RIGHT], 2, 14, -26);

		final double heartTop = mediastinum.heartTop();
		final double archTop = random.nextDouble(18, 35);
		final double aorta = random.nextDouble(13, 16), descending = random.nextDouble(10, 12.5);
		final double descendingU = -random.nextDouble(20, 26);
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, aorta, 0.9 * aorta,
			p(mediastinum.heartU + 28, mediastinum.heartV + 0.2 * mediastinum.heartShort, heartTop - 15),
			p(12, vt + 30, archTop - 12), p(-(trachea + aorta + 2), vt + 6, archTop),
			p(descendingU, skeleton.spineFront(archTop - 10), archTop - 10));
		final double[] descent = { archTop - 10, 0, -80, -160, bottom };
		final double[][] downwards = new double[descent.length][];
		for (int i = 0; i < descent.length; i++) {
			final double w = descent[i];
			downwards[i] = p(Shapes.mix(descendingU, -8, Shapes.smoothstep(-60, -200, w)), skeleton.spineFront(w) - 2, w);
		}
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, 0.9 * aorta, descending, downwards);
		neck(random, vt, archTop, apex, sternumTop, top, heartTop);
		pulmonary(random, mediastinum, vt, heartTop);
	}

	private void neck(final SplittableRandom random, final double vt, final double archTop, final double apex,
		final double sternumTop, final double top, final double heartTop)
	{
		final double artery = random.nextDouble(4, 6), vein = random.nextDouble(5.5, 7.5);
		final double cava = random.nextDouble(8, 10.5);
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, 1.2 * artery, artery, p(6, vt + 20, archTop + 4),
			p(22, vt + 10, top));
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, 0.9 * artery, 0.8 * artery, p(-8, vt + 12, archTop + 6),
			p(-24, vt + 8, top));
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, artery, 0.8 * artery, p(-18, vt + 2, archTop + 4),
			p(-45, vt - 4, apex + 30), p(-80, vt - 6, apex + 45));
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, cava, cava, p(32, vt + 16, top), p(31, vt + 18, archTop + 18),
			p(28, vt + 22, heartTop - 5));
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, vein, vein, p(-45, vt + 20, top), p(-44, vt + 24, sternumTop + 20),
			p(29, vt + 20, archTop + 20));
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, vein, vein, p(45, vt + 18, top), p(32, vt + 16, archTop + 22));
	}

	private void pulmonary(final SplittableRandom random, final Mediastinum heart, final double vt,
		final double heartTop)
	{
		final double trunk = random.nextDouble(12, 14), branch = random.nextDouble(9, 11), vein = random.nextDouble(6, 7.5);
		final double[] bifurcation = p(-6, vt + 24, -8);
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, trunk, trunk,
			p(heart.heartU + 8, heart.heartV + 0.7 * heart.heartShort, heartTop - 12), bifurcation);
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, branch, 0.85 * branch, bifurcation, p(15, vt + 20, -6),
			arteryRoot[Lungs.RIGHT]);
		TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, branch, 0.85 * branch, bifurcation, p(-30, vt + 14, 4),
			arteryRoot[Lungs.LEFT]);
		final double[] atrium = p(heart.heartU + 15, heart.heartV - 0.5 * heart.heartShort,
			heart.heartW + 0.35 * heart.heartHeight);
		for (final double[] root : veinRoot) {
			TubeChain.add(tubes, TubeKind.CENTRAL_VESSEL, vein, vein, root, atrium);
		}
	}

	private static double[] offset(final double[] point, final double du, final double dv, final double dw) {
		return p(point[0] + Math.signum(point[0]) * du, point[1] + dv, point[2] + dw);
	}
}
