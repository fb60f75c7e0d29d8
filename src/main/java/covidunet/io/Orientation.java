package covidunet.io;

/**
 * Orientation codes of voxel axes in NIfTI's RAS+ world, as nibabel's {@code aff2axcodes}: the
 * letter of each voxel axis names the anatomical direction its index increases towards
 * ({@code R}/{@code L}, {@code A}/{@code P}, {@code S}/{@code I}). Oblique axes take the world
 * axis they are closest to.
 */
public final class Orientation {

	private static final String POSITIVE = "RAS";
	private static final String NEGATIVE = "LPI";

	private Orientation() {}

	/** The three-letter code of the transform's voxel axes, e.g. {@code RAS} or {@code LPS}. */
	public static String of(final Affine affine) {
		final int[] worldAxis = worldAxes(affine);
		final StringBuilder code = new StringBuilder(3);
		for (int voxelAxis = 0; voxelAxis < 3; voxelAxis++) {
			final int w = worldAxis[voxelAxis];
			code.append(affine.get(w, voxelAxis) >= 0 ? POSITIVE.charAt(w) : NEGATIVE.charAt(w));
		}
		return code.toString();
	}

	/**
	 * For each voxel axis, the world axis it runs along: assigned greedily by the largest
	 * normalised direction cosine, so that each world axis is used once.
	 */
	public static int[] worldAxes(final Affine affine) {
		final double[][] cosines = new double[3][3];
		for (int c = 0; c < 3; c++) {
			double norm = 0;
			for (int r = 0; r < 3; r++) {
				norm += affine.get(r, c) * affine.get(r, c);
			}
			norm = Math.sqrt(norm);
			for (int r = 0; r < 3; r++) {
				cosines[r][c] = norm == 0 ? 0 : Math.abs(affine.get(r, c)) / norm;
			}
		}
		final int[] worldAxis = { -1, -1, -1 };
		final boolean[] worldUsed = new boolean[3];
		for (int step = 0; step < 3; step++) {
			int bestR = -1, bestC = -1;
			double best = -1;
			for (int c = 0; c < 3; c++) {
				if (worldAxis[c] >= 0) continue;
				for (int r = 0; r < 3; r++) {
					if (!worldUsed[r] && cosines[r][c] > best) {
						best = cosines[r][c];
						bestR = r;
						bestC = c;
					}
				}
			}
			worldAxis[bestC] = bestR;
			worldUsed[bestR] = true;
		}
		return worldAxis;
	}
}
