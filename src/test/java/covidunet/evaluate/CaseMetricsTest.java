package covidunet.evaluate;

import static covidunet.evaluate.EvaluatedClass.BACKGROUND;
import static covidunet.evaluate.EvaluatedClass.INFECTION;
import static covidunet.evaluate.EvaluatedClass.LUNGS_MEAN;
import static covidunet.evaluate.EvaluatedClass.LUNGS_UNION;
import static covidunet.evaluate.EvaluatedClass.LUNG_L;
import static covidunet.evaluate.EvaluatedClass.LUNG_R;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Metrics computed by hand on tiny volumes with 0.7 × 0.7 × 2.5 mm voxels. */
class CaseMetricsTest {

	private static final double[] SPACING = { 0.7, 0.7, 2.5 };
	private static final double EXACT = 1e-9;

	/**
	 * A 10 × 1 × 1 line, so every voxel of a class is on its surface: the truth's left lung at x 2–3,
	 * the prediction's at x 3–5, no right lung and no infection in either.
	 */
	@Test
	void lineOfVoxels() {
		final LabelGrid truth = new LabelGrid(10, 1, 1).fill(2, 0, 0, 3, 0, 0, 1);
		final LabelGrid prediction = new LabelGrid(10, 1, 1).fill(3, 0, 0, 5, 0, 0, 1);
		final CaseMetrics m = CaseMetrics.of(truth.labels, prediction.labels, truth.size, SPACING);
		// TP 1, FP 2, FN 1, TN 6; distances truth→prediction 0.7, 0; prediction→truth 0, 0.7, 1.4.
		final Map<Metric, Double> lung = Map.of(Metric.DSC, 0.4, Metric.IOU, 0.25, Metric.SENS, 0.5, Metric.PREC, 1 /
			3.0, Metric.SPEC, 0.75, Metric.ACC, 0.7, Metric.HD95, 0.7 + 0.8 * 0.7, Metric.NSD, 0.8);
		assertMetrics(lung, m, LUNG_L);
		assertMetrics(lung, m, LUNGS_UNION);
		final Map<Metric, Double> absent = Map.of(Metric.DSC, 1.0, Metric.IOU, 1.0, Metric.SENS, 1.0, Metric.PREC, 1.0,
			Metric.SPEC, 1.0, Metric.ACC, 1.0, Metric.HD95, 0.0, Metric.NSD, 1.0);
		assertMetrics(absent, m, LUNG_R);
		assertMetrics(absent, m, INFECTION);
		for (final Metric metric : Metric.values()) {
			assertEquals((lung.get(metric) + absent.get(metric)) / 2, m.value(LUNGS_MEAN, metric), 1e-6, metric.key());
		}
		// Background: truth x 0-1 and 4-9, prediction x 0-2 and 6-9; TP 6, FP 1, FN 2, TN 1; pooled
		// distances twelve 0, two 0.7, one 1.4.
		assertMetrics(Map.of(Metric.DSC, 0.8, Metric.IOU, 6 / 9.0, Metric.SENS, 0.75, Metric.PREC, 6 / 7.0, Metric.SPEC,
			0.5, Metric.ACC, 0.7, Metric.HD95, 0.7 + 0.3 * 0.7, Metric.NSD, 14 / 15.0), m, BACKGROUND);
	}

	@Test
	void singleVoxelsOneSliceApart() {
		final LabelGrid truth = new LabelGrid(3, 3, 4).set(1, 1, 1, 3).set(0, 0, 0, 1);
		final LabelGrid prediction = new LabelGrid(3, 3, 4).set(1, 1, 2, 3).set(0, 0, 1, 1);
		final CaseMetrics m = CaseMetrics.of(truth.labels, prediction.labels, truth.size, SPACING);
		for (final EvaluatedClass c : new EvaluatedClass[] { INFECTION, LUNG_L }) {
			assertEquals(0, m.value(c, Metric.DSC), EXACT);
			assertEquals(0, m.value(c, Metric.SENS), EXACT);
			assertEquals(2.5, m.value(c, Metric.HD95), 1e-6);
		}
		assertEquals(1, m.value(INFECTION, Metric.NSD), EXACT, "2.5 mm is within infection's 3 mm");
		assertEquals(0, m.value(LUNG_L, Metric.NSD), EXACT, "2.5 mm is beyond the lungs' 1 mm");
		assertEquals(34 / 35.0, m.value(INFECTION, Metric.SPEC), EXACT);
	}

	@Test
	void distancesCombineTheAxesInMillimetres() {
		assertDistance(1, 1, 1, Math.sqrt(0.49 + 0.49 + 6.25), 1);
		assertDistance(2, 1, 1, Math.sqrt(1.96 + 0.49 + 6.25), 1);
		assertDistance(2, 2, 1, Math.sqrt(1.96 + 1.96 + 6.25), 0);
	}

	/** Truth infection at (0, 0, 0), predicted there and at (2, 2, 1), 3.19 mm away. */
	@Test
	void percentileInterpolatesBetweenRanks() {
		final LabelGrid truth = new LabelGrid(3, 3, 2).set(0, 0, 0, 3);
		final LabelGrid prediction = new LabelGrid(3, 3, 2).set(0, 0, 0, 3).set(2, 2, 1, 3);
		final CaseMetrics m = CaseMetrics.of(truth.labels, prediction.labels, truth.size, SPACING);
		final double far = Math.sqrt(1.96 + 1.96 + 6.25);
		assertEquals(0.9 * far, m.value(INFECTION, Metric.HD95), 1e-6, "pooled 0, 0, 3.19: rank 1.9");
		assertEquals(2 / 3.0, m.value(INFECTION, Metric.NSD), EXACT);
		assertEquals(2 / 3.0, m.value(INFECTION, Metric.DSC), EXACT);
		assertEquals(0.5, m.value(INFECTION, Metric.PREC), EXACT);
		assertEquals(1, m.value(INFECTION, Metric.SENS), EXACT);
	}

	/** A 3 × 3 × 3 block and the same block without its centre have the same surface. */
	@Test
	void interiorVoxelsAreNotSurface() {
		final LabelGrid truth = new LabelGrid(5, 5, 5).fill(1, 1, 1, 3, 3, 3, 2);
		final LabelGrid prediction = new LabelGrid(5, 5, 5).fill(1, 1, 1, 3, 3, 3, 2).set(2, 2, 2, 0);
		final CaseMetrics m = CaseMetrics.of(truth.labels, prediction.labels, truth.size, SPACING);
		assertEquals(52 / 53.0, m.value(LUNG_R, Metric.DSC), EXACT);
		assertEquals(26 / 27.0, m.value(LUNG_R, Metric.IOU), EXACT);
		assertEquals(0, m.value(LUNG_R, Metric.HD95), EXACT);
		assertEquals(1, m.value(LUNG_R, Metric.NSD), EXACT);
	}

	@Test
	void classMissingFromThePrediction() {
		final LabelGrid truth = new LabelGrid(4, 4, 2).fill(0, 0, 0, 3, 3, 1, 1).set(1, 1, 0, 3);
		final LabelGrid prediction = new LabelGrid(4, 4, 2).fill(0, 0, 0, 3, 3, 1, 1);
		final CaseMetrics m = CaseMetrics.of(truth.labels, prediction.labels, truth.size, SPACING);
		assertMetrics(Map.of(Metric.DSC, 0.0, Metric.IOU, 0.0, Metric.SENS, 0.0, Metric.PREC, 0.0, Metric.SPEC, 1.0,
			Metric.ACC, 31 / 32.0, Metric.HD95, Double.NaN, Metric.NSD, 0.0), m, INFECTION);
	}

	@Test
	void classMissingFromTheTruth() {
		final LabelGrid truth = new LabelGrid(4, 4, 2).fill(0, 0, 0, 3, 3, 1, 1);
		final LabelGrid prediction = new LabelGrid(4, 4, 2).fill(0, 0, 0, 3, 3, 1, 1).set(1, 1, 0, 3).set(2, 1, 0, 3);
		final CaseMetrics m = CaseMetrics.of(truth.labels, prediction.labels, truth.size, SPACING);
		assertMetrics(Map.of(Metric.DSC, 0.0, Metric.IOU, 0.0, Metric.SENS, 0.0, Metric.PREC, 0.0, Metric.SPEC, 30 /
			32.0, Metric.ACC, 30 / 32.0, Metric.HD95, Double.NaN, Metric.NSD, 0.0), m, INFECTION);
		assertEquals(1, m.value(LUNG_L, Metric.SPEC), EXACT, "the truth's left lung fills the volume");
		assertEquals(30 / 32.0, m.value(LUNG_L, Metric.SENS), EXACT);
	}

	@Test
	void lungsMeanIsNaNWhereALungsDistanceIs() {
		final LabelGrid truth = new LabelGrid(4, 1, 1).set(0, 0, 0, 1).set(3, 0, 0, 2);
		final LabelGrid prediction = new LabelGrid(4, 1, 1).set(0, 0, 0, 1);
		final CaseMetrics m = CaseMetrics.of(truth.labels, prediction.labels, truth.size, SPACING);
		assertEquals(0, m.value(LUNG_L, Metric.HD95), EXACT);
		assertEquals(Double.NaN, m.value(LUNGS_MEAN, Metric.HD95));
		assertEquals(0.5, m.value(LUNGS_MEAN, Metric.DSC), EXACT);
		assertEquals(2 / 3.0, m.value(LUNGS_UNION, Metric.DSC), EXACT);
	}

	@Test
	void theRuleNamesEveryMetric() {
		for (final Metric metric : Metric.values()) {
			assertTrue(CaseMetrics.EMPTY_CLASS_RULE.contains(metric.key()), metric.key());
		}
	}

	/** The truth's infection at (0, 0, 0), the prediction's at (x, y, z). */
	private static void assertDistance(final int x, final int y, final int z, final double mm, final double nsd) {
		final LabelGrid truth = new LabelGrid(3, 3, 2).set(0, 0, 0, 3);
		final LabelGrid prediction = new LabelGrid(3, 3, 2).set(x, y, z, 3);
		final CaseMetrics m = CaseMetrics.of(truth.labels, prediction.labels, truth.size, SPACING);
		assertEquals(mm, m.value(INFECTION, Metric.HD95), 1e-6, "HD95 to " + x + "," + y + "," + z);
		assertEquals(nsd, m.value(INFECTION, Metric.NSD), EXACT, "NSD to " + x + "," + y + "," + z);
	}

	private static void assertMetrics(final Map<Metric, Double> expected, final CaseMetrics m, final EvaluatedClass c) {
		for (final Metric metric : Metric.values()) {
			final double tolerance = metric == Metric.HD95 ? 1e-6 : EXACT;
			assertEquals(expected.get(metric), m.value(c, metric), tolerance, c.key() + " " + metric.key());
		}
	}
}
