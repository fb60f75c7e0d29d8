package covidunet.sample;

import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

import covidunet.io.Geometry;
import covidunet.preprocess.PreprocessedCase;

/** Small analytic cases for the sampling tests. */
final class AnalyticCases {

	/** An image value at voxel (x, y, z). */
	@FunctionalInterface
	interface Field {

		double at(int x, int y, int z);
	}

	private AnalyticCases() {}

	/** A case of {@code size} whose image is {@code image} and labels {@code labels} of the image. */
	static PreprocessedCase of(final int[] size, final Field image, final IntUnaryOperator labelOfVoxel) {
		final int n = size[0] * size[1] * size[2];
		final float[] img = new float[n];
		final byte[] lab = new byte[n];
		for (int z = 0, i = 0; z < size[2]; z++) {
			for (int y = 0; y < size[1]; y++) {
				for (int x = 0; x < size[0]; x++, i++) {
					img[i] = (float) image.at(x, y, z);
					lab[i] = (byte) labelOfVoxel.applyAsInt(i);
				}
			}
		}
		return new PreprocessedCase("test", Geometry.ofSpacing(new long[] { size[0], size[1], size[2] }, new double[] { 1,
			1, 1 }), img, lab);
	}

	/** A case of {@code size} with the given image and labels {@code round(image)} clamped to 0–3. */
	static PreprocessedCase labelled(final int[] size, final Field image) {
		final PreprocessedCase c = of(size, image, i -> 0);
		final float[] img = c.imageArray();
		final byte[] labels = c.labelArray();
		for (int i = 0; i < labels.length; i++) labels[i] = (byte) Math.max(0, Math.min(3, Math.round(img[i])));
		return c;
	}

	/**
	 * Blobs of labels 1–3 on background 0: a seeded set of balls of radius 4–7 voxels, later ones
	 * on top; the image is the label value.
	 */
	static PreprocessedCase blobs(final int[] size, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final int count = 12;
		final double[][] balls = new double[count][5];
		for (final double[] b : balls) {
			for (int d = 0; d < 3; d++) b[d] = random.nextDouble(size[d]);
			b[3] = 4 + 3 * random.nextDouble();
			b[4] = 1 + random.nextInt(3);
		}
		return labelled(size, (x, y, z) -> {
			double v = 0;
			for (final double[] b : balls) {
				final double dx = x - b[0], dy = y - b[1], dz = z - b[2];
				if (dx * dx + dy * dy + dz * dz <= b[3] * b[3]) v = b[4];
			}
			return v;
		});
	}

	/** The index of voxel (x, y, z) in an x-fastest array of {@code size}. */
	static int index(final int[] size, final int x, final int y, final int z) {
		return (z * size[1] + y) * size[0] + x;
	}
}
