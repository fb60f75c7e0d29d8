package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.evaluate.EvaluationReport;
import covidunet.evaluate.FoldEvaluation;
import covidunet.evaluate.MetricsTable;
import covidunet.evaluate.Report;
import covidunet.testing.CompleteOutputs;

/**
 * {@code evaluate} of two folds (six cases, a fold model each) in a child JVM, killed with SIGKILL
 * while it segments (when the second case is read, while a prediction is written, as soon as one
 * is), while it scores, while it writes a case's figure, while it writes {@code report.html}: each
 * file it left (predictions, their volumes, tables, figures, report) is complete and
 * byte-identical to an uninterrupted run's, and the same command run again completes with exactly
 * the uninterrupted run's files and no temporary (see {@link KilledRun}).
 */
class EvaluateKillTest {

	@TempDir
	static Path shared;

	private static Path dataset;
	private static Path folds;
	private static Path models;
	private static Map<String, Path> reference;

	@BeforeAll
	static void uninterrupted() throws IOException {
		dataset = EvaluateInputs.dataset(shared.resolve("data"));
		folds = EvaluateInputs.folds(dataset, shared.resolve("folds.json"));
		models = EvaluateInputs.models(shared.resolve("models"));
		final Path out = shared.resolve("uninterrupted");
		final Launch launch = Launch.with(new Main(Subcommands.standard()), args(out).toArray(String[]::new));
		assertEquals(0, launch.code(), launch.err());
		reference = CompleteOutputs.assertComplete(out);
		for (final String file : List.of(MetricsTable.DETAILED_FILE, MetricsTable.SUMMARY_FILE, Report.FILE,
			EvaluationReport.FIGURES + "/coronacases_004.gif", FoldEvaluation.PREDICTIONS + "/coronacases_004.nii.gz"))
		{
			assertTrue(reference.containsKey(file), file + " in " + reference.keySet());
		}
	}

	private static List<String> args(final Path out) {
		return List.of("evaluate", "--output", out.toString(), "--dataset", dataset.toString(), "--folds_file", folds
			.toString(), "--models", models.toString(), "--threads", "1");
	}

	@Test
	void aKilledEvaluationLeavesOnlyCompleteFilesAndARerunFinishesIt(@TempDir final Path tmp) throws Exception {
		final Map<String, KilledRun.Moment> moments = new LinkedHashMap<>();
		moments.put("SIGKILL when the second case is read", KilledRun.afterLine(l -> l.startsWith("reading "), 2));
		moments.put("SIGKILL while a prediction is written", KilledRun.whileWriting(l -> l.startsWith("reading "),
			FoldEvaluation.PREDICTIONS, ".coronacases_001.nii.gz.tmp-"));
		moments.put("SIGKILL as soon as a prediction is written", KilledRun.whenWritten(l -> l.startsWith("reading "),
			FoldEvaluation.PREDICTIONS + "/coronacases_001.nii.gz"));
		moments.put("SIGKILL when the fourth case is scored", KilledRun.afterLine(l -> l.startsWith("scoring "), 4));
		moments.put("SIGKILL while a case figure is written", KilledRun.whileWriting(l -> l.startsWith("figures of "),
			EvaluationReport.FIGURES, ".coronacases_"));
		moments.put("SIGKILL while report.html is written", KilledRun.whileWriting(l -> l.startsWith("figures of "), "",
			"." + Report.FILE + ".tmp-"));
		int run = 0;
		for (final Map.Entry<String, KilledRun.Moment> moment : moments.entrySet()) {
			final Path out = tmp.resolve("run-" + ++run);
			System.out.println("EvaluateKillTest " + moment.getKey() + ": left " + KilledRun.check(reference, out,
				EvaluateKillTest::args, moment.getValue()));
		}
	}
}
