package covidunet.io.nifti;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Min, max, mean, NaN and infinity counts and the label histogram of a NIfTI volume's scaled
 * values, gathered slice by slice from {@link NiftiReader#readSlices} without holding the
 * volume. 8- and 16-bit data go through a full histogram (one increment per voxel); wider data
 * through running sums and a bounded table of distinct values.
 */
public final class VoxelStatistics implements SliceVisitor {

	/** Label histograms are reported for images with at most this many distinct values. */
	public static final int MAX_LABELS = 256;

	private NiftiDatatype datatype;
	private double slope = 1;
	private double intercept;
	private long[] histogram;
	private final RunningStatistics running = new RunningStatistics();
	private final DistinctValues distinct = new DistinctValues(MAX_LABELS);

	@Override
	public void header(final NiftiHeader header) {
		datatype = header.datatype();
		slope = header.slope();
		intercept = header.intercept();
		if (datatype.bytesPerVoxel() <= 2) histogram = new long[1 << (8 * datatype.bytesPerVoxel())];
	}

	@Override
	public void slice(final int z, final Object voxels) {
		switch (datatype) {
			case UINT8:
			case INT8:
				for (final byte v : (byte[]) voxels) histogram[v & 0xff]++;
				break;
			case INT16:
			case UINT16:
				for (final short v : (short[]) voxels) histogram[v & 0xffff]++;
				break;
			case INT32:
				for (final int v : (int[]) voxels) running.addInteger(v, distinct);
				break;
			case UINT32:
				for (final int v : (int[]) voxels) running.addInteger(v & 0xffffffffL, distinct);
				break;
			case INT64:
				for (final long v : (long[]) voxels) running.addInteger(v, distinct);
				break;
			case FLOAT32:
				for (final float v : (float[]) voxels) running.addReal(v, distinct);
				break;
			case FLOAT64:
				for (final double v : (double[]) voxels) running.addReal(v, distinct);
				break;
		}
	}

	/**
	 * How many voxels are not finite, for messages: {@code 12 NaN voxels},
	 * {@code 12 NaN and 1 infinite voxels} or {@code 1 infinite voxels}.
	 */
	public static String nonFinite(final long nan, final long infinite) {
		return (nan > 0 ? nan + " NaN" : "") + (nan > 0 && infinite > 0 ? " and " : "") + (infinite > 0 ? infinite +
			" infinite" : "") + " voxels";
	}

	/** The statistics of the scaled values (raw · slope + intercept) seen so far. */
	public Summary summary() {
		if (histogram != null) foldHistogram();
		final double rawMin = running.min(), rawMax = running.max();
		final double min = slope >= 0 ? rawMin : rawMax;
		final double max = slope >= 0 ? rawMax : rawMin;
		return new Summary(scale(min), scale(max), scale(running.mean()), running.nanCount(),
			running.infiniteCount(), labels());
	}

	/** The scaled label histogram, or null unless every value is an integer and they are few. */
	private SortedMap<Double, Long> labels() {
		if (distinct.overflowed()) return null;
		final SortedMap<Double, Long> scaled = new TreeMap<>();
		distinct.forEach((raw, count) -> scaled.merge(raw * slope + intercept, count, Long::sum));
		for (final double value : scaled.keySet()) {
			if (value != Math.rint(value)) return null;
		}
		return Collections.unmodifiableSortedMap(scaled);
	}

	private void foldHistogram() {
		final boolean signed = datatype == NiftiDatatype.INT8 || datatype == NiftiDatatype.INT16;
		final int half = histogram.length / 2;
		for (int i = 0; i < histogram.length; i++) {
			if (histogram[i] == 0) continue;
			final long raw = signed && i >= half ? i - histogram.length : i;
			running.addIntegerCount(raw, histogram[i], distinct);
		}
		histogram = null;
	}

	private double scale(final double raw) {
		return Double.isNaN(raw) ? Double.NaN : raw * slope + intercept;
	}

	/**
	 * Statistics of a volume's scaled values.
	 *
	 * @param min the smallest finite value, NaN if there is none
	 * @param max the largest finite value, NaN if there is none
	 * @param mean the mean of the finite values, NaN if there are none
	 * @param nanCount the number of NaN voxels
	 * @param infiniteCount the number of infinite voxels
	 * @param labels value → voxel count when every scaled value is an integer and there are at most
	 *          {@link #MAX_LABELS} distinct values, else {@code null}
	 */
	public record Summary(double min, double max, double mean, long nanCount, long infiniteCount,
		SortedMap<Double, Long> labels)
	{}
}
