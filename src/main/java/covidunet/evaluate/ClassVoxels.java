package covidunet.evaluate;

/**
 * The voxels of one class in a label array (x fastest): which belong to it, and which of those
 * lie on its surface — a voxel of the class with at least one of its 6 face neighbours outside
 * the class, or on the border of the volume (SciPy's {@code binary_erosion} with the
 * 6-connected structure and {@code border_value=0} removes exactly these).
 */
final class ClassVoxels {

	private final byte[] labels;
	private final int labelBits;
	private final int nx, ny, nz, slice;

	/**
	 * @param labels the label array, x fastest
	 * @param size its size along x, y, z
	 * @param labelBits the class's labels, bit {@code l} for label {@code l}
	 */
	ClassVoxels(final byte[] labels, final int[] size, final int labelBits) {
		this.labels = labels;
		this.labelBits = labelBits;
		this.nx = size[0];
		this.ny = size[1];
		this.nz = size[2];
		this.slice = nx * ny;
	}

	/** Whether the voxel at array index {@code i} belongs to the class. */
	boolean contains(final int i) {
		return LabelConfusion.has(labelBits, labels[i]);
	}

	/** Whether the voxel at {@code (x, y, z)} is a surface voxel of the class. */
	boolean isSurface(final int x, final int y, final int z) {
		final int i = (z * ny + y) * nx + x;
		if (!contains(i)) return false;
		if (x == 0 || y == 0 || z == 0 || x == nx - 1 || y == ny - 1 || z == nz - 1) return true;
		return !contains(i - 1) || !contains(i + 1) || !contains(i - nx) || !contains(i + nx) || !contains(i - slice) ||
			!contains(i + slice);
	}
}
