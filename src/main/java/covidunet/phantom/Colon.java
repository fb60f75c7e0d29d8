package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * The large bowel where a chest or upper-abdomen scan meets it: the transverse colon sagging
 * across the front of the abdomen below the liver and stomach, and the ascending (right) and
 * descending (left) colon running down the flanks from its ends. A haustrated tube with a thin
 * wall, holding gas in its upper (anterior, for a patient on the back) part and stool below,
 * mottled with small gas bubbles (a texture that must not be taken for ground glass, as the large
 * gas collections must not be taken for lung).
 */
final class Colon {

	private static final double WALL = 2, DESCENT = 250;

	private final double top, front, sag, halfLength, radius, pitch, gas, bubbles;
	private final double ascendingU, ascendingV, descendingU, descendingV;

	/**
	 * @param leftDome the height of the left hemidiaphragm's top
	 * @param gas how much of the colon's cross-section holds gas, 0–1
	 */
	Colon(final SplittableRandom random, final Thorax thorax, final double leftDome, final double gas) {
		top = leftDome - random.nextDouble(70, 140);
		front = random.nextDouble(0.3, 0.6) * thorax.anterior;
		sag = random.nextDouble(0, 60);
		halfLength = random.nextDouble(0.55, 0.75) * thorax.lateral;
		radius = random.nextDouble(15, 30);
		pitch = random.nextDouble(20, 35);
		this.gas = gas;
		bubbles = random.nextDouble(0.15, 0.6);
		ascendingU = halfLength;
		ascendingV = random.nextDouble(-30, 20);
		descendingU = -halfLength * random.nextDouble(1, 1.1);
		descendingV = random.nextDouble(-40, 0);
	}

	/** Sets what lies at the point if it is in the colon; returns whether it is. */
	boolean sample(final double u, final double v, final double w, final Tissues tissues, final Sample s) {
		if (w > top + radius * 1.2) return false;
		if (Math.abs(u) <= halfLength) {
			final double t = u / halfLength;
			final double centreW = top - sag * (1 - t * t);
			final double dv = v - front;
			if (inside(u, dv, w - centreW, dv, u, v, w, tissues, s)) return true;
		}
		if (w > top || w < top - DESCENT) return false;
		final boolean right = u > 0;
		final double du = u - (right ? ascendingU : descendingU), dv = v - (right ? ascendingV : descendingV);
		return inside(w, du, dv, dv, u, v, w, tissues, s);
	}

	/**
	 * Whether a point at offsets (a, b) across the tube from its axis, at position {@code along}
	 * the axis, lies in the tube; if so, sets the wall, gas (anterior in the lumen) or stool there.
	 *
	 * @param anterior how far the point lies in front of the axis
	 */
	private boolean inside(final double along, final double a, final double b, final double anterior, final double u,
		final double v, final double w, final Tissues tissues, final Sample s)
	{
		final double r = radius * (1 + 0.15 * StrictMath.cos(2 * Math.PI * along / pitch));
		final double d = Math.sqrt(a * a + b * b);
		if (d >= r) return false;
		if (d > r - WALL) s.set(tissues.muscle - 10);
		else if (anterior > (1 - 2 * gas) * (r - WALL)) s.set(Tissues.AIR + 15 * tissues.fine.at(u, v, w));
		else if (tissues.fine.at(1.3 * u + 7.7, 1.3 * v, 1.3 * w) > bubbles) {
			s.set(Tissues.AIR + 60 * tissues.fine.at(u, w, v));
		}
		else s.set(tissues.fluid + 20 + 40 * tissues.coarse.at(1.7 * u, 1.7 * v, 1.7 * w));
		return true;
	}
}
