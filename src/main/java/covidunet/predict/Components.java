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
		for (int v = 0; v < labels.length; v++) {
			if (labels[v] == 0 || ids[v] != 0) continue;
			if (count == sizes.length) sizes = Arrays.copyOf(sizes, 2 * count);
			sizes[count] = fill(v, count, labels, ids, queue, size);
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
		final int[] size)
	{
		final int nx = size[0], ny = size[1], nz = size[2], nxy = nx * ny;
		int head = 0, tail = 0;
		queue[tail++] = seed;
		ids[seed] = id;
		while (head < tail) {
			final int v = queue[head++];
			final int x = v % nx, y = v / nx % ny, z = v / nxy;
			for (int dz = -1; dz <= 1; dz++) {
				final int zz = z + dz;
				if (zz < 0 || zz >= nz) continue;
				for (int dy = -1; dy <= 1; dy++) {
					final int yy = y + dy;
					if (yy < 0 || yy >= ny) continue;
					for (int dx = -1; dx <= 1; dx++) {
						final int xx = x + dx;
						if (xx < 0 || xx >= nx) continue;
						final int n = (zz * ny + yy) * nx + xx;
						if (labels[n] != 0 && ids[n] == 0) {
							ids[n] = id;
							queue[tail++] = n;
						}
					}
				}
			}
		}
		return tail;
	}
}
