package covidunet.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import covidunet.phantom.Lesion.Kind;

/**
 * Places a case's lesions as COVID-19 pneumonia distributes them: mostly peripheral (under the
 * pleura), posterior and in the lower zones, in both lungs; ground glass more often than
 * consolidation, consolidations often with a ground-glass halo.
 */
final class LesionPlanner {

	private static final int MAX_TRIES = 20000;

	private final SplittableRandom random;
	private final Anatomy anatomy;
	private final List<Lesion> lesions = new ArrayList<>();
	private int side;

	private LesionPlanner(final SplittableRandom random, final Anatomy anatomy) {
		this.random = random;
		this.anatomy = anatomy;
		side = random.nextDouble() < 0.55 ? Lungs.RIGHT : Lungs.LEFT;
	}

	/** The lesions of a case of the given severity. */
	static List<Lesion> plan(final SplittableRandom random, final Anatomy anatomy, final Severity severity) {
		final LesionPlanner planner = new LesionPlanner(random, anatomy);
		switch (severity) {
			case NONE:
				break;
			case TINY:
				planner.tiny(1 + random.nextInt(3));
				break;
			case MILD:
				planner.lesions(2 + random.nextInt(4), 6, 14, 0.8);
				break;
			case MODERATE:
				planner.lesions(4 + random.nextInt(6), 8, 28, 0.7);
				break;
			case SEVERE:
				planner.lobar(1 + random.nextInt(2));
				planner.lesions(6 + random.nextInt(7), 10, 40, 0.55);
				break;
		}
		if (severity.compareTo(Severity.TINY) > 0 && random.nextDouble() < 0.3) planner.tiny(1);
		return planner.lesions;
	}

	private void lesions(final int count, final double minRadius, final double maxRadius, final double groundGlass) {
		for (int i = 0; i < count; i++) {
			final double[] centre = place(false, 0);
			if (centre == null) continue;
			final double r = minRadius * StrictMath.pow(maxRadius / minRadius, random.nextDouble());
			if (random.nextDouble() < groundGlass) {
				add(Kind.GROUND_GLASS, centre, r);
			}
			else {
				add(Kind.CONSOLIDATION, centre, r);
				if (random.nextDouble() < 0.5) add(Kind.GROUND_GLASS, centre, 1.5 * r);
			}
		}
	}

	/** Ground glass filling most of a lower lobe, at the back. */
	private void lobar(final int count) {
		for (int i = 0; i < count; i++) {
			final double[] centre = place(true, 0);
			if (centre == null) continue;
			final double[] radii = { random.nextDouble(28, 40), random.nextDouble(45, 60), random.nextDouble(45, 65) };
			lesions.add(new Lesion(Kind.GROUND_GLASS, centre, radial(centre), radii, random.nextDouble(-620, -420),
				random.nextDouble(20, 60), random.nextDouble(0.2, 0.35), random.nextDouble(0.1, 0.2), random.nextLong()));
		}
	}

	/** Lesions of a few voxels, well inside the lung so that they are labelled. */
	private void tiny(final int count) {
		for (int i = 0; i < count; i++) {
			final double r = random.nextDouble(3, 4.5);
			final double[] centre = place(false, r + 3);
			if (centre == null) continue;
			final boolean consolidation = random.nextDouble() < 0.5;
			final double[] radii = { r, r * random.nextDouble(1, 1.3), r * random.nextDouble(1, 1.4) };
			lesions.add(new Lesion(consolidation ? Kind.CONSOLIDATION : Kind.GROUND_GLASS, centre, radial(centre), radii,
				consolidation ? random.nextDouble(-50, 40) : random.nextDouble(-450, -300), 8, 0.15, 0.05,
				random.nextLong()));
		}
	}

	private void add(final Kind kind, final double[] centre, final double r) {
		final double[] radii = { r * random.nextDouble(0.6, 0.9), r * random.nextDouble(1.0, 1.4),
			r * random.nextDouble(0.9, 1.5) };
		final boolean glass = kind == Kind.GROUND_GLASS;
		lesions.add(new Lesion(kind, centre, radial(centre), radii,
			glass ? random.nextDouble(-650, -380) : random.nextDouble(-60, 40),
			glass ? random.nextDouble(0, 60) : 12, glass ? random.nextDouble(0.25, 0.45) : random.nextDouble(0.08, 0.16),
			random.nextDouble(0.08, 0.25), random.nextLong()));
	}

	/**
	 * A lesion centre in the lung of the next side (mostly alternating, so that disease is
	 * bilateral), drawn with a preference for the periphery, the back and the lower zones.
	 *
	 * @param lobar whether to look only in the posterior lower zone
	 * @param clearance how far (mm) the lung must extend around the centre in each direction
	 * @return null if no place was found
	 */
	private double[] place(final boolean lobar, final double clearance) {
		if (random.nextDouble() < 0.7) side = 1 - side;
		final double[] box = anatomy.lungBox();
		for (int t = 0; t < MAX_TRIES; t++) {
			final double u = random.nextDouble(box[0], box[1]);
			final double v = random.nextDouble(box[2], box[3]);
			final double w = random.nextDouble(box[4], box[5]);
			if (anatomy.lung(u, v, w) != side) continue;
			final double peripheral = anatomy.wallDistance(u, v, w) < 22 ? 1 : 0.3;
			final double posterior = v < 0 ? 1 : 0.45;
			final double lower = w < -30 ? 1 : 0.6;
			if (lobar && (v > -0.3 * box[3] || w > -40 || peripheral < 1)) continue;
			if (random.nextDouble() > peripheral * posterior * lower) continue;
			if (clearance > 0 && !surrounded(u, v, w, clearance)) continue;
			return new double[] { u, v, w };
		}
		return null;
	}

	private boolean surrounded(final double u, final double v, final double w, final double d) {
		return anatomy.lung(u + d, v, w) == side && anatomy.lung(u - d, v, w) == side &&
			anatomy.lung(u, v + d, w) == side && anatomy.lung(u, v - d, w) == side &&
			anatomy.lung(u, v, w + d) == side && anatomy.lung(u, v, w - d) == side;
	}

	/** The unit vector in the axial plane from the patient's axis towards a point. */
	private static double[] radial(final double[] point) {
		final double norm = Math.sqrt(point[0] * point[0] + point[1] * point[1]);
		return norm == 0 ? new double[] { 1, 0 } : new double[] { point[0] / norm, point[1] / norm };
	}
}
