package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * The upper arms of a patient scanned with the arms down, beside the trunk: in cross-section an
 * ellipse of muscle in a rim of fat around the humerus (cortex and marrow), resting on the table
 * a little apart from the chest wall. Patients scanned with the arms up have none in the field of
 * view.
 */
final class Arms {

	private static final double CORTEX = 2.5;

	private final boolean present;
	private final double[] centreU = new double[2], radiusU = new double[2];
	private final double centreV, radiusV, fatRim, boneU, boneV, boneRadius;
	private final Tissues tissues;

	/**
	 * @param present whether the arms are down, in the field of view
	 * @param low the lowest height of the trunk they lie beside
	 * @param high the highest
	 */
	Arms(final SplittableRandom random, final Thorax thorax, final Tissues tissues, final boolean present,
		final double low, final double high)
	{
		this.present = present;
		this.tissues = tissues;
		radiusV = random.nextDouble(40, 52);
		centreV = thorax.backPlane + radiusV + random.nextDouble(2, 30);
		fatRim = random.nextDouble(3, 10);
		boneRadius = random.nextDouble(9, 13);
		boneU = random.nextDouble(-0.2, 0.2);
		boneV = random.nextDouble(-0.2, 0.2);
		for (int side = 0; side < 2; side++) {
			final double theta = side == Lungs.RIGHT ? 0 : Math.PI;
			double trunk = 0;
			for (int h = 0; h <= 8; h++) {
				final double w = low + (high - low) * h / 8;
				trunk = Math.max(trunk, thorax.cavity(theta, w) + thorax.ribLayer + thorax.muscle(theta, w) +
					thorax.fat(theta, w));
			}
			radiusU[side] = random.nextDouble(35, 45);
			final double sign = side == Lungs.RIGHT ? 1 : -1;
			centreU[side] = sign * (trunk + radiusU[side] + random.nextDouble(3, 20));
		}
	}

	/** Sets what lies at (u, v) if it is in an arm; returns whether it is. */
	boolean sample(final double u, final double v, final double w, final Sample s) {
		if (!present) return false;
		final int side = u > 0 ? Lungs.RIGHT : Lungs.LEFT;
		final double du = (u - centreU[side]) / radiusU[side], dv = (v - centreV) / radiusV;
		final double d = Math.sqrt(du * du + dv * dv);
		if (d >= 1) return false;
		final double bu = u - centreU[side] - boneU * radiusU[side], bv = v - centreV - boneV * radiusV;
		final double bone = Math.sqrt(bu * bu + bv * bv);
		if (bone < boneRadius) s.set(bone > boneRadius - CORTEX ? tissues.cortex : tissues.marrow(u, v, w));
		else if (d > 1 - fatRim / radiusU[side]) s.set(tissues.fat(u, v, w));
		else s.set(tissues.muscle(u, v, w));
		return true;
	}
}
