package covidunet.evaluate;

import java.util.Arrays;

/**
 * The symmetric surface distances of a class between a truth and a prediction, in mm: from each
 * surface voxel of either to the nearest surface voxel of the other ({@link ClassVoxels} defines
 * the surface), pooled and sorted. Distances come from an exact distance transform over the
 * smallest block holding the class in both, one {@code float} per voxel of that block.
 */
final class SurfaceDistances {

	private final double[] sorted;

	private SurfaceDistances(final double[] sorted) {
		this.sorted = sorted;
	}

	/**
	 * @param truth the class in the truth, not empty
	 * @param prediction the class in the prediction, not empty
	 * @param box a block holding every voxel of the class in both
	 * @param spacing the voxel size along x, y, z in mm
	 */
	static SurfaceDistances between(final ClassVoxels truth, final ClassVoxels prediction, final VoxelBox box,
		final double[] spacing)
	{
		final float[] squared = new float[box.width() * box.height() * box.depth()];
		final double[] toPrediction = directed(truth, prediction, box, spacing, squared);
		final double[] toTruth = directed(prediction, truth, box, spacing, squared);
		final double[] pooled = Arrays.copyOf(toPrediction, toPrediction.length + toTruth.length);
		System.arraycopy(toTruth, 0, pooled, toPrediction.length, toTruth.length);
		Arrays.sort(pooled);
		return new SurfaceDistances(pooled);
	}

	/**
	 * The 95th percentile of the pooled distances, interpolated linearly between the two nearest
	 * ranks as NumPy's {@code percentile} does by default.
	 */
	double hd95() {
		final double rank = 0.95 * (sorted.length - 1);
		final int below = (int) Math.floor(rank);
		if (below + 1 >= sorted.length) return sorted[below];
		return sorted[below] + (rank - below) * (sorted[below + 1] - sorted[below]);
	}

	/** The share of the pooled distances that are at most {@code toleranceMm}. */
	double surfaceDice(final double toleranceMm) {
		int within = 0;
		while (within < sorted.length && sorted[within] <= toleranceMm) within++;
		return (double) within / sorted.length;
	}

	/**
	 * The distances from each surface voxel of {@code from} to the nearest surface voxel of
	 * {@code to}, using {@code squared} (the block's size) as the distance transform's storage.
	 */
	private static double[] directed(final ClassVoxels from, final ClassVoxels to, final VoxelBox box,
		final double[] spacing, final float[] squared)
	{
		int i = 0;
		for (int z = box.z0(); z <= box.z1(); z++) {
			for (int y = box.y0(); y <= box.y1(); y++) {
				for (int x = box.x0(); x <= box.x1(); x++) {
					squared[i++] = to.isSurface(x, y, z) ? 0 : Float.POSITIVE_INFINITY;
				}
			}
		}
		SquaredDistanceTransform.transform(squared, new int[] { box.width(), box.height(), box.depth() }, spacing);
		double[] distances = new double[1024];
		int count = 0;
		i = 0;
		for (int z = box.z0(); z <= box.z1(); z++) {
			for (int y = box.y0(); y <= box.y1(); y++) {
				for (int x = box.x0(); x <= box.x1(); x++, i++) {
					if (!from.isSurface(x, y, z)) continue;
					if (count == distances.length) distances = Arrays.copyOf(distances, 2 * count);
					distances[count++] = Math.sqrt(squared[i]);
				}
			}
		}
		return Arrays.copyOf(distances, count);
	}
}
