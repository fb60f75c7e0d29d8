package covidunet.evaluate;

/** A small label volume for tests, x fastest, built voxel by voxel. */
final class LabelGrid {

	final int[] size;
	final byte[] labels;

	LabelGrid(final int nx, final int ny, final int nz) {
		size = new int[] { nx, ny, nz };
		labels = new byte[nx * ny * nz];
	}

	/** Sets one voxel's label. */
	LabelGrid set(final int x, final int y, final int z, final int label) {
		labels[(z * size[1] + y) * size[0] + x] = (byte) label;
		return this;
	}

	/** Sets the label of every voxel from {@code (x0, y0, z0)} to {@code (x1, y1, z1)} inclusive. */
	LabelGrid fill(final int x0, final int y0, final int z0, final int x1, final int y1, final int z1,
		final int label)
	{
		for (int z = z0; z <= z1; z++) {
			for (int y = y0; y <= y1; y++) {
				for (int x = x0; x <= x1; x++) set(x, y, z, label);
			}
		}
		return this;
	}
}
