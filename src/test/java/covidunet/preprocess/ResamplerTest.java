package covidunet.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import covidunet.io.Affine;
import covidunet.io.Geometry;

class ResamplerTest {

	private static final double[] TARGET = { 1.58, 1.58, 2.70 };

	@Test
	void theNewShapeIsTheFloorRule() {
		assertEquals(226, Resampler.targetDim(512, 0.7, 1.58));
		assertEquals(100, Resampler.targetDim(100, 1.58, 1.58));
		assertEquals(55, Resampler.targetDim(30, 5, 2.7));
		assertEquals(1, Resampler.targetDim(3, 1, 10));
		final Resampler r = Resampler.of(new int[] { 122, 101, 30 }, new double[] { 0.75, 0.8, 3 }, TARGET);
		assertArrayEquals(new int[] { 57, 51, 33 }, r.targetDims());
	}

	@Test
	void theGridsShareTheirCentre() {
		final Resampler r = Resampler.of(new int[] { 10, 7, 4 }, new double[] { 1, 1, 1 }, new double[] { 3, 2, 0.5 });
		assertArrayEquals(new int[] { 3, 3, 8 }, r.targetDims());
		assertEquals(1.5, r.sourceCoordinate(0, 0), 1e-12);
		assertEquals(4.5, r.sourceCoordinate(0, 1), 1e-12);
		assertEquals(1, r.sourceCoordinate(1, 0), 1e-12);
		assertEquals(-0.25, r.sourceCoordinate(2, 0), 1e-12);
		assertEquals(3.25, r.sourceCoordinate(2, 7), 1e-12);
	}

	@ParameterizedTest
	@EnumSource(ImageInterpolation.class)
	void aLinearRampKeepsItsValuesInTheInterior(final ImageInterpolation interpolation) {
		final int[] dims = { 40, 36, 20 };
		final double[] spacing = { 0.8, 1.1, 3.3 };
		final float[] ramp = new float[dims[0] * dims[1] * dims[2]];
		for (int i = 0; i < ramp.length; i++) {
			ramp[i] = (float) ramp(i % dims[0], i / dims[0] % dims[1], i / (dims[0] * dims[1]));
		}
		final Resampler r = Resampler.of(dims, spacing, TARGET);
		final float[] out = r.image(ramp, interpolation);
		final int[] n = r.targetDims();
		int checked = 0;
		for (int z = 0; z < n[2]; z++) {
			for (int y = 0; y < n[1]; y++) {
				for (int x = 0; x < n[0]; x++) {
					final double cx = r.sourceCoordinate(0, x), cy = r.sourceCoordinate(1, y), cz = r.sourceCoordinate(2, z);
					if (!interior(cx, dims[0]) || !interior(cy, dims[1]) || !interior(cz, dims[2])) continue;
					assertEquals(ramp(cx, cy, cz), out[(z * n[1] + y) * n[0] + x], 1e-4);
					checked++;
				}
			}
		}
		assertTrue(checked > out.length / 2, checked + " of " + out.length);
	}

	private static double ramp(final double x, final double y, final double z) {
		return 0.05 * x + 0.03 * y - 0.02 * z + 1;
	}

	private static boolean interior(final double c, final int n) {
		return c >= 1 && c <= n - 2;
	}

	@Test
	void cubicInterpolationPassesThroughTheSamples() {
		final int[] dims = { 9, 8, 7 };
		final float[] v = new float[9 * 8 * 7];
		for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(i * 0.7);
		final Resampler same = Resampler.of(dims, new double[] { 1, 1, 1 }, new double[] { 1, 1, 1 });
		assertArrayEquals(v, same.image(v, ImageInterpolation.CUBIC));
		final double third = 1.0 / 3;
		final Resampler fine = Resampler.of(dims, new double[] { 1, 1, 1 }, new double[] { third, third, third });
		final int[] n = fine.targetDims();
		assertArrayEquals(new int[] { 27, 24, 21 }, n);
		final float[] out = fine.image(v, ImageInterpolation.CUBIC);
		for (int z = 0; z < 7; z++) {
			for (int y = 0; y < 8; y++) {
				for (int x = 0; x < 9; x++) {
					assertEquals(x, fine.sourceCoordinate(0, 3 * x + 1), 1e-9);
					assertEquals(v[(z * 8 + y) * 9 + x], out[((3 * z + 1) * n[1] + 3 * y + 1) * n[0] + 3 * x + 1], 1e-5);
				}
			}
		}
	}

	/** A sphere of radius 18 mm centred off the grid's centre, on an LPS grid. */
	private static final class Sphere {

		final int[] dims = { 96, 90, 40 };
		final double[] spacing = { 0.7, 0.75, 1.25 };
		final Affine affine = Affine.ofRows(-0.7, 0, 0, 40, 0, -0.75, 0, 30, 0, 0, 1.25, -20);
		final double[] centre = { 8.3, -3.1, 4.9 };
		final double radius = 18;
		final float[] image = new float[dims[0] * dims[1] * dims[2]];
		final byte[] labels = new byte[image.length];

		Sphere() {
			for (int i = 0; i < image.length; i++) {
				final double d = distance(affine, i % dims[0], i / dims[0] % dims[1], i / (dims[0] * dims[1]));
				image[i] = d <= radius ? 100 : -50;
				labels[i] = (byte) (d <= radius ? (d <= radius / 2 ? 3 : 1) : 0);
			}
		}

		double distance(final Affine a, final int x, final int y, final int z) {
			final double[] w = a.apply(x, y, z);
			return Math.sqrt(sq(w[0] - centre[0]) + sq(w[1] - centre[1]) + sq(w[2] - centre[2]));
		}
	}

	private static double sq(final double v) {
		return v * v;
	}

	@Test
	void aSphereKeepsItsVolumeAndCentreAndItsLabelsStayAligned() {
		final Sphere s = new Sphere();
		final Resampler r = Resampler.of(s.dims, s.spacing, TARGET);
		final Geometry g = r.geometry(Geometry.fromAffine(new long[] { 96, 90, 40 }, s.affine, Geometry.CODE_SCANNER));
		assertArrayEquals(TARGET, g.spacing());
		for (int d = 0; d < 3; d++) assertEquals(TARGET[d], g.affine().columnNorm(d), 1e-12);
		final float[] image = r.image(s.image, ImageInterpolation.CUBIC);
		final byte[] labels = r.labels(s.labels, LabelInterpolation.LINEAR_PER_LABEL);
		final int[] n = r.targetDims();
		double count = 0;
		final double[] sum = new double[3];
		int agree = 0, away = 0, labelled = 0;
		for (int z = 0; z < n[2]; z++) {
			for (int y = 0; y < n[1]; y++) {
				for (int x = 0; x < n[0]; x++) {
					final int i = (z * n[1] + y) * n[0] + x;
					final boolean inside = image[i] >= 25;
					if (inside) {
						count++;
						final double[] w = g.affine().apply(x, y, z);
						for (int d = 0; d < 3; d++) sum[d] += w[d];
					}
					if (labels[i] != 0) labelled++;
					final double distance = s.distance(g.affine(), x, y, z);
					if (Math.abs(distance - s.radius) > 2 && Math.abs(distance - s.radius / 2) > 2) {
						away++;
						final int expected = distance <= s.radius ? (distance <= s.radius / 2 ? 3 : 1) : 0;
						if (labels[i] == expected && inside == (expected != 0)) agree++;
					}
				}
			}
		}
		final double volume = 4.0 / 3 * Math.PI * Math.pow(s.radius, 3);
		final double voxel = TARGET[0] * TARGET[1] * TARGET[2];
		assertEquals(1, count * voxel / volume, 0.03);
		assertEquals(1, labelled * voxel / volume, 0.03);
		for (int d = 0; d < 3; d++) assertEquals(s.centre[d], sum[d] / count, 0.3, "centroid along " + d);
		assertTrue(agree >= 0.99 * away, agree + " of " + away);
	}

	@Test
	void perLabelLinearTakesTheHeaviestLabelFromOneHalfOn() {
		final double[] unit = { 1, 1, 1 };
		final Resampler pair = Resampler.of(new int[] { 2, 1, 1 }, unit, new double[] { 2, 1, 1 });
		assertEquals(0.5, pair.sourceCoordinate(0, 0), 1e-12);
		assertArrayEquals(new byte[] { 2 }, pair.labels(new byte[] { 1, 2 }, LabelInterpolation.LINEAR_PER_LABEL));
		assertArrayEquals(new byte[] { 3 }, pair.labels(new byte[] { 3, 0 }, LabelInterpolation.LINEAR_PER_LABEL));
		final Resampler square = Resampler.of(new int[] { 2, 2, 1 }, unit, new double[] { 2, 2, 1 });
		assertArrayEquals(new byte[] { 0 }, square.labels(new byte[] { 1, 2, 3, 0 }, LabelInterpolation.LINEAR_PER_LABEL));
		assertArrayEquals(new byte[] { 1 }, square.labels(new byte[] { 1, 1, 3, 0 }, LabelInterpolation.LINEAR_PER_LABEL));
		final Resampler triple = Resampler.of(new int[] { 3, 1, 1 }, unit, new double[] { 1.5, 1, 1 });
		assertArrayEquals(new int[] { 2, 1, 1 }, triple.targetDims());
		assertEquals(0.25, triple.sourceCoordinate(0, 0), 1e-12);
		assertArrayEquals(new byte[] { 1, 2 }, triple.labels(new byte[] { 1, 0, 2 }, LabelInterpolation.LINEAR_PER_LABEL));
		assertArrayEquals(new byte[] { 1, 2 }, triple.labels(new byte[] { 1, 0, 2 }, LabelInterpolation.NEAREST));
	}

	@Test
	void slicesAreTheWholeVolumesLinearResamplingBitForBit() {
		final int[] dims = { 23, 17, 9 };
		final float[] v = new float[dims[0] * dims[1] * dims[2]];
		final java.util.SplittableRandom random = new java.util.SplittableRandom(5);
		for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian();
		for (final Resampler r : new Resampler[] { Resampler.of(dims, new double[] { 0.8, 0.8, 3 }, new double[] { 1.58,
			1.58, 2.7 }), Resampler.onto(dims, new double[] { 2.5, 2.5, 3.5 }, new int[] { 60, 41, 13 }, new double[] { 0.9,
				1, 2.4 }), Resampler.of(dims, new double[] { 1, 1, 2 }, new double[] { 1, 1, 1 }) })
		{
			final float[] whole = r.image(v, ImageInterpolation.LINEAR);
			final Resampler.Slices slices = r.linearSlices(v);
			final int[] t = r.targetDims();
			final int plane = t[0] * t[1];
			final float[] bySlice = new float[whole.length];
			for (int z = 0; z < t[2]; z++) System.arraycopy(slices.slice(z), 0, bySlice, z * plane, plane);
			assertArrayEquals(whole, bySlice);
		}
	}
}
