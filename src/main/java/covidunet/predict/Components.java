package covidunet.predict;

import java.util.Arrays;

/**
 * The 26-connected components of the non-zero voxels of a label volume, numbered from 1 in the
 * order of their first voxel (x fastest); 0 marks the background.
 */
final class Components {

	private final int[] ids;
	private final int[] sizes;

	private Components(final int[] ids, final int[] sizes) {
		this.ids = ids;
		this.sizes = sizes;
	}

	/** The components of the voxels of {@code labels} (of {@code size}, x fastest) that are not 0. */
	static Components of(final byte[] labels, final int[] size) {
		final int[] ids = new int[labels.length];
		final int[] queue = new int[labels.length];
		int[] sizes = new int[16];
		int count = 1;
		final Neighbours neighbours = new Neighbours(size);
		for (int v = 0; v < labels.length; v++) {
			if (labels[v] == 0 || ids[v] != 0) continue;
			if (count == sizes.length) sizes = Arrays.copyOf(sizes, 2 * count);
			sizes[count] = fill(v, count, labels, ids, queue, neighbours);
			count++;
		}
		return new Components(ids, Arrays.copyOf(sizes, count));
	}

	/** The component of each voxel; 0 for the background. */
	int[] ids() {
		return ids;
	}

	/** The number of components plus one (ids run from 1 to {@code count() − 1}). */
	int count() {
		return sizes.length;
	}

	/** The voxels of component {@code id}. */
	int size(final int id) {
		return sizes[id];
	}

	/** Labels the component of {@code seed} with {@code id} by a breadth-first walk; its size. */
	private static int fill(final int seed, final int id, final byte[] labels, final int[] ids, final int[] queue,
		final Neighbours neighbours)
	{
		final int[] tail = { 0 };
		queue[tail[0]++] = seed;
		ids[seed] = id;
		for (int head = 0; head < tail[0]; head++) {
			neighbours.forEach(queue[head], (n, step) -> {
				if (labels[n] != 0 && ids[n] == 0) {
					ids[n] = id;
					queue[tail[0]++] = n;
				}
			});
		}
		return tail[0];
	}
}
