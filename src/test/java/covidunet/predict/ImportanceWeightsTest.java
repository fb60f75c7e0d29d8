package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;

/** The Gaussian and flat weights, and the blending names. */
class ImportanceWeightsTest {

	private static int index(final int[] w, final int x, final int y, final int z) {
		return (z * w[1] + y) * w[0] + x;
	}

	@Test
	void gaussianPeaksAtTheCentreAndFallsOffSymmetrically() {
		final int[] w = { 9, 7, 5 };
		final float[] g = ImportanceWeights.of(Blending.GAUSSIAN, w);
		assertEquals(9 * 7 * 5, g.length);
		assertEquals(1f, g[index(w, 4, 3, 2)], "the centre");
		for (int z = 0; z < w[2]; z++) {
			for (int y = 0; y < w[1]; y++) {
				for (int x = 0; x < w[0]; x++) {
					final float value = g[index(w, x, y, z)];
					assertTrue(value > 0, "positive at " + x + "," + y + "," + z);
					if (x != 4 || y != 3 || z != 2) assertTrue(value < 1, "below the peak at " + x + "," + y + "," + z);
					assertEquals(value, g[index(w, w[0] - 1 - x, y, z)], "mirror along x");
					assertEquals(value, g[index(w, x, w[1] - 1 - y, z)], "mirror along y");
					assertEquals(value, g[index(w, x, y, w[2] - 1 - z)], "mirror along z");
				}
			}
		}
		for (int x = 4; x < 8; x++) assertTrue(g[index(w, x + 1, 3, 2)] < g[index(w, x, 3, 2)], "falls off along x");
		final double sigma = 9 / 8.0;
		assertEquals(Math.exp(-16 / (2 * sigma * sigma)), g[index(w, 0, 3, 2)], 1e-9, "exp(−d²/2σ²), σ = w/8");
	}

	@Test
	void anEvenWindowHasEightEqualCentralPeaks() {
		final int[] w = { 8, 6, 4 };
		final float[] g = ImportanceWeights.of(Blending.GAUSSIAN, w);
		for (int z = 1; z <= 2; z++) {
			for (int y = 2; y <= 3; y++) {
				for (int x = 3; x <= 4; x++) assertEquals(1f, g[index(w, x, y, z)]);
			}
		}
		float smallest = 1;
		for (final float value : g) smallest = Math.min(smallest, value);
		assertTrue(smallest > 1e-11, "the corners are not 0: " + smallest);
		assertEquals(smallest, g[0], "the corner is the smallest");
	}

	@Test
	void averageWeighsEveryVoxelOne() {
		for (final float value : ImportanceWeights.of(Blending.AVERAGE, new int[] { 3, 4, 5 })) assertEquals(1f, value);
		assertThrows(BadInputException.class, () -> ImportanceWeights.of(Blending.AVERAGE, new int[] { 3, 0, 5 }));
	}

	@Test
	void blendingsAreFoundByKey() {
		assertSame(Blending.GAUSSIAN, Blending.of("gaussian", "blending"));
		assertSame(Blending.AVERAGE, Blending.of(Blending.AVERAGE.key(), "blending"));
		final BadInputException e = assertThrows(BadInputException.class, () -> Blending.of("median", "--blending"));
		assertEquals("--blending: 'median' is not one of gaussian, average", e.getMessage());
	}
}
