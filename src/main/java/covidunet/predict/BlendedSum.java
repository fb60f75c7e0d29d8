package covidunet.predict;

import java.util.Arrays;

/**
 * The running weighted sum of windows' probabilities over a (padded) volume and the sum of their
 * weights; {@link #result} divides one by the other.
 */
final class BlendedSum {

	private final int[] size;
	private final int[] window;
	private final float[] weights;
	private final ProbabilityMap sum;
	private final float[] weightSum;

	/**
	 * @param size the padded volume's sides (x, y, z)
	 * @param window the window's sides (x, y, z)
	 * @param weights the importance of each window voxel, x fastest, all positive
	 */
	BlendedSum(final int[] size, final int classes, final int[] window, final float[] weights) {
		this.size = size.clone();
		this.window = window.clone();
		this.weights = weights;
		this.sum = new ProbabilityMap(size, classes);
		this.weightSum = new float[sum.voxels()];
	}

	/**
	 * Adds one window's weighted probabilities.
	 *
	 * @param probabilities NDHWC, class fastest
	 * @param offset where the window's values begin in {@code probabilities}
	 * @param start the window's first voxel (x, y, z)
	 */
	void add(final float[] probabilities, final int offset, final int[] start) {
		final int classes = sum.classes(), voxels = sum.voxels();
		final float[] values = sum.values();
		int local = 0;
		for (int z = 0; z < window[2]; z++) {
			for (int y = 0; y < window[1]; y++) {
				int v = ((start[2] + z) * size[1] + start[1] + y) * size[0] + start[0];
				for (int x = 0; x < window[0]; x++, local++, v++) {
					final float weight = weights[local];
					weightSum[v] += weight;
					final int from = offset + local * classes;
					for (int c = 0; c < classes; c++) values[c * voxels + v] += weight * probabilities[from + c];
				}
			}
		}
	}

	/**
	 * The blended probabilities, cropped to the volume's first {@code cropSize} voxels along each
	 * axis. Call once, after every window was added: every voxel must have a positive weight sum.
	 */
	ProbabilityMap result(final int[] cropSize) {
		final int classes = sum.classes(), voxels = sum.voxels();
		final float[] values = sum.values();
		for (int c = 0; c < classes; c++) {
			for (int v = 0; v < voxels; v++) values[c * voxels + v] /= weightSum[v];
		}
		if (Arrays.equals(cropSize, size)) return sum;
		final ProbabilityMap cropped = new ProbabilityMap(cropSize, classes);
		final float[] target = cropped.values();
		int to = 0;
		for (int c = 0; c < classes; c++) {
			for (int z = 0; z < cropSize[2]; z++) {
				for (int y = 0; y < cropSize[1]; y++) {
					System.arraycopy(values, c * voxels + (z * size[1] + y) * size[0], target, to, cropSize[0]);
					to += cropSize[0];
				}
			}
		}
		return cropped;
	}
}
