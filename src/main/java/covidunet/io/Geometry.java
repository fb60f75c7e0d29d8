package covidunet.io;

import java.util.Arrays;

/**
 * Where a volume lies in the patient: its voxel grid and the mapping of voxel indices to world
 * coordinates in millimetres (NIfTI's RAS+ convention: +x towards the patient's right, +y
 * anterior, +z superior).
 * <p>
 * Both NIfTI transforms are kept with their codes so that a volume written back carries the
 * geometry it was read with. {@link #affine()} is the one transform every stage uses: the sform
 * if its code is positive, else the qform if its code is positive, else the spacing diagonal.
 * Instances are immutable; {@link Affine} is immutable too.
 */
public final class Geometry {

	/** NIfTI transform code meaning "no transform". */
	public static final int CODE_UNKNOWN = 0;

	/** NIfTI transform code for scanner-based anatomical coordinates. */
	public static final int CODE_SCANNER = 1;

	/** NIfTI transform code for coordinates aligned to another file or anatomical truth. */
	public static final int CODE_ALIGNED = 2;

	private final long[] dims;
	private final double[] spacing;
	private final Affine qform;
	private final int qformCode;
	private final Affine sform;
	private final int sformCode;

	/**
	 * @param dims the voxel grid size along x, y, z (each at least 1)
	 * @param spacing voxel size along x, y, z in millimetres (each positive and finite)
	 * @param qform the qform transform (voxel index to world mm)
	 * @param qformCode the qform's NIfTI code (0 = unused)
	 * @param sform the sform transform (voxel index to world mm)
	 * @param sformCode the sform's NIfTI code (0 = unused)
	 * @throws IllegalArgumentException if a size or spacing is impossible
	 */
	public Geometry(final long[] dims, final double[] spacing, final Affine qform,
		final int qformCode, final Affine sform, final int sformCode)
	{
		if (dims.length != 3 || spacing.length != 3) {
			throw new IllegalArgumentException("geometry needs 3 dimensions, got " + dims.length);
		}
		for (int d = 0; d < 3; d++) {
			if (dims[d] < 1) {
				throw new IllegalArgumentException("dimension " + d + " is " + dims[d] + ", must be at least 1");
			}
			if (!(spacing[d] > 0) || Double.isInfinite(spacing[d])) {
				throw new IllegalArgumentException("spacing along " + "xyz".charAt(d) + " is " + spacing[d] +
					" mm, must be positive and finite");
			}
		}
		this.dims = dims.clone();
		this.spacing = spacing.clone();
		this.qform = qform;
		this.qformCode = qformCode;
		this.sform = sform;
		this.sformCode = sformCode;
	}

	/**
	 * A geometry whose qform and sform are both {@code affine} with the given code; the spacing
	 * is the length of the affine's columns.
	 */
	public static Geometry fromAffine(final long[] dims, final Affine affine, final int code) {
		return new Geometry(dims, columnNorms(affine), affine, code, affine, code);
	}

	/** An axis-aligned geometry (RAS, origin at voxel 0) with no NIfTI transform codes set. */
	public static Geometry ofSpacing(final long[] dims, final double[] spacing) {
		final Affine diagonal = diagonal(spacing);
		return new Geometry(dims, spacing, diagonal, CODE_UNKNOWN, diagonal, CODE_UNKNOWN);
	}

	/** The voxel grid size along x, y, z. */
	public long[] dims() {
		return dims.clone();
	}

	/** The grid size along axis {@code d}. */
	public long dim(final int d) {
		return dims[d];
	}

	/** The number of voxels. */
	public long voxelCount() {
		return dims[0] * dims[1] * dims[2];
	}

	/** Voxel size along x, y, z in millimetres. */
	public double[] spacing() {
		return spacing.clone();
	}

	/** The volume of one voxel in millilitres. */
	public double voxelVolumeMl() {
		return spacing[0] * spacing[1] * spacing[2] / 1000.0;
	}

	/** The qform transform, whatever its code. */
	public Affine qform() {
		return qform;
	}

	/** The qform's NIfTI code. */
	public int qformCode() {
		return qformCode;
	}

	/** The sform transform, whatever its code. */
	public Affine sform() {
		return sform;
	}

	/** The sform's NIfTI code. */
	public int sformCode() {
		return sformCode;
	}

	/**
	 * The voxel-to-world transform in use: the sform if its code is positive, else the qform if
	 * its code is positive, else the spacing diagonal.
	 */
	public Affine affine() {
		if (sformCode > 0) return sform;
		if (qformCode > 0) return qform;
		return diagonal(spacing);
	}

	/** The orientation code of {@link #affine()}, such as {@code RAS} or {@code LPS}. */
	public String orientation() {
		return Orientation.of(affine());
	}

	/** This geometry on another grid size, with the same transforms. */
	public Geometry withDims(final long[] newDims) {
		return new Geometry(newDims, spacing, qform, qformCode, sform, sformCode);
	}

	private static Affine diagonal(final double[] spacing) {
		return Affine.diagonal(spacing[0], spacing[1], spacing[2]);
	}

	private static double[] columnNorms(final Affine a) {
		return new double[] { a.columnNorm(0), a.columnNorm(1), a.columnNorm(2) };
	}

	@Override
	public String toString() {
		return "Geometry[dims=" + Arrays.toString(dims) + ", spacing=" + Arrays.toString(spacing) +
			", orientation=" + orientation() + ", qform_code=" + qformCode + ", sform_code=" + sformCode + "]";
	}
}
