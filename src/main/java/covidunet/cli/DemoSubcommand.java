package covidunet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.Dataset;
import covidunet.dataset.FoldSplitter;
import covidunet.dataset.Folds;
import covidunet.evaluate.FoldEvaluation;
import covidunet.evaluate.EvaluationReport;
import covidunet.io.AtomicFiles;
import covidunet.model.TensorFlowRuntime;
import covidunet.model.train.FoldTraining;
import covidunet.model.train.TrainingOptions;
import covidunet.phantom.PhantomCohort;
import covidunet.predict.Segmenter;

/**
 * {@code demo --output DIR [--all_folds true] [--minutes M]}: the whole method on the synthetic
 * cohort, as a first run should show it — a 20-case phantom cohort (seed 1), a seeded 5-fold
 * split, training of the device's default network (fold 0 for {@value #ONE_FOLD_MINUTES} minutes,
 * or every fold for {@value #ALL_FOLDS_MINUTES} minutes each), segmentation of the validation cases
 * by their fold's model, and the evaluation tables. Reuses what a previous run left in the folder
 * (the cohort, the split, finished or interrupted trainings, predictions).
 */
final class DemoSubcommand {

	/** Training minutes for one fold. */
	static final double ONE_FOLD_MINUTES = 9;

	/** Training minutes per fold with {@code --all_folds true}. */
	static final double ALL_FOLDS_MINUTES = 3;

	private static final long SEED = 1;
	private static final int CASES = 20;

	private DemoSubcommand() {}

	/** Runs the demo (see the class description) and prints where its results are. */
	static void run(final Map<String, String> options, final PrintStream out) {
		final Path root = Path.of(required(options, "output")).toAbsolutePath().normalize();
		final boolean allFolds = Boolean.parseBoolean(options.getOrDefault("all_folds", "false"));
		final double minutes = options.containsKey("minutes") ? number(options.get("minutes")) : allFolds ?
			ALL_FOLDS_MINUTES : ONE_FOLD_MINUTES;
		final Progress progress = new ConsoleProgress(out);
		final Path cohort = root.resolve("cohort"), foldsFile = root.resolve("folds.json"), models = root.resolve(
			"models"), evaluation = root.resolve("evaluation");
		createFolder(root);
		if (!Files.isDirectory(cohort)) PhantomCohort.of(SEED, CASES, "small").write(cohort, false, 0, progress);
		if (!Files.isRegularFile(foldsFile)) {
			final Folds split = FoldSplitter.split(Dataset.open(cohort).intensityKinds(progress), FoldSplitter.DEFAULT_FOLDS,
				SEED);
			split.write(foldsFile, false);
		}
		final String fold = allFolds ? FoldTraining.ALL : "0";
		final TrainingOptions.Resolved config = TrainingOptions.NONE.resolve(null, null,
			TensorFlowRuntime.devices());
		final Path output = allFolds ? models : FoldTraining.foldDirectory(models, 0);
		if (trained(models, allFolds)) {
			out.println("using the models in " + models);
		}
		else {
			out.println("training with " + config.origin() + ", " + minutes + " minutes per fold");
			FoldTraining.train(FoldTraining.Request.builder(cohort, foldsFile, fold, output, root.resolve("cache"), config
				.config()).seed(SEED).resume(true).maxMinutes(minutes).progress(progress, null).build());
		}
		final List<FoldEvaluation.ScoredCase> scored = FoldEvaluation.folds(cohort, foldsFile, fold, models, evaluation,
			Segmenter.Options.defaults(), 0, progress);
		createFolder(evaluation);
		final Path report = EvaluationReport.write(evaluation, scored, models, progress);
		out.println("demo finished: " + report);
	}

	/** Whether every fold model the demo needs has been exported. */
	private static boolean trained(final Path models, final boolean allFolds) {
		for (int k = 0; k < (allFolds ? FoldSplitter.DEFAULT_FOLDS : 1); k++) {
			if (!Files.isRegularFile(FoldTraining.foldDirectory(models, k).resolve("model.json"))) return false;
		}
		return true;
	}

	private static void createFolder(final Path folder) {
		try {
			Files.createDirectories(folder);
		}
		catch (final IOException e) {
			throw new BadInputException("output " + folder + ": cannot create (" + AtomicFiles.reason(e) + ")", e);
		}
	}

	private static String required(final Map<String, String> options, final String key) {
		final String v = options.get(key);
		if (v == null || v.isBlank()) throw new BadInputException("--" + key + " is required");
		return v;
	}

	private static double number(final String text) {
		try {
			final double v = Double.parseDouble(text);
			if (!(v > 0) || Double.isInfinite(v)) throw new NumberFormatException();
			return v;
		}
		catch (final NumberFormatException e) {
			throw new BadInputException("minutes: '" + text + "' must be a positive number", e);
		}
	}

	/** Progress lines on the console: each new task, and its end. */
	private static final class ConsoleProgress implements Progress {

		private final PrintStream out;
		private String last = "";

		ConsoleProgress(final PrintStream out) {
			this.out = out;
		}

		@Override
		public synchronized void report(final String task, final long done, final long total) {
			if (task.equals(last) && done != total) return;
			last = task;
			out.println(task + " (" + done + "/" + total + ")");
			out.flush();
		}
	}
}
