package covidunet.phantom;

import java.util.SplittableRandom;

import covidunet.io.Affine;
import covidunet.io.Geometry;

/**
 * How a case was scanned and stored: the voxel grid (size, spacing, orientation, origin), where
 * the patient lay in the scanner, the scanner's noise and blur, and whether the pixels outside the
 * reconstruction circle hold the padding value. The {@link Variation} sets the field of view
 * (the whole chest, chest and upper abdomen, or only the lung bases and the abdomen below them),
 * the kernel's sharpness and the dose.
 */
final class Acquisition {

	private static final int[] SMALL_WIDTHS = { 224, 240, 272, 288, 320 };

	final Geometry geometry;
	final double[] patientOrigin;
	final double noise, blur;
	final boolean circle;

	private Acquisition(final Geometry geometry, final double[] patientOrigin, final double noise, final double blur,
		final boolean circle)
	{
		this.geometry = geometry;
		this.patientOrigin = patientOrigin;
		this.noise = noise;
		this.blur = blur;
		this.circle = circle;
	}

	/** Draws the acquisition of a case whose body the grid must hold. */
	static Acquisition plan(final SplittableRandom random, final PhantomSize size, final boolean radiopaedia,
		final boolean lps, final Anatomy anatomy, final Variation variation)
	{
		final Lungs lungs = anatomy.lungs;
		final double lowest = Math.min(lungs.bottom(Lungs.LEFT), lungs.bottom(Lungs.RIGHT));
		final double higher = Math.max(lungs.bottom(Lungs.LEFT), lungs.bottom(Lungs.RIGHT));
		final double chestTop = Math.max(lungs.top(Lungs.LEFT), lungs.top(Lungs.RIGHT)) + random.nextDouble(15, 40);
		final double top = variation.baseSlab() > 0 ? Math.min(chestTop, higher + variation.baseSlab()) : chestTop;
		final double bottom = lowest - random.nextDouble(10, 40) - variation.below();
		final BodyOutline body = new BodyOutline(anatomy.thorax, bottom, top);
		final double needU = body.maxU - body.minU + 16, needV = body.maxV - body.minV + 16;
		int nx = size.width;
		if (size == PhantomSize.SMALL && random.nextDouble() >= 0.6) {
			nx = SMALL_WIDTHS[random.nextInt(SMALL_WIDTHS.length)];
		}
		while (needU > size.maxSpacing * nx && size == PhantomSize.SMALL) nx += 16;
		final double low = Math.max(needU, size.minSpacing * nx);
		final double fov = Math.rint(2 * random.nextDouble(low, Math.max(low + 1, size.maxSpacing * nx))) / 2;
		final double spacing = fov / nx;
		int ny = nx;
		if (random.nextDouble() < (radiopaedia ? 0.35 : 0.12)) {
			final int cropped = (int) Math.round(nx * random.nextDouble(0.62, 0.8));
			if (cropped * spacing >= needV) ny = cropped;
		}
		final double[] slices = radiopaedia ? size.radiopaediaSlices : size.slices;
		final double dz = slices[random.nextInt(slices.length)];
		final int nz = (int) Math.floor((top - bottom) / dz) + 1;

		final double centreU = (body.minU + body.maxU) / 2 + random.nextDouble(-6, 6);
		final double slack = Math.max(0, ny * spacing - (body.maxV - body.minV) - 8) / 2;
		final double centreV = (body.minV + body.maxV) / 2 + random.nextDouble(-1, 1) * Math.min(10, slack);
		final double[] patient = { random.nextDouble(-12, 12), random.nextDouble(-30, 30), random.nextDouble(-250, -40) };
		final double x0 = grid(patient[0] + centreU - (nx - 1) / 2.0 * spacing);
		final double y0 = grid(patient[1] + centreV - (ny - 1) / 2.0 * spacing);
		final double z0 = grid(patient[2] + bottom);
		final Affine affine = lps ?
			Affine.ofRows(-spacing, 0, 0, x0 + (nx - 1) * spacing, 0, -spacing, 0, y0 + (ny - 1) * spacing, 0, 0, dz, z0) :
			Affine.ofRows(spacing, 0, 0, x0, 0, spacing, 0, y0, 0, 0, dz, z0);
		final long[] dims = { nx, ny, nz };
		final Geometry geometry = Geometry.fromAffine(dims, affine, Geometry.CODE_SCANNER);
		final double noise = variation.dose() * random.nextDouble(10, 20);
		final double blur = variation.sharpness() * random.nextDouble(0.5, 0.8);
		final double circleRadius = Math.min(nx, ny) * spacing / 2 - 3;
		final boolean circle = !radiopaedia && random.nextDouble() < 0.5 &&
			body.fitsCircle(x0 + (nx - 1) / 2.0 * spacing - patient[0], y0 + (ny - 1) / 2.0 * spacing - patient[1],
				circleRadius);
		return new Acquisition(geometry, patient, noise, blur, circle);
	}

	/** Rounded to 1/64 mm, which float32 holds exactly. */
	private static double grid(final double mm) {
		return Math.rint(mm * 64) / 64;
	}

	/** The body's outline sampled over a range of heights. */
	private static final class BodyOutline {

		private static final int HEIGHTS = 16, ANGLES = 240;

		final double[][] points = new double[HEIGHTS * ANGLES][];
		double minU = Double.POSITIVE_INFINITY, maxU = Double.NEGATIVE_INFINITY;
		double minV = Double.POSITIVE_INFINITY, maxV = Double.NEGATIVE_INFINITY;

		BodyOutline(final Thorax thorax, final double bottom, final double top) {
			int n = 0;
			for (int h = 0; h < HEIGHTS; h++) {
				final double w = bottom + (top - bottom) * h / (HEIGHTS - 1);
				for (int a = 0; a < ANGLES; a++) {
					final double theta = -Math.PI + 2 * Math.PI * a / ANGLES;
					final double r = thorax.cavity(theta, w) + thorax.ribLayer + thorax.muscle(theta, w) +
						thorax.fat(theta, w);
					final double u = r * StrictMath.cos(theta), v = Math.max(thorax.backPlane, r * StrictMath.sin(theta));
					points[n++] = new double[] { u, v };
					minU = Math.min(minU, u);
					maxU = Math.max(maxU, u);
					minV = Math.min(minV, v);
					maxV = Math.max(maxV, v);
				}
			}
		}

		boolean fitsCircle(final double u, final double v, final double radius) {
			for (final double[] p : points) {
				final double du = p[0] - u, dv = p[1] - v;
				if (du * du + dv * dv > radius * radius) return false;
			}
			return true;
		}
	}
}
