package covidunet.phantom;

import static covidunet.phantom.TubeChain.p;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Twelve pairs of ribs, the costal cartilages and the clavicles, as chains of {@link Tube}s. A
 * rib leaves the spine beside the transverse process and follows the cavity's outline in the rib
 * layer around the side to the front, sloping down as it goes, more so for the lower ribs; ribs 1
 * to 7 reach the sternum through their cartilages, 8 to 10 join the costal margin, 11 and 12 end
 * free at the side.
 */
final class RibCage {

	private static final int RIBS = 12;
	private static final int STEPS = 18;

	private RibCage() {}

	static List<Tube> build(final SplittableRandom random, final Thorax thorax, final double apex,
		final double sternumTop, final double sternumBottom)
	{
		final List<Tube> tubes = new ArrayList<>();
		final double first = apex - random.nextDouble(0, 10);
		final double spacing = random.nextDouble(20, 25);
		final double radius = random.nextDouble(3.6, 4.6);
		final double cartilage = random.nextDouble(3.5, 4.5);
		final double slope = random.nextDouble(9, 12);
		final double start = -Math.PI / 2 + 0.25;
		for (int rib = 1; rib <= RIBS; rib++) {
			final double top = first - (rib - 1) * spacing;
			final double drop = Math.min(130, 35 + slope * rib);
			final double end = end(rib);
			for (final double sign : new double[] { -1, 1 }) {
				final double[][] points = new double[STEPS + 1][];
				for (int i = 0; i <= STEPS; i++) {
					final double f = (double) i / STEPS;
					points[i] = onWall(thorax, sign, start + f * (end - start), top - drop * f);
				}
				final double r = rib == 1 ? 1.15 * radius : rib >= 11 ? 0.85 * radius : radius;
				TubeChain.add(tubes, TubeKind.BONE, r, rib >= 11 ? 0.6 * r : r, points);
				if (rib <= 10) {
					final double endHeight = top - drop;
					final double targetAngle = rib <= 7 ? Math.PI / 2 - 0.2 : end(rib - 1) + 0.12;
					final double targetHeight = rib <= 7 ?
						sternumTop - 8 - (rib - 1) * (sternumTop - sternumBottom - 40) / 6 : endHeight + 18;
					tubes.addAll(cartilage(thorax, sign, end, endHeight, targetAngle, targetHeight, cartilage));
				}
			}
		}
		final double clavicle = random.nextDouble(5.5, 7.5);
		final double front = thorax.cavity(Math.PI / 2, sternumTop) + 0.5 * thorax.ribLayer;
		for (final double sign : new double[] { -1, 1 }) {
			TubeChain.add(tubes, TubeKind.BONE, clavicle, 0.85 * clavicle, p(sign * 20, front + 6, sternumTop + 2),
				p(sign * 0.45 * thorax.lateral, front + 4, sternumTop + 10),
				p(sign * 0.8 * thorax.lateral, 0.3 * thorax.anterior, sternumTop + 22),
				p(sign * 0.95 * thorax.lateral, 0.05 * thorax.anterior, sternumTop + 30));
		}
		return tubes;
	}

	/** Where a rib's bony part ends, as the angle on the right side (the left is mirrored). */
	private static double end(final int rib) {
		if (rib <= 7) return Math.PI / 2 - 0.55 - 0.02 * rib;
		if (rib <= 10) return 1.0 - 0.2 * (rib - 8);
		return rib == 11 ? -0.05 : -0.45;
	}

	private static List<Tube> cartilage(final Thorax thorax, final double sign, final double fromAngle,
		final double fromHeight, final double toAngle, final double toHeight, final double radius)
	{
		final int steps = 6;
		final double[][] points = new double[steps + 1][];
		for (int i = 0; i <= steps; i++) {
			final double f = (double) i / steps;
			points[i] = onWall(thorax, sign, fromAngle + f * (toAngle - fromAngle),
				fromHeight + Shapes.smoothstep(0, 1, f) * (toHeight - fromHeight));
		}
		final List<Tube> tubes = new ArrayList<>();
		TubeChain.add(tubes, TubeKind.CARTILAGE, radius, radius, points);
		return tubes;
	}

	/** The middle of the rib layer at a right-side angle, mirrored to the left for sign −1. */
	private static double[] onWall(final Thorax thorax, final double sign, final double rightAngle, final double w) {
		final double angle = sign > 0 ? rightAngle : Math.PI - rightAngle;
		final double r = thorax.cavity(Shapes.wrap(angle), w) + 0.5 * thorax.ribLayer;
		return p(r * StrictMath.cos(angle), r * StrictMath.sin(angle), w);
	}
}
