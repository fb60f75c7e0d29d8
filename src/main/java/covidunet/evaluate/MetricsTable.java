package covidunet.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import covidunet.io.AtomicFiles;
import covidunet.io.CsvTable;

/**
 * The cross-validation results in the reference's long form: {@value #DETAILED_FILE}, one row
 * per case and metric ({@code index} = the case id, {@code fold}, {@code score} = the metric's
 * key, then one column per {@link EvaluatedClass}), and {@value #SUMMARY_FILE}, one row per fold
 * and metric with the median over the fold's cases, then one row per metric with the mean over
 * the folds ({@code fold} = {@code mean}) and one with their sample standard deviation
 * ({@code std}). Medians, means and deviations leave NaN values (HD95 of a class one side lacks)
 * out, as pandas does; NaN when none remains.
 */
public final class MetricsTable {

	/** The per-case table's file name. */
	public static final String DETAILED_FILE = "cv_results.detailed.csv";

	/** The per-fold summary's file name. */
	public static final String SUMMARY_FILE = "cv_results.final.csv";

	private final List<ScoredCase> cases = new ArrayList<>();

	/** A case's metrics, scored as a validation case of {@code fold}. */
	public MetricsTable add(final String caseId, final int fold, final CaseMetrics metrics) {
		cases.add(new ScoredCase(caseId, fold, metrics));
		return this;
	}

	/** The per-case table, cases in the order added. */
	public CsvTable detailed() {
		final CsvTable table = new CsvTable(columns("index", "fold", "score"));
		for (final ScoredCase c : cases) {
			for (final Metric m : Metric.values()) {
				final List<Object> row = new ArrayList<>(List.of(c.id(), c.fold(), m.key()));
				for (final EvaluatedClass k : EvaluatedClass.values()) row.add(c.metrics().value(k, m));
				table.add(row.toArray());
			}
		}
		return table;
	}

	/** The summary: per fold (ascending) and metric the median, then the means, then the deviations. */
	public CsvTable summary() {
		final CsvTable table = new CsvTable(columns("fold", "score"));
		final List<Integer> folds = new ArrayList<>(new TreeSet<>(cases.stream().map(ScoredCase::fold).toList()));
		final double[][][] medians = new double[folds.size()][][];
		for (int f = 0; f < folds.size(); f++) {
			medians[f] = foldMedians(folds.get(f));
			for (final Metric m : Metric.values()) table.add(row(folds.get(f), m, medians[f][m.ordinal()]));
		}
		for (final String statistic : List.of("mean", "std")) {
			for (final Metric m : Metric.values()) {
				final double[] values = new double[EvaluatedClass.values().length];
				for (final EvaluatedClass k : EvaluatedClass.values()) {
					final double[] perFold = new double[folds.size()];
					for (int f = 0; f < folds.size(); f++) perFold[f] = medians[f][m.ordinal()][k.ordinal()];
					values[k.ordinal()] = statistic.equals("mean") ? NanSkippingStatistics.mean(perFold) :
						NanSkippingStatistics.standardDeviation(perFold);
				}
				table.add(row(statistic, m, values));
			}
		}
		return table;
	}

	/** Writes {@value #DETAILED_FILE} and {@value #SUMMARY_FILE} into {@code folder}, each atomically. */
	public void write(final Path folder) {
		AtomicFiles.writeString(folder.resolve(DETAILED_FILE), detailed().toCsv());
		AtomicFiles.writeString(folder.resolve(SUMMARY_FILE), summary().toCsv());
	}

	/** Per metric and class, the median over the fold's cases. */
	private double[][] foldMedians(final int fold) {
		final List<CaseMetrics> inFold = cases.stream().filter(c -> c.fold() == fold).map(ScoredCase::metrics).toList();
		final double[][] medians = new double[Metric.values().length][EvaluatedClass.values().length];
		for (final Metric m : Metric.values()) {
			for (final EvaluatedClass k : EvaluatedClass.values()) {
				final double[] values = inFold.stream().mapToDouble(c -> c.value(k, m)).toArray();
				medians[m.ordinal()][k.ordinal()] = NanSkippingStatistics.median(values);
			}
		}
		return medians;
	}

	private static Object[] row(final Object fold, final Metric metric, final double[] perClass) {
		final List<Object> row = new ArrayList<>(List.of(fold, metric.key()));
		for (final double v : perClass) row.add(v);
		return row.toArray();
	}

	private static List<String> columns(final String... first) {
		final List<String> columns = new ArrayList<>(List.of(first));
		for (final EvaluatedClass k : EvaluatedClass.values()) columns.add(k.key());
		return columns;
	}

	/** One validation case's metrics. */
	private record ScoredCase(String id, int fold, CaseMetrics metrics) {}
}
