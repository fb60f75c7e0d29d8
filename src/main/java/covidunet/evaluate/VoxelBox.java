package covidunet.evaluate;

/**
 * An axis-aligned block of voxels, from {@code (x0, y0, z0)} to {@code (x1, y1, z1)} inclusive.
 *
 * @param x0 the first x
 * @param y0 the first y
 * @param z0 the first z
 * @param x1 the last x
 * @param y1 the last y
 * @param z1 the last z
 */
record VoxelBox(int x0, int y0, int z0, int x1, int y1, int z1) {

	/** The smallest box holding both. */
	VoxelBox union(final VoxelBox other) {
		return new VoxelBox(Math.min(x0, other.x0), Math.min(y0, other.y0), Math.min(z0, other.z0), Math.max(x1,
			other.x1), Math.max(y1, other.y1), Math.max(z1, other.z1));
	}

	/** The number of voxels along x. */
	int width() {
		return x1 - x0 + 1;
	}

	/** The number of voxels along y. */
	int height() {
		return y1 - y0 + 1;
	}

	/** The number of voxels along z. */
	int depth() {
		return z1 - z0 + 1;
	}
}
