package covidunet.evaluate;

import java.util.Arrays;

/**
 * Median, mean and standard deviation that leave NaN values out, as pandas does by default; NaN
 * when no value (or, for the standard deviation, fewer than two) remains.
 */
final class NanSkippingStatistics {

	private NanSkippingStatistics() {}

	/** The median: the middle value, or the mean of the two middle values. */
	static double median(final double[] values) {
		final double[] v = withoutNaN(values);
		if (v.length == 0) return Double.NaN;
		Arrays.sort(v);
		final int middle = v.length / 2;
		return v.length % 2 == 1 ? v[middle] : (v[middle - 1] + v[middle]) / 2;
	}

	/** The arithmetic mean. */
	static double mean(final double[] values) {
		final double[] v = withoutNaN(values);
		return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
	}

	/** The sample standard deviation (divided by n − 1, pandas' default). */
	static double standardDeviation(final double[] values) {
		final double[] v = withoutNaN(values);
		if (v.length < 2) return Double.NaN;
		final double mean = mean(v);
		return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
	}

	private static double[] withoutNaN(final double[] values) {
		return Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
	}
}
