package covidunet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Medians, means and deviations as pandas computes them. */
class NanSkippingStatisticsTest {

	private static final double NAN = Double.NaN;

	@Test
	void medianOfOddAndEvenCounts() {
		assertEquals(3, NanSkippingStatistics.median(new double[] { 5, 1, 3 }));
		assertEquals(2.5, NanSkippingStatistics.median(new double[] { 4, 1, NAN, 3, 2 }));
		assertEquals(NAN, NanSkippingStatistics.median(new double[] { NAN }));
	}

	@Test
	void meanAndSampleDeviationLeaveNaNOut() {
		assertEquals(2, NanSkippingStatistics.mean(new double[] { 1, NAN, 3 }));
		assertEquals(Math.sqrt(2), NanSkippingStatistics.standardDeviation(new double[] { 1, NAN, 3 }), 1e-15);
		assertEquals(NAN, NanSkippingStatistics.standardDeviation(new double[] { 1, NAN }), "one value: none");
		assertEquals(NAN, NanSkippingStatistics.mean(new double[0]));
	}
}
