package covidunet.phantom;

import java.util.function.DoubleUnaryOperator;

/**
 * A closed curve around an axis, or a thickness that varies around it, as a function of the
 * angle θ = atan2(v, u) in the axial plane (u towards the patient's right, v anterior): a table
 * of 720 values, linearly interpolated, so that evaluating it per voxel costs a few operations.
 */
final class PolarProfile {

	private static final int SIZE = 720;
	private static final double STEP = 2 * Math.PI / SIZE;

	private final double[] values = new double[SIZE + 1];

	/** @param f the value at each angle θ in [−π, π] */
	PolarProfile(final DoubleUnaryOperator f) {
		for (int i = 0; i < SIZE; i++) {
			values[i] = f.applyAsDouble(-Math.PI + i * STEP);
		}
		values[SIZE] = values[0];
	}

	/** The value at angle θ in [−π, π]. */
	double at(final double theta) {
		final double x = (theta + Math.PI) / STEP;
		final int i = Math.min(SIZE - 1, Math.max(0, (int) x));
		final double t = x - i;
		return values[i] + (values[i + 1] - values[i]) * t;
	}

	/** The largest value over all angles. */
	double max() {
		double max = Double.NEGATIVE_INFINITY;
		for (final double v : values) max = Math.max(max, v);
		return max;
	}
}
