package covidunet.phantom;

import static covidunet.phantom.Shapes.smoothstep;

import java.util.SplittableRandom;

/**
 * The bones that are not tubes: the thoracic spine (vertebral bodies with a cortical shell and
 * cancellous core, discs, the spinal canal, the posterior arch with spinous and transverse
 * processes), the sternum (manubrium, body, xiphoid) and the scapulae as plates in the muscles
 * behind the ribs. Ribs, costal cartilages and clavicles are {@link Tube}s of the
 * {@link RibCage}.
 */
final class Skeleton {

	private static final double MARGIN = 4;

	private final Thorax thorax;
	private final Tissues tissues;
	private final double inset, bodyLateral, bodyAp, canal, arch, cortexThickness;
	private final double period, phase, disc, spinousLength;
	private final double sternumTop, sternumBottom, sternumHalfWidth, sternumHalfThickness;
	private final double scapulaDepth, scapulaThickness;

	Skeleton(final SplittableRandom random, final Thorax thorax, final Tissues tissues, final double sternumTop) {
		this.thorax = thorax;
		this.tissues = tissues;
		inset = random.nextDouble(10, 14);
		bodyLateral = random.nextDouble(16, 21);
		bodyAp = random.nextDouble(12, 16);
		canal = random.nextDouble(6.5, 8);
		arch = random.nextDouble(4.5, 6);
		cortexThickness = random.nextDouble(1.2, 1.8);
		period = random.nextDouble(23, 28);
		phase = random.nextDouble(0, period);
		disc = random.nextDouble(0.18, 0.26);
		spinousLength = random.nextDouble(22, 32);
		this.sternumTop = sternumTop;
		sternumBottom = sternumTop - random.nextDouble(165, 195);
		sternumHalfWidth = random.nextDouble(12, 17);
		sternumHalfThickness = random.nextDouble(5, 7);
		scapulaDepth = random.nextDouble(0.35, 0.5);
		scapulaThickness = random.nextDouble(3, 5);
	}

	/** The height of the sternum's lower end (the xiphoid tip). */
	double sternumBottom() {
		return sternumBottom;
	}

	/** The centre of the vertebral body at height w (on the midline). */
	double spineCentre(final double w) {
		return -thorax.cavity(-Math.PI / 2, w) + inset;
	}

	/** The anterior surface of the vertebral body at height w. */
	double spineFront(final double w) {
		return spineCentre(w) + bodyAp;
	}

	/**
	 * The spine at a point, with a margin of paravertebral soft tissue that keeps the lungs off
	 * it.
	 *
	 * @return whether the point belongs to it (then {@code s} is set)
	 */
	boolean spine(final double u, final double v, final double w, final Sample s) {
		final double centre = spineCentre(w);
		if (Math.abs(u) > 60 || v > centre + bodyAp + MARGIN || v < centre - bodyAp - 2 * canal - spinousLength - arch) {
			return false;
		}
		final double level = (w - phase) / period - Math.floor((w - phase) / period);
		final double du = u / (bodyLateral + MARGIN), dv = (v - centre) / (bodyAp + MARGIN);
		final double ru = u / bodyLateral, rv = (v - centre) / bodyAp;
		final double rho = Math.sqrt(ru * ru + rv * rv);
		if (rho < 1) {
			if (level < disc) s.set(tissues.muscle + 35);
			else if ((1 - rho) * bodyAp < cortexThickness) s.set(tissues.cortex);
			else s.set(tissues.marrow(u, v, w));
			return true;
		}
		final double canalCentre = centre - bodyAp - 0.8 * canal;
		final double cv = v - canalCentre;
		final double d = Math.sqrt(u * u + cv * cv);
		if (d < canal) {
			s.set(15 + 5 * tissues.coarse.at(u, v, w));
			return true;
		}
		if (d < canal + arch && cv < 0.4 * canal || v > thorax.backPlane + 12 && posteriorProcess(u, cv, level)) {
			s.set(Shapes.mix(tissues.marrow(u, v, w), tissues.cortex, 0.7));
			return true;
		}
		if (du * du + dv * dv < 1) {
			s.set(tissues.muscle(u, v, w));
			return true;
		}
		return false;
	}

	private boolean posteriorProcess(final double u, final double cv, final double level) {
		if (level < 0.3 || level > 0.9) return false;
		if (Math.abs(u) < 2.5 && cv < -canal && cv > -canal - arch - spinousLength) return true;
		if (level < 0.4 || level > 0.75) return false;
		final double x = Math.abs(u) - canal - arch + 1, y = cv;
		if (x < 0 || x > 20) return false;
		return Math.abs(y + 0.6 * x) < 3.5;
	}

	/**
	 * The sternum and scapulae, which lie in the chest wall ({@code r > cavityRadius}).
	 *
	 * @return whether the point belongs to one (then {@code s} is set)
	 */
	boolean wall(final double u, final double v, final double w, final double r, final double theta,
		final double cavityRadius, final Sample s)
	{
		if (v > 0 && Math.abs(u) < 32 && w < sternumTop && w > sternumBottom) return sternum(u, v, w, s);
		if (v < 0 && w < thorax.scapulaTop && w > thorax.scapulaBottom) return scapula(u, v, w, r, theta, cavityRadius, s);
		return false;
	}

	private boolean sternum(final double u, final double v, final double w, final Sample s) {
		final double manubrium = smoothstep(sternumTop - 55, sternumTop - 40, w);
		final double xiphoid = 1 - smoothstep(sternumBottom, sternumBottom + 30, w);
		final double halfWidth = sternumHalfWidth * (1 + 0.7 * manubrium - 0.5 * xiphoid);
		final double halfThickness = sternumHalfThickness * (1 + 0.3 * manubrium - 0.3 * xiphoid);
		final double centre = thorax.cavity(Math.PI / 2, w) + 0.5 * thorax.ribLayer;
		final double x = u / halfWidth, y = (v - centre) / halfThickness;
		final double rho = Math.sqrt(x * x + y * y);
		if (rho >= 1) return false;
		s.set((1 - rho) * halfThickness < 1.2 ? tissues.cortex : tissues.marrow(u, v, w));
		return true;
	}

	private boolean scapula(final double u, final double v, final double w, final double r, final double theta,
		final double cavityRadius, final Sample s)
	{
		final double t = u >= 0 ? theta : Shapes.wrap(Math.PI - theta);
		if (t < -1.0 || t > -0.2) return false;
		final double muscle = thorax.muscle(theta, w);
		if (muscle < 14) return false;
		final double plate = cavityRadius + thorax.ribLayer + scapulaDepth * muscle;
		final double top = Math.min(1, (thorax.scapulaTop - w) / 25);
		final double tip = Math.min(1, (w - thorax.scapulaBottom) / 40);
		final double halfThickness = 0.5 * scapulaThickness * Math.max(0.5, Math.min(top, tip) + 0.5);
		if (Math.abs(r - plate) > halfThickness) return false;
		s.set(Shapes.mix(tissues.marrow(u, v, w), tissues.cortex, 0.8));
		return true;
	}
}
