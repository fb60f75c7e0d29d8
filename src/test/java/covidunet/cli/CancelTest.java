package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;

import covidunet.CancelledException;
import covidunet.command.EvaluateFoldsCommand;
import covidunet.command.SegmentVolumeCommand;
import covidunet.command.TrainUNetCommand;
import covidunet.command.run.CommandRunner;
import covidunet.dataset.TestDatasets;
import covidunet.evaluate.EvaluationReport;
import covidunet.evaluate.FoldEvaluation;
import covidunet.evaluate.MetricsTable;
import covidunet.evaluate.Report;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelDirectory;
import covidunet.model.train.CheckpointProbe;
import covidunet.model.train.History;
import covidunet.testing.CompleteOutputs;

/**
 * Cancel, as Fiji's Cancel and ImageJ's Esc do it ({@code ContextCommand.cancel} through
 * {@link CommandRunner#cancel}, see {@link CancellingFrontend}), of Segment Volume, Evaluate Folds
 * and Train COVID U-Net in a SciJava context: the command stops at its next check with a
 * {@link CancelledException}; what it wrote before is complete and what an uninterrupted run
 * writes; nothing is half-written; running the command again completes it.
 */
class CancelTest {

	@TempDir
	static Path shared;

	private static Path model;
	private static Path scans;
	private static Map<String, Path> segmented;
	private static Path dataset;
	private static Path folds;
	private static Path models;
	private static Map<String, Path> evaluated;

	@BeforeAll
	static void uninterrupted() throws IOException {
		model = SegmentInputs.model(shared.resolve("model"));
		scans = SegmentInputs.scans(shared.resolve("scans"), 5);
		assertEquals(0, Launch.with(new Main(Subcommands.standard()), segmentArgs(shared.resolve("segmented")).toArray(
			String[]::new)).code());
		segmented = CompleteOutputs.assertComplete(shared.resolve("segmented"));
		dataset = EvaluateInputs.dataset(shared.resolve("data"));
		folds = EvaluateInputs.folds(dataset, shared.resolve("folds.json"));
		models = EvaluateInputs.models(shared.resolve("models"));
		assertEquals(0, Launch.with(new Main(Subcommands.standard()), evaluateArgs(shared.resolve("evaluated")).toArray(
			String[]::new)).code());
		evaluated = CompleteOutputs.assertComplete(shared.resolve("evaluated"));
	}

	private static List<String> segmentArgs(final Path out) {
		return List.of("segment", "--input", scans.toString(), "--model", model.toString(), "--output", out.toString(),
			"--threads", "1");
	}

	private static List<String> evaluateArgs(final Path out) {
		return List.of("evaluate", "--output", out.toString(), "--dataset", dataset.toString(), "--folds_file", folds
			.toString(), "--models", models.toString(), "--threads", "1");
	}

	/** Runs {@code type} with {@code inputs}, cancelled at the {@code count}-th report whose task matches. */
	private static void runCancelled(final Class<? extends Command> type, final Map<String, ?> inputs,
		final Predicate<String> task, final int count)
	{
		try (Context context = CliContext.create(new PrintStream(OutputStream.nullOutputStream()))) {
			final CancellingFrontend frontend = new CancellingFrontend(task, count);
			final CommandRunner runner = new CommandRunner(context, frontend);
			frontend.cancelWith(runner);
			assertThrows(CancelledException.class, () -> runner.run(type, type.getSimpleName(), inputs));
		}
	}

	private static Map<String, String> segmentInputs(final Path out) {
		return Map.of("input", scans.toString(), "model", model.toString(), "output", out.toString(), "threads", "1");
	}

	/** Cancelled when the third case starts: the two cases done are kept; no volumes.csv yet. */
	@Test
	void aSegmentationCancelledAtACaseKeepsTheCasesDone(@TempDir final Path tmp) throws IOException {
		final Path out = tmp.resolve("out");
		runCancelled(SegmentVolumeCommand.class, segmentInputs(out), "case case_3"::equals, 1);
		final KilledRun.Left left = KilledRun.assertLeft(segmented, out);
		assertEquals(Set.of("case_1.nii.gz", "case_2.nii.gz"), left.visible().keySet());
		assertEquals(List.of(), left.hidden());
		KilledRun.assertRerun(segmented, out, CancelTest::segmentArgs);
	}

	/** Cancelled while the third label file is written: that write completes, then the run stops. */
	@Test
	void aSegmentationCancelledWhileWritingFinishesTheFileFirst(@TempDir final Path tmp) throws IOException {
		final Path out = tmp.resolve("out");
		runCancelled(SegmentVolumeCommand.class, segmentInputs(out), t -> t.startsWith("writing "), 3);
		final KilledRun.Left left = KilledRun.assertLeft(segmented, out);
		assertEquals(Set.of("case_1.nii.gz", "case_2.nii.gz", "case_3.nii.gz"), left.visible().keySet());
		assertEquals(List.of(), left.hidden());
		KilledRun.assertRerun(segmented, out, CancelTest::segmentArgs);
	}

	private static Map<String, String> evaluateInputs(final Path out) {
		return Map.of("output", out.toString(), "dataset", dataset.toString(), "folds_file", folds.toString(), "models",
			models.toString(), "threads", "1");
	}

	/** Cancelled while the second case is segmented: the first prediction (and its volumes) only. */
	@Test
	void anEvaluationCancelledWhileSegmentingKeepsThePredictionsDone(@TempDir final Path tmp) throws IOException {
		final Path out = tmp.resolve("out");
		runCancelled(EvaluateFoldsCommand.class, evaluateInputs(out), "segmenting"::equals, 20);
		final KilledRun.Left left = KilledRun.assertLeft(evaluated, out);
		assertEquals(Set.of(FoldEvaluation.PREDICTIONS + "/coronacases_001.nii.gz", FoldEvaluation.PREDICTIONS +
			"/coronacases_001_volumes.csv"), left.visible().keySet());
		assertEquals(List.of(), left.hidden());
		KilledRun.assertRerun(evaluated, out, CancelTest::evaluateArgs);
	}

	/**
	 * Cancelled while the case figures are drawn: the tables and the figures done are kept, and
	 * there is no report.html, which is written last.
	 */
	@Test
	void anEvaluationCancelledWhileDrawingHasNoReport(@TempDir final Path tmp) throws IOException {
		final Path out = tmp.resolve("out");
		runCancelled(EvaluateFoldsCommand.class, evaluateInputs(out), t -> t.startsWith("figures of "), 2);
		final KilledRun.Left left = KilledRun.assertLeft(evaluated, out);
		for (final String file : List.of(MetricsTable.DETAILED_FILE, MetricsTable.SUMMARY_FILE, EvaluationReport.FIGURES +
			"/boxplot_DSC.png", EvaluationReport.FIGURES + "/coronacases_001.gif"))
		{
			assertTrue(left.visible().containsKey(file), file + " is kept");
		}
		assertFalse(left.visible().containsKey(Report.FILE), "no report of a cancelled evaluation");
		assertEquals(List.of(), left.hidden());
		KilledRun.assertRerun(evaluated, out, CancelTest::evaluateArgs);
	}

	/**
	 * Cancelled in its third epoch: the training keeps its best exported model (of epoch 1 or 2),
	 * the checkpoint of epoch 2 and two history rows ({@link #assertEpochsKept}), and a resume
	 * continues from there.
	 */
	@Test
	void aCancelledTrainingKeepsItsBestModelAndResumes(@TempDir final Path tmp) throws IOException {
		final Path data = TestDatasets.zenodo(tmp.resolve("data"), TestDatasets.hu("coronacases_001", "coronacases_002",
			"coronacases_003"));
		final Path split = tmp.resolve("folds.json");
		assertEquals(0, Launch.with(new Main(Subcommands.standard()), "folds", "--dataset", data.toString(), "--output",
			split.toString(), "--folds", "3", "--seed", "1").code());
		final Path out = tmp.resolve("model");
		final List<String> train = List.of("train", "--dataset", data.toString(), "--folds_file", split.toString(),
			"--fold", "0", "--output", out.toString(), "--cache", tmp.resolve("cache").toString(), "--levels", "2",
			"--base", "2", "--patch", "8,8,4", "--batch", "1", "--iterations", "3", "--threads", "1");
		final Map<String, String> inputs = new HashMap<>();
		for (int i = 1; i < train.size(); i += 2) inputs.put(train.get(i).substring(2), train.get(i + 1));
		inputs.put("epochs", "10");
		runCancelled(TrainUNetCommand.class, inputs, t -> t.startsWith("epoch 3/"), 1);

		final List<History.Row> rows = History.read(out.resolve(History.FILE_NAME)).rows();
		final int kept = rows.size();
		assertEpochsKept(kept);
		assertEquals(List.of(kept), CheckpointProbe.restoreEach(out));
		int best = 1;
		for (int e = 2; e <= kept; e++) {
			if (rows.get(e - 1).valLoss() < rows.get(best - 1).valLoss()) best = e;
		}
		try (LoadedModel loaded = ModelDirectory.load(out)) {
			assertEquals(best, loaded.card().training().get("selected_epoch").getAsInt(), "the best model is kept");
		}
		assertEquals(List.of(), CompleteOutputs.hidden(out));
		CompleteOutputs.assertComplete(out);

		final List<String> resume = new ArrayList<>(train);
		resume.addAll(List.of("--epochs", String.valueOf(kept + 2), "--resume", "true"));
		final Launch resumed = Launch.with(new Main(Subcommands.standard()), resume.toArray(String[]::new));
		assertEquals(0, resumed.code(), resumed.err());
		final List<History.Row> after = History.read(out.resolve(History.FILE_NAME)).rows();
		assertEquals(kept + 2, after.size());
		assertEquals(rows, after.subList(0, kept), "the epochs before the cancel are kept");
	}

	/** Cancelled when the third epoch starts, in this JVM: the third epoch is not recorded. */
	void assertEpochsKept(final int kept) {
		assertEquals(2, kept, "the third epoch was not recorded");
	}
}
