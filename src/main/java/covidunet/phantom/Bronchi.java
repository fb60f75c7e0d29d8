package covidunet.phantom;

import java.util.List;

/**
 * The segmental and subsegmental bronchi, which run beside the pulmonary arteries: for each
 * artery thick enough, a slightly thinner airway parallel to it, just off its side.
 */
final class Bronchi {

	/** Arteries thinner than this (mm) have no visible bronchus beside them. */
	private static final double MIN_ARTERY = 1.8;

	private Bronchi() {}

	/** Adds a bronchus beside each of the {@code arteries} that is thick enough. */
	static void alongside(final List<Tube> arteries, final List<Tube> out) {
		for (final Tube artery : arteries) {
			if (artery.ra < MIN_ARTERY) continue;
			final double dx = artery.bx - artery.ax, dy = artery.by - artery.ay, dz = artery.bz - artery.az;
			final boolean steep = Math.abs(dz) > 0.9 * Math.sqrt(dx * dx + dy * dy + dz * dz);
			// A direction across the artery: its cross product with the vertical (or, for a steep
			// artery, with the u axis).
			double ox = steep ? 0 : dy, oy = steep ? dz : -dx, oz = steep ? -dy : 0;
			final double norm = Math.sqrt(ox * ox + oy * oy + oz * oz);
			if (norm == 0) continue;
			final double radius = 0.75 * artery.ra;
			final double shift = (artery.ra + radius + 0.8) / norm;
			ox *= shift;
			oy *= shift;
			oz *= shift;
			out.add(new Tube(new double[] { artery.ax + ox, artery.ay + oy, artery.az + oz },
				new double[] { artery.bx + ox, artery.by + oy, artery.bz + oz }, radius, 0.75 * artery.rb,
				TubeKind.BRONCHUS));
		}
	}
}
