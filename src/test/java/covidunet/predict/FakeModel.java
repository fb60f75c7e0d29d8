package covidunet.predict;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WindowModel} whose probabilities at a window voxel are a fixed function of the
 * voxel's image value and its position in the window; it records the size of every batch.
 */
final class FakeModel implements WindowModel {

	/** The probabilities at one window voxel. */
	@FunctionalInterface
	interface VoxelFunction {

		/** The class probabilities for image value {@code value} at window voxel (x, y, z). */
		float[] probabilities(float value, int x, int y, int z, int[] window);
	}

	private final int classes;
	private final VoxelFunction function;
	private final List<Integer> batches = new ArrayList<>();

	FakeModel(final int classes, final VoxelFunction function) {
		this.classes = classes;
		this.function = function;
	}

	/** Probabilities that depend on the image value alone: softmax(v, 2v, −v, 0.5). */
	static FakeModel pointwise() {
		return new FakeModel(4, (v, x, y, z, w) -> pointwise(v));
	}

	/** The probabilities of {@link #pointwise()} for image value {@code v}. */
	static float[] pointwise(final float v) {
		return softmax(v, 2 * v, -v, 0.5);
	}

	/** The softmax of the logits, as floats. */
	static float[] softmax(final double... logits) {
		double max = Double.NEGATIVE_INFINITY;
		for (final double l : logits) max = Math.max(max, l);
		double total = 0;
		final double[] e = new double[logits.length];
		for (int c = 0; c < logits.length; c++) total += e[c] = Math.exp(logits[c] - max);
		final float[] p = new float[logits.length];
		for (int c = 0; c < logits.length; c++) p[c] = (float) (e[c] / total);
		return p;
	}

	@Override
	public int classes() {
		return classes;
	}

	@Override
	public float[] predict(final float[] images, final int count, final int[] window) {
		batches.add(count);
		final float[] out = new float[images.length * classes];
		int i = 0;
		for (int j = 0; j < count; j++) {
			for (int z = 0; z < window[2]; z++) {
				for (int y = 0; y < window[1]; y++) {
					for (int x = 0; x < window[0]; x++, i++) {
						System.arraycopy(function.probabilities(images[i], x, y, z, window), 0, out, i * classes, classes);
					}
				}
			}
		}
		return out;
	}

	/** The number of windows of each call of {@link #predict}, in order. */
	List<Integer> batches() {
		return batches;
	}
}
