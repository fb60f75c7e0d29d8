package covidunet.evaluate;

import java.util.Random;

/**
 * Random-ish label volumes for the oracle test: ellipsoidal lungs whose border is roughened by
 * seeded noise, and spherical infection blobs inside them.
 */
final class SyntheticMasks {

	private final LabelGrid grid;
	private final double[] spacing;
	private final Random random;

	SyntheticMasks(final int[] size, final double[] spacing, final long seed) {
		this.grid = new LabelGrid(size[0], size[1], size[2]);
		this.spacing = spacing;
		this.random = new Random(seed);
	}

	/** The labels so far. */
	LabelGrid grid() {
		return grid;
	}

	/**
	 * Labels the voxels within an ellipsoid (centre and radii in mm from voxel (0, 0, 0)) whose
	 * radius varies by up to ± {@code roughness}/2 of itself from voxel to voxel.
	 */
	SyntheticMasks ellipsoid(final double[] centre, final double[] radii, final double roughness, final int label) {
		forEachVoxel((x, y, z) -> {
			final double r = radius(x, y, z, centre, radii);
			if (r < 1 + roughness * (random.nextDouble() - 0.5)) grid.set(x, y, z, label);
		});
		return this;
	}

	/** Labels as infection the voxels of a sphere that lie in a lung (label 1 or 2). */
	SyntheticMasks infection(final double[] centre, final double radius) {
		forEachVoxel((x, y, z) -> {
			final byte current = grid.labels[(z * grid.size[1] + y) * grid.size[0] + x];
			final double r = radius(x, y, z, centre, new double[] { radius, radius, radius });
			if ((current == 1 || current == 2) && r < 1) {
				grid.set(x, y, z, 3);
			}
		});
		return this;
	}

	private double radius(final int x, final int y, final int z, final double[] centre, final double[] radii) {
		final double dx = (x * spacing[0] - centre[0]) / radii[0], dy = (y * spacing[1] - centre[1]) / radii[1];
		final double dz = (z * spacing[2] - centre[2]) / radii[2];
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}

	private void forEachVoxel(final VoxelAction action) {
		for (int z = 0; z < grid.size[2]; z++) {
			for (int y = 0; y < grid.size[1]; y++) {
				for (int x = 0; x < grid.size[0]; x++) action.at(x, y, z);
			}
		}
	}

	/** Something done at one voxel. */
	private interface VoxelAction {

		void at(int x, int y, int z);
	}
}
