package covidunet.predict;

import java.util.Arrays;

/**
 * Which lung each infection voxel belongs to: the one whose label is nearest, by the shortest path
 * through infection voxels (26-neighbour steps, each as long in mm as it is in space) to a voxel of
 * the left (1) or right (2) lung. An infection voxel that no such path joins to a lung counts for
 * the lung whose centre (mean voxel position, in mm) is nearer.
 */
final class InfectionSides {

	private static final int LEFT = 1, RIGHT = 2, INFECTION = 3;

	private InfectionSides() {}

	/**
	 * @param labels labels 0–3, x fastest
	 * @param size the grid (x, y, z)
	 * @param spacing the voxel size in mm (x, y, z)
	 * @return the infection voxels counted for the left and for the right lung
	 */
	static long[] count(final byte[] labels, final int[] size, final double[] spacing) {
		final Neighbours neighbours = new Neighbours(size, spacing);
		final float[] distance = new float[labels.length];
		Arrays.fill(distance, Float.POSITIVE_INFINITY);
		final byte[] side = new byte[labels.length];
		final VoxelHeap heap = new VoxelHeap();
		for (int voxel = 0; voxel < labels.length; voxel++) {
			if (labels[voxel] != INFECTION) continue;
			final int v = voxel;
			neighbours.forEach(v, (n, step) -> {
				final byte l = labels[n];
				if ((l == LEFT || l == RIGHT) && (step < distance[v] || step == distance[v] && l < side[v])) {
					distance[v] = step;
					side[v] = l;
				}
			});
			if (side[v] != 0) heap.push(distance[v], v);
		}
		while (!heap.isEmpty()) {
			final int v = heap.popVoxel();
			final float dv = heap.lastDistance();
			if (dv > distance[v]) continue;
			neighbours.forEach(v, (n, step) -> {
				final float d = dv + step;
				if (labels[n] == INFECTION && d < distance[n]) {
					distance[n] = d;
					side[n] = side[v];
					heap.push(d, n);
				}
			});
		}
		return tally(labels, side, size, spacing);
	}

	/** Counts each side's infection; voxels without a side go to the lung whose centre is nearer. */
	private static long[] tally(final byte[] labels, final byte[] side, final int[] size, final double[] spacing) {
		final int nx = size[0], ny = size[1];
		final double[][] sum = new double[3][3];
		final long[] lungVoxels = new long[3];
		for (int v = 0; v < labels.length; v++) {
			final int l = labels[v];
			if (l != LEFT && l != RIGHT) continue;
			lungVoxels[l]++;
			sum[l][0] += v % nx;
			sum[l][1] += v / nx % ny;
			sum[l][2] += v / (nx * ny);
		}
		final long[] counts = new long[2];
		for (int v = 0; v < labels.length; v++) {
			if (labels[v] != INFECTION) continue;
			int s = side[v];
			if (s == 0) s = nearerCentre(v, size, spacing, sum, lungVoxels);
			if (s == LEFT) counts[0]++;
			else if (s == RIGHT) counts[1]++;
		}
		return counts;
	}

	/** The lung whose centre is nearer to voxel {@code v}; 0 if there are no lungs. */
	private static int nearerCentre(final int v, final int[] size, final double[] spacing, final double[][] sum,
		final long[] lungVoxels)
	{
		final int[] p = { v % size[0], v / size[0] % size[1], v / (size[0] * size[1]) };
		int best = 0;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (final int l : new int[] { LEFT, RIGHT }) {
			if (lungVoxels[l] == 0) continue;
			double d = 0;
			for (int a = 0; a < 3; a++) {
				final double delta = (p[a] - sum[l][a] / lungVoxels[l]) * spacing[a];
				d += delta * delta;
			}
			if (d < bestDistance) {
				bestDistance = d;
				best = l;
			}
		}
		return best;
	}
}
