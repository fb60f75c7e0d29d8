package covidunet.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;
import org.scijava.widget.FileWidget;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.evaluate.EvaluatedClass;
import covidunet.evaluate.EvaluationReport;
import covidunet.evaluate.FoldEvaluation;
import covidunet.evaluate.Metric;
import covidunet.evaluate.MetricsTable;
import covidunet.engine.ChildEngine;
import covidunet.engine.EngineInputs;
import covidunet.engine.TensorFlowEngine;
import covidunet.io.AddedPaths;
import covidunet.io.AtomicFiles;
import covidunet.io.OutputChecks;
import covidunet.predict.Segmenter;
import covidunet.ui.FigureWindows;
import covidunet.ui.ResultsTables;

/**
 * Plugins › COVID-19 U-Net › Evaluate Folds: scores predictions against the truth — every fold
 * of a folds file with its fold model, or a plain pair of folders — and writes the reference's
 * {@code cv_results.detailed.csv} and {@code cv_results.final.csv}, figures and {@code report.html}.
 * The launcher's {@code evaluate}. An evaluation that fails takes back what it added to the output
 * folder (predictions included), so that outputs appear complete or not at all.
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Evaluate Folds", headless = true,
	description = "Cross-validation scores (Dice, HD95, NSD…) of fold models, or of a folder of predictions")
public class EvaluateFoldsCommand extends ContextCommand {

	/** The title of the results table's window. */
	private static final String TABLE_TITLE = "COVID-19 U-Net evaluation";

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, description = "where the tables go")
	private File output;

	@Parameter(label = "Predictions folder (optional)", style = FileWidget.DIRECTORY_STYLE, required = false,
		description = "with masks: label files paired with the masks by case id")
	private File predictions;

	@Parameter(label = "Masks folder (optional)", style = FileWidget.DIRECTORY_STYLE, required = false,
		description = "with predictions: the ground truth")
	private File masks;

	@Parameter(label = "Ignore the predictions' affines", required = false, persist = false,
		description = "with predictions: compare voxel for voxel where a prediction's affine differs from its " +
			"mask's (predictions written without the scan's geometry, such as MIScnn's); dims must agree")
	private boolean ignore_affine;

	@Parameter(label = "Dataset folder (optional)", style = FileWidget.DIRECTORY_STYLE, required = false,
		description = "with folds_file and models: the dataset the folds were made from")
	private File dataset;

	@Parameter(label = "Folds file (optional)", style = FileWidget.OPEN_STYLE, required = false,
		description = "with dataset and models: the folds")
	private File folds_file;

	@Parameter(label = "Models folder (optional)", style = FileWidget.DIRECTORY_STYLE, required = false,
		description = "with dataset and folds_file: the fold_k model directories")
	private File models;

	@Parameter(label = "Threads", min = "0", required = false, description = "TensorFlow's threads; 0: its default")
	private int threads;

	@Parameter(type = ItemIO.OUTPUT, label = "Evaluation")
	private String summary;

	@Parameter
	private StatusService status;

	@Parameter
	private UIService ui;

	@Override
	public void run() {
		final Progress progress = new StatusProgress(status, this);
		if (TensorFlowEngine.isolated()) {
			summary = ChildEngine.run(getClass(), EngineInputs.of(this), progress, null).get("summary");
			if (!ui.isHeadless()) show(output.toPath().resolve(MetricsTable.DETAILED_FILE));
			return;
		}
		final boolean pairs = predictions != null || masks != null;
		final boolean folds = dataset != null || folds_file != null || models != null;
		if (pairs == folds) {
			throw new BadInputException("evaluate: give either --predictions and --masks, or --dataset, --folds_file " +
				"and --models");
		}
		final Path out = output.toPath();
		notInput(out, "predictions folder", predictions);
		notInput(out, "masks folder", masks);
		notInput(out, "dataset", dataset);
		notInput(out, "folds file", folds_file);
		notInput(out, "models folder", models);
		final AddedPaths added = AddedPaths.in(out);
		final List<FoldEvaluation.ScoredCase> scored;
		final Path report;
		try {
			scored = score(out, pairs, progress);
			report = EvaluationReport.write(out, scored, models == null ? null : models.toPath(), progress);
		}
		catch (final CancelledException e) {
			throw e; // keeps the finished predictions, tables and figures: running it again continues
		}
		catch (final RuntimeException | Error e) {
			added.remove();
			throw e;
		}
		if (!ui.isHeadless()) show(out.resolve(MetricsTable.DETAILED_FILE));
		final StringBuilder text = new StringBuilder();
		for (final FoldEvaluation.ScoredCase c : scored) {
			text.append(String.format(Locale.ROOT, "fold %d %s: DSC lungs %.4f, infection %.4f%n", c.fold(), c.id(), c
				.metrics().value(EvaluatedClass.LUNGS_UNION, Metric.DSC), c.metrics().value(EvaluatedClass.INFECTION,
					Metric.DSC)));
		}
		text.append("wrote ").append(out.resolve(MetricsTable.DETAILED_FILE)).append(", ").append(out.resolve(
			MetricsTable.SUMMARY_FILE)).append(" and ").append(report);
		summary = text.toString();
	}

	/** Creates the output folder and scores the cases (segmenting those without predictions). */
	private List<FoldEvaluation.ScoredCase> score(final Path out, final boolean pairs, final Progress progress) {
		try {
			Files.createDirectories(out);
		}
		catch (final IOException e) {
			throw new BadInputException("output " + out + ": cannot create (" + AtomicFiles.reason(e) + ")", e);
		}
		if (pairs) {
			if (predictions == null || masks == null) throw new BadInputException("evaluate: --predictions needs --masks");
			return FoldEvaluation.pairs(predictions.toPath(), masks.toPath(), ignore_affine, progress);
		}
		if (dataset == null || folds_file == null || models == null) {
			throw new BadInputException("evaluate: --dataset, --folds_file and --models go together");
		}
		return FoldEvaluation.folds(dataset.toPath(), folds_file.toPath(), models.toPath(), out, Segmenter.Options
			.defaults(), threads, progress);
	}

	/** Shows the detailed table and the figures. */
	private void show(final Path detailed) {
		ResultsTables.show(detailed, TABLE_TITLE);
		FigureWindows.show(detailed.resolveSibling(EvaluationReport.FIGURES));
	}

	private static void notInput(final Path out, final String role, final File input) {
		if (input != null) OutputChecks.notInput(out, role, input.toPath());
	}
}
