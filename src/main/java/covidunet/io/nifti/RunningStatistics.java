package covidunet.io.nifti;

/**
 * Running min, max and sum of finite raw voxel values, and counts of NaN and infinite ones.
 * Integer sums are kept exactly while they fit in a long.
 */
final class RunningStatistics {

	private double min = Double.POSITIVE_INFINITY;
	private double max = Double.NEGATIVE_INFINITY;
	private long integerSum;
	private boolean integerSumOverflowed;
	private double realSum;
	private long count;
	private long nanCount;
	private long infiniteCount;

	void addInteger(final long value, final DistinctValues distinct) {
		addIntegerCount(value, 1, distinct);
	}

	void addIntegerCount(final long value, final long times, final DistinctValues distinct) {
		if (value < min) min = value;
		if (value > max) max = value;
		if (!integerSumOverflowed) {
			try {
				integerSum = Math.addExact(integerSum, Math.multiplyExact(value, times));
			}
			catch (final ArithmeticException e) {
				integerSumOverflowed = true;
				realSum = (double) integerSum + (double) value * times;
			}
		}
		else {
			realSum += (double) value * times;
		}
		count += times;
		distinct.add(value, times);
	}

	void addReal(final double value, final DistinctValues distinct) {
		if (Double.isNaN(value)) {
			nanCount++;
			distinct.overflow();
			return;
		}
		if (Double.isInfinite(value)) {
			infiniteCount++;
			distinct.overflow();
			return;
		}
		if (value < min) min = value;
		if (value > max) max = value;
		realSum += value;
		count++;
		if (!distinct.overflowed()) {
			if (value == Math.rint(value) && Math.abs(value) < 0x1p53) distinct.add((long) value, 1);
			else distinct.overflow();
		}
	}

	double min() {
		return count == 0 ? Double.NaN : min;
	}

	double max() {
		return count == 0 ? Double.NaN : max;
	}

	double mean() {
		if (count == 0) return Double.NaN;
		return (integerSumOverflowed ? realSum : integerSum + realSum) / count;
	}

	long nanCount() {
		return nanCount;
	}

	long infiniteCount() {
		return infiniteCount;
	}
}
