package covidunet.phantom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One synthetic patient's chest, in the patient's coordinates (mm): u towards the patient's right,
 * v anterior, w superior, the origin on the body's axis at the height of the carina. It is
 * defined without reference to any voxel grid: {@link #sample} gives what lies at any point, and
 * the {@link Tube}s (vessels, airways, ribs) are drawn over that by the renderer.
 * <p>
 * Everything is drawn from one seed, and what the case's {@link Variation} adds (arms, kidneys,
 * bowel, normal findings) from the variation's seed; see the parts ({@link Thorax},
 * {@link Skeleton}, {@link Lungs}, {@link Mediastinum}, {@link Abdomen}, {@link Arms},
 * {@link Findings}, {@link RibCage}, {@link CentralStructures}, {@link VesselTree}) for what they
 * model.
 */
final class Anatomy {

	private static final int TERRITORY_DRAWS = 40000;

	final Tissues tissues;
	final Thorax thorax;
	final Skeleton skeleton;
	final Lungs lungs;
	final Mediastinum mediastinum;
	final Abdomen abdomen;
	final Arms arms;
	final Findings findings;
	final List<Tube> tubes;
	private final double[] lungBox;
	private final double[] lungVolume = new double[2];

	Anatomy(final long seed, final Variation variation) {
		final SplittableRandom random = Seeds.random(seed, Seeds.ANATOMY);
		final SplittableRandom extra = Seeds.random(variation.seed(), seed);
		tissues = new Tissues(random, Seeds.mix(seed, Seeds.TEXTURE), variation.enhancement());
		final double apex = random.nextDouble(70, 100);
		final double rightDome = -random.nextDouble(85, 130);
		final double sternumTop = random.nextDouble(35, 55);
		thorax = new Thorax(random, tissues, variation, apex, sternumTop);
		skeleton = new Skeleton(random, thorax, tissues, sternumTop);
		lungs = new Lungs(random, thorax, tissues, apex, rightDome);
		mediastinum = new Mediastinum(random, thorax, tissues, lungs.domeTop(Lungs.LEFT));
		abdomen = new Abdomen(random, extra, thorax, tissues, lungs.domeTop(Lungs.LEFT), variation);
		lungBox = new double[] { -1.1 * thorax.lateral, 1.1 * thorax.lateral, -1.1 * thorax.posterior,
			1.1 * thorax.anterior, Math.min(lungs.bottom(Lungs.LEFT), lungs.bottom(Lungs.RIGHT)), apex };
		arms = new Arms(extra, thorax, tissues, variation.armsDown(), lungBox[4], apex);
		findings = new Findings(extra, variation, thorax, tissues);
		final List<Tube> all = new ArrayList<>(
			RibCage.build(random, thorax, apex, sternumTop, skeleton.sternumBottom()));
		final CentralStructures central = new CentralStructures(random, skeleton, mediastinum, apex, sternumTop,
			apex + 120, lungBox[4] - 120);
		all.addAll(central.tubes);
		vessels(Seeds.random(seed, Seeds.VESSELS), central, all);
		tubes = Collections.unmodifiableList(all);
	}

	/**
	 * What lies at a point (mm): its attenuation and label, without vessels, airways, ribs and
	 * lesions.
	 */
	void sample(final double u, final double v, final double w, final Sample s) {
		final double r2 = u * u + v * v;
		final double maxRadius = thorax.maxRadius();
		if (arms.sample(u, v, w, s)) return;
		if (r2 > maxRadius * maxRadius) {
			s.set(thorax.outside(u, v));
			return;
		}
		if (skeleton.spine(u, v, w, s)) return;
		final double r = Math.sqrt(r2), theta = Shapes.atan2(v, u);
		final double cavity = thorax.cavity(theta, w);
		if (r > cavity) {
			if (!skeleton.wall(u, v, w, r, theta, cavity, s)) thorax.wall(u, v, w, r, theta, cavity, s);
			return;
		}
		final int side = lungs.side(u, w);
		final double midline = lungs.midline(w);
		final double diaphragm = lungs.diaphragm(side, u, v);
		if (w < diaphragm) {
			abdomen.sample(u, v, w, diaphragm, midline, s);
			return;
		}
		final double front = thorax.cavity(Math.PI / 2, w);
		if (mediastinum.sample(u, v, w, midline, skeleton.spineFront(w), front, s)) return;
		if (w > lungs.apex(side, u, v)) {
			s.set(tissues.fattySoftTissue(u, v, w));
			return;
		}
		if (findings.effusion(v, w, cavity - r, diaphragm)) {
			s.set(findings.fluid(u, v, w));
			return;
		}
		s.hu = findings.lung(lungs.parenchyma(u, v, w), u, v, w, cavity - r, diaphragm);
		s.label = side == Lungs.LEFT ? 1 : 2;
	}

	/** {@link Lungs#LEFT} or {@link Lungs#RIGHT} if the point lies in that lung, else −1. */
	int lung(final double u, final double v, final double w) {
		final Sample s = new Sample();
		sample(u, v, w, s);
		return s.label == 1 ? Lungs.LEFT : s.label == 2 ? Lungs.RIGHT : -1;
	}

	/** How far (mm) inside the cavity's wall a point lies, along the ray from the axis. */
	double wallDistance(final double u, final double v, final double w) {
		return thorax.cavity(Shapes.atan2(v, u), w) - Math.sqrt(u * u + v * v);
	}

	/** The box (u from, to, v from, to, w from, to) that holds the lungs. */
	double[] lungBox() {
		return lungBox.clone();
	}

	/** A side's lung volume in mL, estimated from random points. */
	double lungVolume(final int side) {
		return lungVolume[side];
	}

	/**
	 * Draws points through the lungs (which also estimates their volumes) and grows an arterial
	 * and a venous tree, with the bronchi beside the arteries, in each lung.
	 */
	private void vessels(final SplittableRandom random, final CentralStructures central, final List<Tube> out) {
		final int perTree = random.nextInt(1500, 2200);
		final List<List<double[]>> territories = new ArrayList<>();
		for (int i = 0; i < 4; i++) territories.add(new ArrayList<>());
		final double boxVolume = (lungBox[1] - lungBox[0]) * (lungBox[3] - lungBox[2]) * (lungBox[5] - lungBox[4]);
		final int[] hits = new int[2];
		for (int i = 0; i < TERRITORY_DRAWS; i++) {
			final double u = random.nextDouble(lungBox[0], lungBox[1]);
			final double v = random.nextDouble(lungBox[2], lungBox[3]);
			final double w = random.nextDouble(lungBox[4], lungBox[5]);
			final int side = lung(u, v, w);
			if (side < 0) continue;
			hits[side]++;
			final List<double[]> territory = territories.get(2 * side + (hits[side] & 1));
			if (territory.size() < perTree) territory.add(new double[] { u, v, w });
		}
		for (int side = 0; side < 2; side++) {
			lungVolume[side] = boxVolume * hits[side] / TERRITORY_DRAWS / 1000;
			final List<Tube> arteries = new ArrayList<>();
			final double scale = side == Lungs.RIGHT ? 1 : 0.93;
			VesselTree.grow(central.arteryRoot[side], scale * random.nextDouble(8.5, 10),
				territories.get(2 * side).toArray(new double[0][]), arteries);
			VesselTree.grow(central.veinRoot[side], scale * random.nextDouble(7.5, 9),
				territories.get(2 * side + 1).toArray(new double[0][]), out);
			Bronchi.alongside(arteries, out);
			out.addAll(arteries);
		}
	}
}
