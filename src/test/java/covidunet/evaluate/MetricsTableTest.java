package covidunet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detailed and summary tables of cases with chosen values. */
class MetricsTableTest {

	private static final String CLASSES = "background,lung_L,lung_R,infection,lungs_mean,lungs_union";

	/** Fold 0: cases valued 0.2, 0.4, 0.9; fold 1: 0.5 and 0.7, whose HD95 is NaN. */
	private static MetricsTable table() {
		return new MetricsTable().add("a", 0, uniform(0.2, 0.2)).add("d", 1, uniform(0.5, 0.5)).add("b", 0, uniform(0.4,
			0.4)).add("e", 1, uniform(0.7, Double.NaN)).add("c", 0, uniform(0.9, 0.9));
	}

	@Test
	void detailedHasOneRowPerCaseAndMetric() {
		final List<String> lines = table().detailed().toCsv().lines().toList();
		assertEquals("index,fold,score," + CLASSES, lines.get(0));
		assertEquals(1 + 5 * Metric.values().length, lines.size());
		assertEquals("a,0,DSC,0.2,0.2,0.2,0.2,0.2,0.2", lines.get(1));
		assertEquals("a,0,NSD,0.2,0.2,0.2,0.2,0.2,0.2", lines.get(8));
		assertEquals("d,1,DSC,0.5,0.5,0.5,0.5,0.5,0.5", lines.get(9));
		assertEquals("e,1,HD95,NaN,NaN,NaN,NaN,NaN,NaN", lines.get(3 * 8 + 7));
	}

	@Test
	void summaryHasFoldMediansThenTheirMeanAndDeviation() {
		final List<String> lines = table().summary().toCsv().lines().toList();
		assertEquals("fold,score," + CLASSES, lines.get(0));
		assertEquals(1 + 4 * Metric.values().length, lines.size());
		assertEquals("0,DSC,0.4,0.4,0.4,0.4,0.4,0.4", lines.get(1));
		assertEquals("1,DSC,0.6,0.6,0.6,0.6,0.6,0.6", lines.get(9));
		assertEquals("1,HD95,0.5,0.5,0.5,0.5,0.5,0.5", lines.get(9 + Metric.HD95.ordinal()));
		assertEquals("mean,DSC,0.5,0.5,0.5,0.5,0.5,0.5", lines.get(17));
		assertEquals("mean,HD95,0.45,0.45,0.45,0.45,0.45,0.45", lines.get(17 + Metric.HD95.ordinal()));
		assertEquals("std,DSC,0.141421,0.141421,0.141421,0.141421,0.141421,0.141421", lines.get(25));
		assertEquals("std,HD95,0.0707107,0.0707107,0.0707107,0.0707107,0.0707107,0.0707107", lines.get(25 + Metric.HD95
			.ordinal()));
	}

	@Test
	void writesBothFiles(@TempDir final Path folder) throws IOException {
		final MetricsTable table = table();
		table.write(folder);
		assertEquals(table.detailed().toCsv(), Files.readString(folder.resolve("cv_results.detailed.csv")));
		assertEquals(table.summary().toCsv(), Files.readString(folder.resolve("cv_results.final.csv")));
	}

	/** A case whose every class and metric has {@code value}, except HD95, which has {@code hd95}. */
	private static CaseMetrics uniform(final double value, final double hd95) {
		final Map<EvaluatedClass, Map<Metric, Double>> values = new EnumMap<>(EvaluatedClass.class);
		for (final EvaluatedClass c : EvaluatedClass.values()) {
			final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
			for (final Metric m : Metric.values()) metrics.put(m, m == Metric.HD95 ? hd95 : value);
			values.put(c, metrics);
		}
		return new CaseMetrics(values);
	}
}
