package covidunet.sample;

import java.util.Random;
import java.util.function.IntPredicate;

import covidunet.io.Geometry;
import covidunet.preprocess.PreprocessedCase;

/** Small synthetic preprocessed cases for the sampling tests. */
final class TestCases {

	private TestCases() {}

	/** A case of random image values (never 0) and random labels 0–3. */
	static PreprocessedCase random(final String id, final int[] dims, final long seed) {
		final Random random = new Random(seed);
		final int n = dims[0] * dims[1] * dims[2];
		final float[] image = new float[n];
		final byte[] labels = new byte[n];
		for (int i = 0; i < n; i++) {
			image[i] = 1 + random.nextFloat();
			labels[i] = (byte) random.nextInt(4);
		}
		return of(id, dims, image, labels);
	}

	/** A case whose image is 1 + the voxel's index and whose labels are {@code label} where {@code where} holds. */
	static PreprocessedCase labelled(final String id, final int[] dims, final int label, final IntPredicate where) {
		final int n = dims[0] * dims[1] * dims[2];
		final float[] image = new float[n];
		final byte[] labels = new byte[n];
		for (int i = 0; i < n; i++) {
			image[i] = 1 + i;
			if (where.test(i)) labels[i] = (byte) label;
		}
		return of(id, dims, image, labels);
	}

	/** A predicate on flat indices: the voxel lies in the box [lo, hi] (inclusive) along x, y, z. */
	static IntPredicate box(final int[] dims, final int[] lo, final int[] hi) {
		return i -> {
			final int x = i % dims[0], y = i / dims[0] % dims[1], z = i / (dims[0] * dims[1]);
			return x >= lo[0] && x <= hi[0] && y >= lo[1] && y <= hi[1] && z >= lo[2] && z <= hi[2];
		};
	}

	static PreprocessedCase of(final String id, final int[] dims, final float[] image, final byte[] labels) {
		return new PreprocessedCase(id, Geometry.ofSpacing(new long[] { dims[0], dims[1], dims[2] }, new double[] { 1,
			1, 1 }), image, labels);
	}
}
