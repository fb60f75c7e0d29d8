package covidunet.phantom;

import static covidunet.phantom.Shapes.angularBump;
import static covidunet.phantom.Shapes.smoothstep;

import java.util.SplittableRandom;

/**
 * The trunk in axial cross-section, from the inside out: the thoracic (lower down, abdominal)
 * cavity, a layer of ribs and intercostal muscle, the muscles of the chest wall (pectorals in
 * front, the thick paraspinal muscles behind, the shoulder girdle and the muscles around the
 * scapulae higher up; where thick, a fat plane between deep and superficial muscles),
 * subcutaneous fat (with breasts in some patients), the back flattened on the table, and the
 * table (its materials and a cushion on it, if any, from the case's {@link Variation}). Each layer's outline is a {@link PolarProfile} around the patient's
 * axis; the cavity narrows towards the thoracic inlet.
 * <p>
 * Coordinates are the patient's, in mm: u towards the patient's right, v anterior, w superior,
 * w = 0 at the carina.
 */
final class Thorax {

	private static final double TABLE_HALF_WIDTH = 235;
	private static final double TABLE_SHELL = 2.5;
	private static final double CUSHION_HU = -800;

	/** Half the thickness of the fat plane between the deep and superficial muscles. */
	private static final double FASCIA = 0.8;

	/** Semi-axes of the cavity at full width: lateral, anterior, posterior. */
	final double lateral, anterior, posterior;

	/** Thickness of the layer of ribs and intercostal muscle. */
	final double ribLayer;

	/** The back lies on the table at v = backPlane. */
	final double backPlane;

	/** Heights between which the scapulae lie. */
	final double scapulaBottom, scapulaTop;

	private final PolarProfile cavity, muscle, shoulder, scapularMuscle, fat, breast;
	private final double fullWidthBelow, inlet, inletScale, fascia;
	private final double shoulderStart, scapularGain, breastCentre, breastHalfHeight;
	private final double backFat, tableTop, tableThickness, tableCurvature;
	private final double maxRadius;
	private final Tissues tissues;
	private final Variation variation;

	/**
	 * @param apex the height of the lung apices
	 * @param sternumTop the height of the sternal notch
	 */
	Thorax(final SplittableRandom random, final Tissues tissues, final Variation variation, final double apex,
		final double sternumTop)
	{
		this.tissues = tissues;
		this.variation = variation;
		lateral = random.nextDouble(118, 142);
		anterior = random.nextDouble(75, 95);
		posterior = random.nextDouble(85, 105);
		final double exponent = random.nextDouble(2.1, 2.7);
		final double[] harmonics = harmonics(random, 0.022);
		cavity = new PolarProfile(t -> superellipse(t, exponent) * (1 + wave(harmonics, t)));
		ribLayer = random.nextDouble(10, 13);
		final double side = random.nextDouble(6, 12), pectoral = random.nextDouble(9, 22);
		final double paraspinal = random.nextDouble(30, 45), posterolateral = random.nextDouble(16, 26);
		final double[] muscleHarmonics = harmonics(random, 0.1);
		muscle = new PolarProfile(t -> (side +
			(pectoral - side) * (angularBump(t, Math.PI / 2 - 0.6, 0.6) + angularBump(t, Math.PI / 2 + 0.6, 0.6)) +
			Math.max((paraspinal - side) * angularBump(t, -Math.PI / 2, 0.5),
				(posterolateral - side) * (angularBump(t, -0.75, 0.9) + angularBump(t, -Math.PI + 0.75, 0.9)))) *
			(1 + wave(muscleHarmonics, t)));
		fascia = random.nextDouble(0.4, 0.6);
		final double shoulderGain = random.nextDouble(30, 60);
		shoulder = new PolarProfile(t -> shoulderGain * (angularBump(t, 0, 1.0) + angularBump(t, Math.PI, 1.0)));
		scapularMuscle = new PolarProfile(t -> angularBump(t, -0.6, 0.5) + angularBump(t, -Math.PI + 0.6, 0.5));
		scapularGain = random.nextDouble(10, 20);
		final double subcutaneous = random.nextDouble(5, 32);
		final double[] fatHarmonics = harmonics(random, 0.12);
		fat = new PolarProfile(t -> subcutaneous * (0.8 + 0.2 * (1 - StrictMath.sin(t))) * (1 + wave(fatHarmonics, t)));
		final boolean female = random.nextDouble() < 0.4;
		final double breastSize = female ? random.nextDouble(15, 50) : 0;
		breast = new PolarProfile(t -> breastSize * (angularBump(t, Math.PI / 2 - 0.55, 0.45) +
			angularBump(t, Math.PI / 2 + 0.55, 0.45)));
		breastCentre = random.nextDouble(-110, -60);
		breastHalfHeight = random.nextDouble(50, 70);
		fullWidthBelow = random.nextDouble(-90, -60);
		inlet = apex + 10;
		inletScale = random.nextDouble(0.5, 0.62);
		shoulderStart = sternumTop - random.nextDouble(10, 30);
		scapulaTop = apex + random.nextDouble(5, 25);
		scapulaBottom = scapulaTop - random.nextDouble(140, 170);
		backFat = 0.5 * fat.at(-Math.PI / 2);
		backPlane = -(posterior + ribLayer + 0.75 * muscle.at(-Math.PI / 2) + backFat);
		tableTop = backPlane - random.nextDouble(0, 4);
		tableThickness = random.nextDouble(30, 50);
		tableCurvature = random.nextDouble(0.0003, 0.0009);
		maxRadius = cavity.max() + ribLayer + muscle.max() + shoulder.max() + scapularGain + fat.max() + breast.max();
	}

	/** How much the cavity is narrowed at height w: 1 below the upper chest, less towards the inlet. */
	double scale(final double w) {
		if (w <= fullWidthBelow) return 1;
		final double t = Math.min(1.1, (w - fullWidthBelow) / (inlet - fullWidthBelow));
		return 1 - (1 - inletScale) * t * t;
	}

	/** The cavity's radius towards angle θ at height w. */
	double cavity(final double theta, final double w) {
		return cavity.at(theta) * scale(w);
	}

	/** The chest-wall muscles' thickness. */
	double muscle(final double theta, final double w) {
		return muscle.at(theta) + shoulder.at(theta) * smoothstep(shoulderStart, shoulderStart + 70, w) +
			scapularGain * scapularMuscle.at(theta) * smoothstep(scapulaBottom, scapulaBottom + 30, w) *
				(1 - smoothstep(scapulaTop - 10, scapulaTop + 15, w));
	}

	/** The subcutaneous fat's thickness, breasts included. */
	double fat(final double theta, final double w) {
		return fat.at(theta) + breast(theta, w);
	}

	private double breast(final double theta, final double w) {
		return breast.at(theta) * Shapes.bump(w, breastCentre, breastHalfHeight);
	}

	/** No point farther than this from the patient's axis belongs to the body. */
	double maxRadius() {
		return maxRadius;
	}

	/**
	 * The chest wall outside the cavity ({@code r > cavity}): intercostal muscle, muscle, fat or
	 * the air (or table) around the body. Bones in the wall are the skeleton's.
	 */
	void wall(final double u, final double v, final double w, final double r, final double theta,
		final double cavityRadius, final Sample s)
	{
		final double ribs = cavityRadius + ribLayer;
		if (r <= ribs) {
			s.set(tissues.muscle(u, v, w));
			return;
		}
		final double thickness = muscle(theta, w);
		final double muscles = ribs + thickness;
		final double skin = muscles + fat(theta, w);
		if (r > skin || v < backPlane) {
			s.set(outside(u, v));
			return;
		}
		if (r <= muscles && v >= backPlane + backFat) {
			final boolean plane = thickness > 15 && Math.abs(r - ribs - fascia * thickness) < FASCIA;
			s.set(plane ? tissues.fat(u, v, w) : tissues.muscle(u, v, w));
			return;
		}
		final double gland = breast(theta, w);
		if (gland > 0 && r < muscles + fat.at(theta) + 0.6 * gland) {
			final double n = tissues.coarse.at(u - 3.3, v + 8.1, w);
			s.set(Shapes.mix(tissues.fat(u, v, w), tissues.muscle - 25, smoothstep(-0.1, 0.2, n)));
			return;
		}
		s.set(tissues.fat(u, v, w));
	}

	/** Air, or the table the patient lies on (a foam core in a thin shell) with its cushion. */
	double outside(final double u, final double v) {
		final double air = variation.outsideAir();
		if (Math.abs(u) > TABLE_HALF_WIDTH) return air;
		final double depth = tableTop + tableCurvature * u * u - v;
		if (depth < 0) return air;
		if (depth < variation.cushion()) return CUSHION_HU;
		final double inTable = depth - variation.cushion();
		if (inTable > tableThickness) return air;
		return inTable < TABLE_SHELL || inTable > tableThickness - TABLE_SHELL ? variation.tableShell() :
			variation.tableCore();
	}

	private double superellipse(final double theta, final double exponent) {
		final double b = theta >= 0 ? anterior : posterior;
		final double c = Math.abs(StrictMath.cos(theta)) / lateral, s = Math.abs(StrictMath.sin(theta)) / b;
		return 1 / StrictMath.pow(StrictMath.pow(c, exponent) + StrictMath.pow(s, exponent), 1 / exponent);
	}

	/** Random amplitudes and phases of the 2nd to 5th harmonics, each amplitude up to {@code max}. */
	private static double[] harmonics(final SplittableRandom random, final double max) {
		final double[] h = new double[8];
		for (int i = 0; i < 8; i += 2) {
			h[i] = random.nextDouble(0, max);
			h[i + 1] = random.nextDouble(0, 2 * Math.PI);
		}
		return h;
	}

	private static double wave(final double[] harmonics, final double theta) {
		double sum = 0;
		for (int i = 0; i < harmonics.length; i += 2) {
			sum += harmonics[i] * StrictMath.cos((i / 2 + 2) * theta + harmonics[i + 1]);
		}
		return sum;
	}
}
