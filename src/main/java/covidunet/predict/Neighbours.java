package covidunet.predict;

/** The 26 neighbours of a voxel in a grid (x fastest), each with the length of the step to it in mm. */
final class Neighbours {

	/** Takes one neighbour. */
	@FunctionalInterface
	interface Visitor {

		/** Takes the neighbour's index and the step's length in mm. */
		void visit(int neighbour, float step);
	}

	private final int nx, ny, nz;
	private final float[] steps = new float[27];

	/** The neighbours in grid {@code size} (x, y, z), with steps in voxels. */
	Neighbours(final int[] size) {
		this(size, new double[] { 1, 1, 1 });
	}

	/**
	 * @param size the grid (x, y, z)
	 * @param spacing the voxel size in mm (x, y, z)
	 */
	Neighbours(final int[] size, final double[] spacing) {
		nx = size[0];
		ny = size[1];
		nz = size[2];
		for (int dz = -1; dz <= 1; dz++) {
			for (int dy = -1; dy <= 1; dy++) {
				for (int dx = -1; dx <= 1; dx++) {
					steps[offset(dx, dy, dz)] = (float) Math.sqrt(dx * dx * spacing[0] * spacing[0] + dy * dy *
						spacing[1] * spacing[1] + dz * dz * spacing[2] * spacing[2]);
				}
			}
		}
	}

	/** Visits the neighbours of voxel {@code v} that lie in the grid, z slowest, x fastest. */
	void forEach(final int v, final Visitor visitor) {
		final int x = v % nx, y = v / nx % ny, z = v / (nx * ny);
		for (int dz = -1; dz <= 1; dz++) {
			final int zz = z + dz;
			if (zz < 0 || zz >= nz) continue;
			for (int dy = -1; dy <= 1; dy++) {
				final int yy = y + dy;
				if (yy < 0 || yy >= ny) continue;
				for (int dx = -1; dx <= 1; dx++) {
					final int xx = x + dx;
					if (xx < 0 || xx >= nx || dx == 0 && dy == 0 && dz == 0) continue;
					visitor.visit((zz * ny + yy) * nx + xx, steps[offset(dx, dy, dz)]);
				}
			}
		}
	}

	private static int offset(final int dx, final int dy, final int dz) {
		return ((dz + 1) * 3 + dy + 1) * 3 + dx + 1;
	}
}
