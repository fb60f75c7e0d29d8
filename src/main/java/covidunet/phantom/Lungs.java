package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * Where the lungs end and what their parenchyma looks like. Each lung fills its half of the
 * cavity (split at the mediastinum's midline) between its apex, a paraboloid dome at the top,
 * and its hemidiaphragm, a dome whose recesses reach lowest at the back; what the mediastinum,
 * heart and spine take is not lung. The right hemidiaphragm stands higher (the liver), the left
 * lung is smaller (the heart). The parenchyma is about −850 HU, denser towards the back (the
 * dependent lung), with a fine texture.
 * <p>
 * Sides are indexed {@link #LEFT} (label 1, the patient's left, −u) and {@link #RIGHT} (label
 * 2, +u).
 */
final class Lungs {

	/** Index of the patient's left lung (label 1). */
	static final int LEFT = 0;

	/** Index of the patient's right lung (label 2). */
	static final int RIGHT = 1;

	private final double[] apexHeight = new double[2], apexU = new double[2], apexCurvature = new double[2];
	private final double[] apexDrop = new double[2];
	private final double[] domeHeight = new double[2], domeU = new double[2], domeDepth = new double[2];
	private final double apexV, domeV, domeLateral, domeAnterior, domePosterior;
	private final double midlineShift;
	private final double front, back;
	private final Tissues tissues;

	/**
	 * @param apex the height of the higher apex
	 * @param rightDome the height of the right hemidiaphragm's top
	 */
	Lungs(final SplittableRandom random, final Thorax thorax, final Tissues tissues, final double apex,
		final double rightDome)
	{
		this.tissues = tissues;
		apexHeight[RIGHT] = apex - random.nextDouble(0, 8);
		apexHeight[LEFT] = apex - random.nextDouble(0, 8);
		apexV = -random.nextDouble(0.1, 0.3) * thorax.posterior;
		domeHeight[RIGHT] = rightDome;
		domeHeight[LEFT] = rightDome - random.nextDouble(8, 25);
		for (int side = 0; side < 2; side++) {
			final double sign = side == RIGHT ? 1 : -1;
			apexU[side] = sign * random.nextDouble(40, 55);
			final double reach = random.nextDouble(60, 80);
			apexDrop[side] = random.nextDouble(40, 60);
			apexCurvature[side] = 1.5 * apexDrop[side] / (reach * reach);
			domeU[side] = sign * random.nextDouble(0.38, 0.48) * thorax.lateral;
			domeDepth[side] = random.nextDouble(50, 85);
		}
		domeV = random.nextDouble(0.05, 0.2) * thorax.anterior;
		domeLateral = random.nextDouble(0.45, 0.6) * thorax.lateral;
		domeAnterior = random.nextDouble(0.95, 1.15) * thorax.anterior;
		domePosterior = random.nextDouble(0.75, 0.9) * thorax.posterior;
		midlineShift = -random.nextDouble(4, 12);
		front = thorax.anterior;
		back = -thorax.posterior;
	}

	/** The u of the mediastinum's midline at height w: a little to the left at the heart. */
	double midline(final double w) {
		return midlineShift * (1 - Shapes.smoothstep(-40, 40, w));
	}

	/** {@link #RIGHT} or {@link #LEFT}: on which side of the midline u lies. */
	int side(final double u, final double w) {
		return u > midline(w) ? RIGHT : LEFT;
	}

	/**
	 * The height of the apex dome of a side's lung above (u, v): a paraboloid near the apex that
	 * levels off smoothly at the dome's depth; the lung lies below.
	 */
	double apex(final int side, final double u, final double v) {
		final double du = u - apexU[side], dv = v - apexV;
		final double q = apexCurvature[side] * (du * du + dv * dv) / apexDrop[side];
		return apexHeight[side] - apexDrop[side] * q / (1 + q);
	}

	/** The height of a side's hemidiaphragm at (u, v); the lung lies above. */
	double diaphragm(final int side, final double u, final double v) {
		final double du = (u - domeU[side]) / domeLateral;
		final double dv = (v - domeV) / (v > domeV ? domeAnterior : domePosterior);
		return domeHeight[side] - domeDepth[side] * Math.min(1.2, du * du + dv * dv);
	}

	/** The highest point of a side's lung. */
	double top(final int side) {
		return apexHeight[side];
	}

	/** A height below which the side's lung does not reach. */
	double bottom(final int side) {
		return domeHeight[side] - 1.2 * domeDepth[side];
	}

	/** The top of a side's hemidiaphragm. */
	double domeTop(final int side) {
		return domeHeight[side];
	}

	/** Parenchyma: denser towards the back, with a fine texture. */
	double parenchyma(final double u, final double v, final double w) {
		final double p = Shapes.clamp((front - v) / (front - back), 0, 1);
		final double texture = 0.65 * tissues.fine.at(u, v, w) + 0.35 * tissues.coarse.at(u, v, w);
		return tissues.lung + tissues.lungGradient * p * p + tissues.lungTexture * texture;
	}
}
