package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ElasticFieldTest {

	private static final double[] IDENTITY = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };

	/**
	 * The standard deviation of batchgenerators' full-resolution field away from the patch border:
	 * alpha × sd(U(−1, 1)) × ‖g‖₂ of the discrete 3D Gaussian (SciPy's truncation at 4 sigma).
	 */
	private static double fullResolutionSd(final double alpha, final double sigma) {
		final int radius = (int) (4 * sigma + 0.5);
		double sum = 0, squares = 0;
		for (int i = -radius; i <= radius; i++) {
			final double g = Math.exp(-0.5 * i * i / (sigma * sigma));
			sum += g;
			squares += g * g;
		}
		return alpha * Math.sqrt(1 / 3.0) * Math.pow(squares / (sum * sum), 1.5);
	}

	@Test
	void coarseFieldHasTheFullResolutionSpread() {
		final int[] size = { 112, 112, 112 };
		final double alpha = 900, sigma = 9;
		double squares = 0;
		long count = 0;
		for (long seed = 1; seed <= 3; seed++) {
			final ElasticField field = new ElasticField(size, alpha, sigma, seed, IDENTITY);
			assertEquals(4, field.factor());
			final float[][] scratch = field.newScratch();
			final float[] dx = new float[size[0]], dy = new float[size[0]], dz = new float[size[0]];
			for (int k = 36; k < 76; k++) {
				for (int j = 36; j < 76; j++) {
					field.row(j, k, size[0], dx, dy, dz, scratch);
					for (int i = 36; i < 76; i++) {
						squares += dx[i] * dx[i] + dy[i] * dy[i] + dz[i] * dz[i];
						count += 3;
					}
				}
			}
		}
		final double expected = fullResolutionSd(alpha, sigma);
		final double measured = Math.sqrt(squares / count);
		assertTrue(Math.abs(measured / expected - 1) < 0.2, "sd " + measured + ", full resolution " + expected);
	}

	@Test
	void isSmoothAndInterpolatesItsNodes() {
		final int[] size = { 41, 9, 5 };
		final ElasticField field = new ElasticField(size, 500, 10, 9, IDENTITY);
		final float[] dx = new float[41], dy = new float[41], dz = new float[41];
		field.row(4, 0, 41, dx, dy, dz, field.newScratch());
		for (int i = 1; i < 41; i++) {
			assertTrue(Math.abs(dx[i] - dx[i - 1]) < 0.5, "neighbours differ by " + (dx[i] - dx[i - 1]));
		}
		for (int i = 0; i + 4 <= 40; i += 4) {
			assertEquals((dx[i] + dx[i + 4]) / 2, dx[i + 2], 1e-4, "linear between nodes");
		}
	}

	@Test
	void factorIsAtMostFourAndShrinksWithSigma() {
		assertEquals(4, ElasticField.factorFor(9));
		assertEquals(4, ElasticField.factorFor(13));
		assertEquals(2, ElasticField.factorFor(5));
		assertEquals(1, ElasticField.factorFor(1));
		assertEquals(41, ElasticField.grid(new int[] { 160, 160, 80 }, 4)[0]);
		assertEquals(21, ElasticField.grid(new int[] { 160, 160, 80 }, 4)[2]);
	}
}
