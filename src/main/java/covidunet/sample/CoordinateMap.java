package covidunet.sample;

/**
 * Where each voxel of a patch is sampled in the case, as batchgenerators' spatial transform
 * computes it: the patch grid centred at 0, {@code g = (i − (nx−1)/2, j − (ny−1)/2, k − (nz−1)/2)},
 * mirrored (F = diag(±1)), displaced by the elastic field e (in the grid's frame), rotated (R),
 * scaled (s) and moved to the centre c:
 * <pre>  p = c + s R (F g + e)</pre>
 * R is batchgenerators' {@code rotate_coords_3d}: (R<sub>x</sub>(a<sub>x</sub>)
 * R<sub>y</sub>(a<sub>y</sub>) R<sub>z</sub>(a<sub>z</sub>))<sup>T</sup> with the right-handed
 * rotations about x, y, z. A scale s above 1 samples a larger region, so objects shrink by 1/s in
 * the patch.
 */
final class CoordinateMap {

	private final int[] size;
	private final double[] linear;
	private final double[] origin;
	private final ElasticField field;

	/**
	 * @param draw the spatial choices (mirroring, elastic, rotation, scaling)
	 * @param size the patch size along x, y, z
	 * @param centre the patch centre in the case's voxel coordinates
	 */
	CoordinateMap(final AugmentationDraw draw, final int[] size, final double[] centre) {
		this.size = size.clone();
		final double[] rotation = draw.rotation() ? rotation(draw.angleX(), draw.angleY(), draw.angleZ()) :
			new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
		final double s = draw.scaling() ? draw.scale() : 1;
		final double[] sr = new double[9];
		for (int i = 0; i < 9; i++) sr[i] = s * rotation[i];
		final double[] flip = { draw.mirrorX() ? -1 : 1, draw.mirrorY() ? -1 : 1, draw.mirrorZ() ? -1 : 1 };
		linear = new double[9];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) linear[3 * r + c] = sr[3 * r + c] * flip[c];
		}
		origin = new double[3];
		for (int r = 0; r < 3; r++) {
			origin[r] = centre[r];
			for (int c = 0; c < 3; c++) origin[r] -= linear[3 * r + c] * (size[c] - 1) / 2.0;
		}
		field = draw.elastic() ? new ElasticField(size, draw.elasticAlpha(), draw.elasticSigma(), draw.elasticSeed(),
			sr) : null;
	}

	/**
	 * The rotation applied to grid coordinates: (R<sub>x</sub> R<sub>y</sub> R<sub>z</sub>)<sup>T</sup>,
	 * row-major.
	 */
	static double[] rotation(final double ax, final double ay, final double az) {
		final double[] rx = { 1, 0, 0, 0, Math.cos(ax), -Math.sin(ax), 0, Math.sin(ax), Math.cos(ax) };
		final double[] ry = { Math.cos(ay), 0, Math.sin(ay), 0, 1, 0, -Math.sin(ay), 0, Math.cos(ay) };
		final double[] rz = { Math.cos(az), -Math.sin(az), 0, Math.sin(az), Math.cos(az), 0, 0, 0, 1 };
		final double[] m = multiply(multiply(rx, ry), rz);
		return new double[] { m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8] };
	}

	private static double[] multiply(final double[] a, final double[] b) {
		final double[] m = new double[9];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				m[3 * r + c] = a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c];
			}
		}
		return m;
	}

	/** The elastic field's coarse grid spacing in voxels, or 0 without elastic deformation. */
	int fieldFactor() {
		return field == null ? 0 : field.factor();
	}

	/** Per-thread buffers for {@link #row}. */
	Rows newRows() {
		return new Rows(size[0], field == null ? null : field.newScratch());
	}

	/** The sampling points of patch row (y = j, z = k) into {@code rows}. */
	void row(final int j, final int k, final Rows rows) {
		final int n = size[0];
		final float[] px = rows.x, py = rows.y, pz = rows.z;
		if (field == null) {
			for (int i = 0; i < n; i++) px[i] = py[i] = pz[i] = 0;
		}
		else {
			field.row(j, k, n, px, py, pz, rows.scratch);
		}
		final double[] m = linear;
		final double bx = origin[0] + m[1] * j + m[2] * k;
		final double by = origin[1] + m[4] * j + m[5] * k;
		final double bz = origin[2] + m[7] * j + m[8] * k;
		for (int i = 0; i < n; i++) {
			px[i] += (float) (bx + m[0] * i);
			py[i] += (float) (by + m[3] * i);
			pz[i] += (float) (bz + m[6] * i);
		}
	}

	/** The sampling points of one row, and the elastic field's scratch space. */
	static final class Rows {

		final float[] x, y, z;
		final float[][] scratch;

		Rows(final int n, final float[][] scratch) {
			x = new float[n];
			y = new float[n];
			z = new float[n];
			this.scratch = scratch;
		}
	}
}
