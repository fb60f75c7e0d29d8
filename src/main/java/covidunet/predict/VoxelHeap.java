package covidunet.predict;

import java.util.Arrays;

/** A binary min-heap of (distance, voxel) pairs in primitive arrays, for shortest paths over voxels. */
final class VoxelHeap {

	private float[] distances = new float[1024];
	private int[] voxels = new int[1024];
	private int size;
	private float last;

	/** Adds a voxel at a distance. */
	void push(final float distance, final int voxel) {
		if (size == distances.length) {
			distances = Arrays.copyOf(distances, size * 2);
			voxels = Arrays.copyOf(voxels, size * 2);
		}
		int i = size++;
		while (i > 0) {
			final int parent = (i - 1) / 2;
			if (distances[parent] <= distance) break;
			distances[i] = distances[parent];
			voxels[i] = voxels[parent];
			i = parent;
		}
		distances[i] = distance;
		voxels[i] = voxel;
	}

	/** Whether the heap is empty. */
	boolean isEmpty() {
		return size == 0;
	}

	/** Removes the voxel with the smallest distance and returns it; {@link #lastDistance()} is its distance. */
	int popVoxel() {
		final int top = voxels[0];
		last = distances[0];
		final float d = distances[--size];
		final int v = voxels[size];
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= size) break;
			if (child + 1 < size && distances[child + 1] < distances[child]) child++;
			if (distances[child] >= d) break;
			distances[i] = distances[child];
			voxels[i] = voxels[child];
			i = child;
		}
		distances[i] = d;
		voxels[i] = v;
		return top;
	}

	/** The distance of the voxel {@link #popVoxel()} returned last. */
	float lastDistance() {
		return last;
	}
}
