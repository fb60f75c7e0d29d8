package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import covidunet.preprocess.PreprocessedCase;

class CubicSamplerTest {

	private static final int[] SIZE = { 12, 10, 8 };

	/** The image value outside the volume. */
	private static final float OUTSIDE = -1.5f;

	/** Samples {@code points} (x, y, z triples) of {@code source}. */
	private static float[] sample(final PreprocessedCase source, final float[][] points, final byte[] labels,
		final byte[] outside)
	{
		final float[] out = new float[points[0].length];
		new CubicSampler(source.imageArray(), source.labelArray(), source.size(), OUTSIDE).row(points[0], points[1],
			points[2], out.length, out, labels, 0, outside);
		return out;
	}

	private static float[][] randomPoints(final int n, final double low, final double[] high, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final float[][] p = new float[3][n];
		for (int i = 0; i < n; i++) {
			for (int d = 0; d < 3; d++) p[d][i] = (float) (low + random.nextDouble() * (high[d] - low));
		}
		return p;
	}

	@Test
	void reproducesALinearRampInTheInterior() {
		final PreprocessedCase ramp = AnalyticCases.of(SIZE, (x, y, z) -> 0.5 * x - 0.25 * y + 0.75 * z + 2, i -> 0);
		final float[][] p = randomPoints(2000, 1, new double[] { SIZE[0] - 2, SIZE[1] - 2, SIZE[2] - 2 }, 1);
		final float[] v = sample(ramp, p, new byte[2000], null);
		for (int i = 0; i < v.length; i++) {
			assertEquals(0.5 * p[0][i] - 0.25 * p[1][i] + 0.75 * p[2][i] + 2, v[i], 1e-4, "point " + i);
		}
	}

	@Test
	void reproducesAConstantEverywhereInsideAndTheOutsideValueOutside() {
		final PreprocessedCase constant = AnalyticCases.of(SIZE, (x, y, z) -> 1.75, i -> 2);
		final int n = 4000;
		final float[][] p = randomPoints(n, -2, new double[] { SIZE[0] + 1, SIZE[1] + 1, SIZE[2] + 1 }, 2);
		final byte[] labels = new byte[n], outside = new byte[n];
		final float[] v = sample(constant, p, labels, outside);
		int in = 0;
		for (int i = 0; i < n; i++) {
			boolean inside = true;
			for (int d = 0; d < 3; d++) inside &= p[d][i] >= -0.5f && p[d][i] < SIZE[d] - 0.5f;
			in += inside ? 1 : 0;
			assertEquals(inside ? 1.75f : OUTSIDE, v[i], 1e-5f, "point " + i);
			assertEquals(inside ? 2 : 0, labels[i]);
			assertEquals(inside ? 0 : 1, outside[i]);
		}
		assertEquals(true, in > n / 3 && in < n, "both kinds of point were tested");
	}

	@Test
	void interpolatesVoxelsAtIntegerPointsAndLabelsAreNearest() {
		final PreprocessedCase source = AnalyticCases.of(SIZE, (x, y, z) -> Math.sin(x * 1.3 + y * 0.7) * z, i -> i % 4);
		final float[][] p = { { 3, 3.49f, 0, 11, 11 }, { 4, 4.51f, 0, 9, 9 }, { 5, 5, 0, 7, 7.4f } };
		final byte[] labels = new byte[5];
		final float[] v = sample(source, p, labels, null);
		assertEquals(source.imageArray()[AnalyticCases.index(SIZE, 3, 4, 5)], v[0]);
		assertEquals(source.imageArray()[AnalyticCases.index(SIZE, 0, 0, 0)], v[2]);
		assertEquals(source.imageArray()[AnalyticCases.index(SIZE, 11, 9, 7)], v[3]);
		assertEquals(AnalyticCases.index(SIZE, 3, 5, 5) % 4, labels[1]);
		assertEquals(AnalyticCases.index(SIZE, 11, 9, 7) % 4, labels[4]);
	}

	@Test
	void catmullRomWeightsSumToOne() {
		for (float t = 0; t < 1; t += 0.0625f) {
			assertEquals(1, CubicSampler.w0(t) + CubicSampler.w1(t) + CubicSampler.w2(t) + CubicSampler.w3(t), 1e-6);
			assertEquals(t, -CubicSampler.w0(t) + CubicSampler.w2(t) + 2 * CubicSampler.w3(t), 1e-6, "first moment");
		}
		assertEquals(1, CubicSampler.w1(0));
		assertEquals(0, CubicSampler.w0(0), 0);
	}
}
