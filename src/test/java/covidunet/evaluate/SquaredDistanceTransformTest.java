package covidunet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The distance transform against the nearest feature found by trying every one. */
class SquaredDistanceTransformTest {

	private static final double[] SPACING = { 0.7, 1.3, 2.5 };

	@Test
	void equalsBruteForceOnRandomFeatures() {
		final Random random = new Random(7);
		for (final double density : new double[] { 0.002, 0.05, 0.5 }) {
			final int[] size = { 9, 7, 6 };
			final float[] values = new float[9 * 7 * 6];
			for (int i = 0; i < values.length; i++) {
				values[i] = random.nextDouble() < density ? 0 : Float.POSITIVE_INFINITY;
			}
			values[random.nextInt(values.length)] = 0;
			final float[] features = values.clone();
			SquaredDistanceTransform.transform(values, size, SPACING);
			for (int i = 0; i < values.length; i++) {
				final double expected = bruteForce(features, size, i);
				assertEquals(expected, values[i], 1e-6 * expected, "voxel " + i + " at density " + density);
			}
		}
	}

	@Test
	void noFeatureLeavesInfinity() {
		final float[] values = new float[4 * 3 * 2];
		Arrays.fill(values, Float.POSITIVE_INFINITY);
		SquaredDistanceTransform.transform(values, new int[] { 4, 3, 2 }, SPACING);
		for (final float v : values) assertEquals(Float.POSITIVE_INFINITY, v);
	}

	@Test
	void singleLineAlongEachAxis() {
		for (int axis = 0; axis < 3; axis++) {
			final int[] size = { 1, 1, 1 };
			size[axis] = 5;
			final float[] values = new float[5];
			Arrays.fill(values, Float.POSITIVE_INFINITY);
			values[1] = 0;
			SquaredDistanceTransform.transform(values, size, SPACING);
			final double s = SPACING[axis];
			assertEquals(3 * s * (3 * s), values[4], 1e-6, "axis " + axis);
			assertEquals(s * s, values[0], 1e-6, "axis " + axis);
		}
	}

	private static double bruteForce(final float[] features, final int[] size, final int i) {
		final int x = i % size[0], y = i / size[0] % size[1], z = i / size[0] / size[1];
		double best = Double.POSITIVE_INFINITY;
		for (int j = 0; j < features.length; j++) {
			if (features[j] != 0) continue;
			final double dx = (j % size[0] - x) * SPACING[0], dy = (j / size[0] % size[1] - y) * SPACING[1];
			final double dz = (j / size[0] / size[1] - z) * SPACING[2];
			best = Math.min(best, dx * dx + dy * dy + dz * dz);
		}
		return best;
	}
}
