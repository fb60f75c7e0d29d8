package covidunet.preprocess;

import java.util.Arrays;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Orientation;

/**
 * Reorders a volume's voxel axes, by permuting and flipping them without interpolation, so that
 * they run in the directions of an orientation code such as {@code RAS}: target axis 0 along the
 * world axis closest to the code's first letter, and so on ({@link Orientation#worldAxes}). Every
 * voxel keeps its world coordinates: the target affine is the source affine with its columns
 * permuted and negated and its origin moved to the voxel that becomes index 0, which is exact.
 * An oblique volume stays oblique; its axes only come as close to the code as a permutation
 * allows.
 * <p>
 * Arrays are flat, x fastest. {@link #inverse()} maps data on the target grid back to the
 * source grid (for predictions).
 */
public final class Reorientation {

	/**
	 * The orientation "as stored": no reordering, the network sees the voxel axes as the file
	 * stores them (what MIScnn, and so the published models, did).
	 */
	public static final String AS_STORED = "stored";

	private static final String POSITIVE = "RAS", NEGATIVE = "LPI";

	private final Geometry source;
	private final Geometry target;
	private final int[] sourceAxis;
	private final boolean[] flip;

	private Reorientation(final Geometry source, final Geometry target, final int[] sourceAxis, final boolean[] flip) {
		this.source = source;
		this.target = target;
		this.sourceAxis = sourceAxis;
		this.flip = flip;
	}

	/**
	 * The reorientation of a volume with geometry {@code source} to the orientation {@code code}.
	 * Both NIfTI transforms are reoriented alike, keeping their codes; the axes are chosen from
	 * {@link Geometry#affine()}.
	 *
	 * @throws IllegalArgumentException if {@code code} is not valid ({@link #isValidCode})
	 */
	public static Reorientation to(final Geometry source, final String code) {
		if (!isValidCode(code)) throw new IllegalArgumentException("not an orientation code: " + code);
		if (code.equals(AS_STORED)) return new Reorientation(source, source, new int[] { 0, 1, 2 }, new boolean[3]);
		final Affine affine = source.affine();
		final int[] worldAxis = Orientation.worldAxes(affine);
		final int[] sourceAxis = new int[3];
		final boolean[] flip = new boolean[3];
		for (int t = 0; t < 3; t++) {
			final int w = worldAxis(code.charAt(t));
			final boolean positive = POSITIVE.indexOf(code.charAt(t)) >= 0;
			for (int s = 0; s < 3; s++) {
				if (worldAxis[s] == w) {
					sourceAxis[t] = s;
					flip[t] = affine.get(w, s) >= 0 != positive;
				}
			}
		}
		final long[] dims = source.dims();
		final double[] spacing = source.spacing();
		final long[] targetDims = new long[3];
		final double[] targetSpacing = new double[3];
		for (int t = 0; t < 3; t++) {
			targetDims[t] = dims[sourceAxis[t]];
			targetSpacing[t] = spacing[sourceAxis[t]];
		}
		final Geometry target = new Geometry(targetDims, targetSpacing, reorient(source.qform(), dims, sourceAxis,
			flip), source.qformCode(), reorient(source.sform(), dims, sourceAxis, flip), source.sformCode());
		return new Reorientation(source, target, sourceAxis, flip);
	}

	/**
	 * Whether {@code code} is an orientation code: three letters, one of R/L, one of A/P and one
	 * of S/I, in any order (upper case), or {@value #AS_STORED}.
	 */
	public static boolean isValidCode(final String code) {
		if (AS_STORED.equals(code)) return true;
		if (code == null || code.length() != 3) return false;
		final boolean[] seen = new boolean[3];
		for (int i = 0; i < 3; i++) {
			final int w = worldAxis(code.charAt(i));
			if (w < 0 || seen[w]) return false;
			seen[w] = true;
		}
		return true;
	}

	private static int worldAxis(final char letter) {
		final int p = POSITIVE.indexOf(letter);
		return p >= 0 ? p : NEGATIVE.indexOf(letter);
	}

	private static Affine reorient(final Affine a, final long[] dims, final int[] sourceAxis, final boolean[] flip) {
		final double[] rows = new double[12];
		for (int r = 0; r < 3; r++) {
			double origin = a.get(r, 3);
			for (int t = 0; t < 3; t++) {
				final int s = sourceAxis[t];
				rows[4 * r + t] = flip[t] ? -a.get(r, s) : a.get(r, s);
				if (flip[t]) origin += a.get(r, s) * (dims[s] - 1);
			}
			rows[4 * r + 3] = origin;
		}
		return Affine.ofRows(rows);
	}

	/** The grid the data comes from. */
	public Geometry source() {
		return source;
	}

	/** The reoriented grid. */
	public Geometry target() {
		return target;
	}

	/** Whether the data needs no reordering (the source already has the code's orientation). */
	public boolean isIdentity() {
		return Arrays.equals(sourceAxis, new int[] { 0, 1, 2 }) && !flip[0] && !flip[1] && !flip[2];
	}

	/** For each target axis, the source axis it is taken from. */
	public int[] sourceAxes() {
		return sourceAxis.clone();
	}

	/** For each target axis, whether it runs against its source axis. */
	public boolean[] flips() {
		return flip.clone();
	}

	/** The reorientation back: from the target grid to the source grid, geometries exact. */
	public Reorientation inverse() {
		final int[] axis = new int[3];
		final boolean[] back = new boolean[3];
		for (int t = 0; t < 3; t++) {
			axis[sourceAxis[t]] = t;
			back[sourceAxis[t]] = flip[t];
		}
		return new Reorientation(target, source, axis, back);
	}

	/**
	 * Reorders voxels from the source grid to the target grid.
	 *
	 * @param voxels the source voxels, x fastest
	 * @return a new array, or {@code voxels} itself if this is the {@linkplain #isIdentity() identity}
	 */
	public float[] apply(final float[] voxels) {
		if (isIdentity()) return voxels;
		final float[] out = new float[checkLength(voxels.length)];
		final Walk w = new Walk();
		int j = 0;
		for (int z = 0; z < w.nz; z++) {
			for (int y = 0; y < w.ny; y++) {
				long p = w.rowStart(y, z);
				for (int x = 0; x < w.nx; x++, p += w.stepX) {
					out[j++] = voxels[(int) p];
				}
			}
		}
		return out;
	}

	/**
	 * Reorders voxels from the source grid to the target grid.
	 *
	 * @param voxels the source voxels, x fastest
	 * @return a new array, or {@code voxels} itself if this is the {@linkplain #isIdentity() identity}
	 */
	public byte[] apply(final byte[] voxels) {
		if (isIdentity()) return voxels;
		final byte[] out = new byte[checkLength(voxels.length)];
		final Walk w = new Walk();
		int j = 0;
		for (int z = 0; z < w.nz; z++) {
			for (int y = 0; y < w.ny; y++) {
				long p = w.rowStart(y, z);
				for (int x = 0; x < w.nx; x++, p += w.stepX) {
					out[j++] = voxels[(int) p];
				}
			}
		}
		return out;
	}

	private int checkLength(final int length) {
		if (length != source.voxelCount()) {
			throw new IllegalArgumentException(length + " voxels for a grid of " + Arrays.toString(source.dims()));
		}
		return length;
	}

	/** Source index arithmetic for a walk over the target grid, x fastest. */
	private final class Walk {

		final int nx, ny, nz;
		final long stepX, stepY, stepZ, base;

		Walk() {
			final long[] dims = source.dims();
			final long[] stride = { 1, dims[0], dims[0] * dims[1] };
			final long[] step = new long[3];
			long start = 0;
			for (int t = 0; t < 3; t++) {
				final int s = sourceAxis[t];
				step[t] = flip[t] ? -stride[s] : stride[s];
				if (flip[t]) start += (dims[s] - 1) * stride[s];
			}
			nx = (int) target.dim(0);
			ny = (int) target.dim(1);
			nz = (int) target.dim(2);
			stepX = step[0];
			stepY = step[1];
			stepZ = step[2];
			base = start;
		}

		long rowStart(final int y, final int z) {
			return base + y * stepY + z * stepZ;
		}
	}
}
