package covidunet.preprocess;

import java.util.Arrays;
import java.util.stream.IntStream;

import covidunet.io.Affine;
import covidunet.io.Geometry;

/**
 * Resamples a volume (flat array, x fastest) from its spacing to a target spacing.
 * <p>
 * <b>Grid.</b> Along each axis the new size is {@code floor(n·s/t)} (at least 1; the product is
 * taken with a relative tolerance of 1e-9 so that e.g. 100 voxels at 1.58 mm give 100 at
 * 1.58 mm). The two grids share their centre: new voxel i lies at source coordinate
 * {@code c(i) = (n − 1)/2 + (i − (n' − 1)/2)·t/s}, i.e. {@code (i + 0.5)·t/s − 0.5} plus half the
 * extent the new grid leaves uncovered, {@code (n·s − n'·t)/(2s)}. So the resampled extent
 * (shorter than the source's by less than one target voxel) is centred in the source's, and
 * {@link #geometry} moves the origin by that half difference.
 * <p>
 * <b>Images</b> are interpolated separably, along x, then y, then z, each pass a 1-D filter with
 * precomputed taps and weights, in parallel over slices: cubic convolution (Keys, a = −0.5) or
 * linear. Positions beyond the first or last voxel centre take the edge voxels (clamping), as
 * the reference's {@code mode='edge'}. There is no anti-aliasing filter, as in the reference.
 * <p>
 * <b>Labels</b> are interpolated directly in 3-D (8 taps per target voxel): per-label linear or
 * nearest, see {@link LabelInterpolation}.
 */
public final class Resampler {

	/** A label's weight must reach 0.5, to within rounding of the weights, to be taken. */
	private static final double THRESHOLD = 0.5 - 1e-6;

	private final int[] sourceDims;
	private final double[] sourceSpacing;
	private final double[] targetSpacing;
	private final int[] targetDims = new int[3];
	private final double[] first = new double[3];
	private final double[] step = new double[3];

	private Resampler(final int[] dims, final double[] spacing, final int[] size, final double[] target) {
		sourceDims = dims.clone();
		sourceSpacing = spacing.clone();
		targetSpacing = target.clone();
		for (int d = 0; d < 3; d++) {
			targetDims[d] = size != null ? size[d] : targetDim(dims[d], spacing[d], target[d]);
			step[d] = target[d] / spacing[d];
			first[d] = (dims[d] - 1) / 2.0 - (targetDims[d] - 1) / 2.0 * step[d];
		}
	}

	/**
	 * A resampler from a grid of {@code dims} voxels at {@code spacing} mm to {@code target} mm.
	 *
	 * @throws IllegalArgumentException if a size is below 1, a spacing is not positive and finite,
	 *           or the target grid would exceed 2³¹ − 1 voxels
	 */
	public static Resampler of(final int[] dims, final double[] spacing, final double[] target) {
		if (dims.length != 3 || spacing.length != 3 || target.length != 3) {
			throw new IllegalArgumentException("3 sizes and spacings needed");
		}
		for (int d = 0; d < 3; d++) {
			if (dims[d] < 1 || !(spacing[d] > 0) || !(target[d] > 0) || Double.isInfinite(spacing[d]) ||
				Double.isInfinite(target[d]))
			{
				throw new IllegalArgumentException("cannot resample " + Arrays.toString(dims) + " voxels at " +
					Arrays.toString(spacing) + " mm to " + Arrays.toString(target) + " mm");
			}
		}
		final Resampler r = new Resampler(dims, spacing, null, target);
		if ((long) r.targetDims[0] * r.targetDims[1] * r.targetDims[2] > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("resampling " + Arrays.toString(dims) + " voxels at " +
				Arrays.toString(spacing) + " mm to " + Arrays.toString(target) + " mm gives too many voxels");
		}
		return r;
	}

	/**
	 * The resampler back from a grid made by {@link #of}: from {@code dims} voxels at
	 * {@code spacing} mm onto the original grid of {@code size} voxels at {@code target} mm, the two
	 * grids centred on each other as {@link #of} centres them (e.g. a segmentation back onto the
	 * scan's grid).
	 *
	 * @throws IllegalArgumentException if a size is below 1 or a spacing is not positive and finite
	 */
	public static Resampler onto(final int[] dims, final double[] spacing, final int[] size, final double[] target) {
		of(dims, spacing, target);
		for (final int n : size) {
			if (n < 1) throw new IllegalArgumentException("cannot resample onto " + Arrays.toString(size) + " voxels");
		}
		if ((long) size[0] * size[1] * size[2] > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(Arrays.toString(size) + " voxels are too many");
		}
		return new Resampler(dims, spacing, size, target);
	}

	/** The new size of an axis of {@code n} voxels at {@code s} mm resampled to {@code t} mm. */
	public static int targetDim(final long n, final double s, final double t) {
		final double exact = n * s / t;
		return (int) Math.max(1, Math.floor(exact * (1 + 1e-9)));
	}

	/** The size of the target grid along x, y, z. */
	public int[] targetDims() {
		return targetDims.clone();
	}

	/** The source voxel coordinate (0 = first voxel centre) of target voxel {@code i} along {@code axis}. */
	public double sourceCoordinate(final int axis, final int i) {
		return first[axis] + i * step[axis];
	}

	/**
	 * The target grid's geometry: both transforms of {@code source} with each column scaled by
	 * {@code t/s} and the origin moved to target voxel 0's centre; spacing = target, same codes.
	 *
	 * @throws IllegalArgumentException if {@code source}'s size differs from this resampler's
	 */
	public Geometry geometry(final Geometry source) {
		for (int d = 0; d < 3; d++) {
			if (source.dim(d) != sourceDims[d]) {
				throw new IllegalArgumentException("geometry " + Arrays.toString(source.dims()) + " is not the grid " +
					Arrays.toString(sourceDims));
			}
		}
		final long[] dims = { targetDims[0], targetDims[1], targetDims[2] };
		return new Geometry(dims, targetSpacing, scale(source.qform()), source.qformCode(), scale(source.sform()),
			source.sformCode());
	}

	private Affine scale(final Affine a) {
		final double[] rows = new double[12];
		final double[] origin = a.apply(first[0], first[1], first[2]);
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				rows[4 * r + c] = a.get(r, c) * step[c];
			}
			rows[4 * r + 3] = origin[r];
		}
		return Affine.ofRows(rows);
	}

	/**
	 * Resamples an image.
	 *
	 * @param voxels the source voxels, x fastest (not modified)
	 * @return the target voxels, x fastest
	 */
	public float[] image(final float[] voxels, final ImageInterpolation interpolation) {
		checkLength(voxels.length);
		final int[] dims = sourceDims.clone();
		float[] data = voxels;
		for (int axis = 0; axis < 3; axis++) {
			if (identity(axis)) continue;
			final Taps taps = interpolation == ImageInterpolation.CUBIC ? cubic(axis) : linear(axis);
			data = pass(data, dims, axis, taps);
			dims[axis] = targetDims[axis];
		}
		return data == voxels ? voxels.clone() : data;
	}

	/**
	 * Resamples labels (values 0–255, read unsigned).
	 *
	 * @param labels the source labels, x fastest (not modified)
	 * @return the target labels, x fastest
	 */
	public byte[] labels(final byte[] labels, final LabelInterpolation interpolation) {
		checkLength(labels.length);
		final Taps tx = linear(0), ty = linear(1), tz = linear(2);
		final int nx = targetDims[0], ny = targetDims[1], nz = targetDims[2];
		final int sx = sourceDims[0], sxy = sourceDims[0] * sourceDims[1];
		int max = 0;
		for (final byte b : labels) max = Math.max(max, b & 0xff);
		final int labelCount = max + 1;
		final byte[] out = new byte[nx * ny * nz];
		final boolean nearest = interpolation == LabelInterpolation.NEAREST;
		IntStream.range(0, nz).parallel().forEach(z -> {
			final double[] weight = new double[labelCount];
			for (int y = 0; y < ny; y++) {
				for (int x = 0; x < nx; x++) {
					final int o = (z * ny + y) * nx + x;
					if (nearest) {
						out[o] = labels[tz.nearest(z) * sxy + ty.nearest(y) * sx + tx.nearest(x)];
						continue;
					}
					Arrays.fill(weight, 0);
					for (int k = 0; k < 2; k++) {
						final int zOffset = tz.index[2 * z + k] * sxy;
						final double wz = tz.weight[2 * z + k];
						for (int j = 0; j < 2; j++) {
							final int yzOffset = zOffset + ty.index[2 * y + j] * sx;
							final double wyz = wz * ty.weight[2 * y + j];
							for (int i = 0; i < 2; i++) {
								weight[labels[yzOffset + tx.index[2 * x + i]] & 0xff] += wyz * tx.weight[2 * x + i];
							}
						}
					}
					int best = 0;
					for (int label = 1; label < labelCount; label++) {
						if (weight[label] >= THRESHOLD && (best == 0 || weight[label] >= weight[best])) best = label;
					}
					out[o] = (byte) best;
				}
			}
		});
		return out;
	}

	/**
	 * Linear resampling one target z-slice at a time, for volumes too large to resample whole: each
	 * source slice is resampled in x and y once (the two around the current target slice are
	 * kept), and a target slice is their weighted sum. Walk the slices in increasing z. The values
	 * are those of {@link #image} with {@link ImageInterpolation#LINEAR}, computed in the same
	 * order.
	 *
	 * @param voxels the source voxels, x fastest (not modified; do not change them while in use)
	 */
	public Slices linearSlices(final float[] voxels) {
		checkLength(voxels.length);
		return new Slices(voxels);
	}

	/** The target slices of one source volume; see {@link #linearSlices(float[])}. */
	public final class Slices {

		private final float[] source;
		private final Taps tx = linear(0), ty = linear(1), tz = linear(2);
		private final int[] cachedIndex = { -1, -1 };
		private final float[][] cachedPlane = new float[2][];

		private Slices(final float[] source) {
			this.source = source;
		}

		/** Target slice {@code z} (x fastest, {@code targetDims()[0] × targetDims()[1]} values), a new array. */
		public float[] slice(final int z) {
			final int plane = targetDims[0] * targetDims[1];
			if (identity(2)) return plane(z).clone();
			final float[] out = new float[plane];
			for (int t = 0; t < tz.taps; t++) {
				final float w = tz.weight[z * tz.taps + t];
				if (w == 0) continue;
				final float[] in = plane(tz.index[z * tz.taps + t]);
				for (int v = 0; v < plane; v++) out[v] += w * in[v];
			}
			return out;
		}

		/** Source slice {@code k} resampled in x and y, from the two-slice cache. */
		private float[] plane(final int k) {
			for (int c = 0; c < 2; c++) {
				if (cachedIndex[c] == k) return cachedPlane[c];
			}
			final int slot = cachedIndex[0] < cachedIndex[1] ? 0 : 1;
			final int sxy = sourceDims[0] * sourceDims[1];
			float[] data = Arrays.copyOfRange(source, k * sxy, (k + 1) * sxy);
			final int[] dims = { sourceDims[0], sourceDims[1], 1 };
			if (!identity(0)) {
				data = pass(data, dims, 0, tx);
				dims[0] = targetDims[0];
			}
			if (!identity(1)) data = pass(data, dims, 1, ty);
			cachedIndex[slot] = k;
			cachedPlane[slot] = data;
			return data;
		}
	}

	/** Whether {@code axis} is left as it is (same size, no shift). */
	private boolean identity(final int axis) {
		return sourceDims[axis] == targetDims[axis] && first[axis] == 0 && step[axis] == 1;
	}

	private void checkLength(final int length) {
		if (length != (long) sourceDims[0] * sourceDims[1] * sourceDims[2]) {
			throw new IllegalArgumentException(length + " voxels for a grid of " + Arrays.toString(sourceDims));
		}
	}

	/** One separable pass along {@code axis} of a volume of {@code dims}. */
	private static float[] pass(final float[] in, final int[] dims, final int axis, final Taps taps) {
		final int nx = dims[0], ny = dims[1], nz = dims[2];
		final int m = taps.count;
		final int k = taps.taps;
		if (axis == 0) {
			final float[] out = new float[m * ny * nz];
			IntStream.range(0, nz).parallel().forEach(z -> {
				for (int y = 0; y < ny; y++) {
					final int row = (z * ny + y) * nx;
					final int outRow = (z * ny + y) * m;
					for (int i = 0; i < m; i++) {
						float sum = 0;
						for (int t = 0; t < k; t++) {
							sum += taps.weight[i * k + t] * in[row + taps.index[i * k + t]];
						}
						out[outRow + i] = sum;
					}
				}
			});
			return out;
		}
		if (axis == 1) {
			final float[] out = new float[nx * m * nz];
			IntStream.range(0, nz).parallel().forEach(z -> {
				for (int i = 0; i < m; i++) {
					final int outRow = (z * m + i) * nx;
					for (int t = 0; t < k; t++) {
						addRow(in, (z * ny + taps.index[i * k + t]) * nx, taps.weight[i * k + t], out, outRow, nx);
					}
				}
			});
			return out;
		}
		final int slice = nx * ny;
		final float[] out = new float[slice * m];
		IntStream.range(0, m).parallel().forEach(i -> {
			for (int t = 0; t < k; t++) {
				addRow(in, taps.index[i * k + t] * slice, taps.weight[i * k + t], out, i * slice, slice);
			}
		});
		return out;
	}

	private static void addRow(final float[] in, final int from, final float w, final float[] out, final int to,
		final int length)
	{
		if (w == 0) return;
		for (int x = 0; x < length; x++) {
			out[to + x] += w * in[from + x];
		}
	}

	/** Keys' cubic convolution (a = −0.5) taps along {@code axis}, edge indices clamped. */
	private Taps cubic(final int axis) {
		final Taps taps = new Taps(targetDims[axis], 4);
		for (int i = 0; i < taps.count; i++) {
			final double c = sourceCoordinate(axis, i);
			final int base = (int) Math.floor(c);
			final double f = c - base;
			final double f2 = f * f, f3 = f2 * f;
			final double[] w = { (-f3 + 2 * f2 - f) / 2, (3 * f3 - 5 * f2 + 2) / 2, (-3 * f3 + 4 * f2 + f) / 2,
				(f3 - f2) / 2 };
			for (int t = 0; t < 4; t++) {
				taps.set(i, t, clamp(base - 1 + t, sourceDims[axis]), w[t]);
			}
		}
		return taps;
	}

	/** Linear taps along {@code axis}, edge indices clamped. */
	private Taps linear(final int axis) {
		final Taps taps = new Taps(targetDims[axis], 2);
		for (int i = 0; i < taps.count; i++) {
			final double c = sourceCoordinate(axis, i);
			final int base = (int) Math.floor(c);
			final double f = c - base;
			taps.set(i, 0, clamp(base, sourceDims[axis]), 1 - f);
			taps.set(i, 1, clamp(base + 1, sourceDims[axis]), f);
		}
		return taps;
	}

	private static int clamp(final int index, final int n) {
		return Math.max(0, Math.min(n - 1, index));
	}

	/** Per target index along one axis: {@code taps} source indices and their weights. */
	private static final class Taps {

		final int count, taps;
		final int[] index;
		final float[] weight;

		Taps(final int count, final int taps) {
			this.count = count;
			this.taps = taps;
			index = new int[count * taps];
			weight = new float[count * taps];
		}

		void set(final int i, final int t, final int sourceIndex, final double w) {
			index[i * taps + t] = sourceIndex;
			weight[i * taps + t] = (float) w;
		}

		/** The nearest source index of a linear tap set: the second tap from f ≥ 0.5 on. */
		int nearest(final int i) {
			return weight[i * 2 + 1] >= 0.5f ? index[i * 2 + 1] : index[i * 2];
		}
	}
}
