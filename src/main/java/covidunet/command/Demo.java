package covidunet.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.Dataset;
import covidunet.dataset.FoldSplitter;
import covidunet.dataset.Folds;
import covidunet.evaluate.EvaluationReport;
import covidunet.evaluate.FoldEvaluation;
import covidunet.io.AtomicFiles;
import covidunet.model.TensorFlowRuntime;
import covidunet.model.train.FoldTraining;
import covidunet.model.train.TrainingOptions;
import covidunet.phantom.PhantomCohort;
import covidunet.predict.Segmenter;

/**
 * The demo ({@link RunDemoCommand}): a 20-case phantom cohort (seed 1), a seeded 5-fold split,
 * training of the device's default network (fold 0 for {@value #ONE_FOLD_MINUTES} minutes, or every
 * fold for {@value #ALL_FOLDS_MINUTES} minutes each), segmentation of the validation cases by
 * their fold's model, and the evaluation. Reuses what a previous run left in the folder (the
 * cohort, the split, finished or interrupted trainings, predictions).
 */
final class Demo {

	/** Training minutes for one fold. */
	static final int ONE_FOLD_MINUTES = 9;

	/** Training minutes per fold when every fold is trained. */
	static final int ALL_FOLDS_MINUTES = 3;

	private static final long SEED = 1;
	private static final int CASES = 20;

	private Demo() {}

	/**
	 * Runs the demo into {@code root}.
	 *
	 * @param allFolds whether every fold is trained, or fold 0 only
	 * @param minutes training minutes per fold, or 0 for the demo's
	 * @return the evaluation's {@code report.html}
	 */
	static Path run(final Path folder, final boolean allFolds, final double minutes, final Progress progress) {
		final Path root = folder.toAbsolutePath().normalize();
		final double perFold = minutes > 0 ? minutes : allFolds ? ALL_FOLDS_MINUTES : ONE_FOLD_MINUTES;
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
		final TrainingOptions.Resolved config = TrainingOptions.NONE.resolve(null, null, TensorFlowRuntime.devices());
		final Path output = allFolds ? models : FoldTraining.foldDirectory(models, 0);
		if (trained(models, allFolds)) {
			progress.report("using the models in " + models, 1, 1);
		}
		else {
			progress.report("training with " + config.origin() + ", " + perFold + " minutes per fold", 0, 1);
			FoldTraining.train(FoldTraining.Request.builder(cohort, foldsFile, fold, output, root.resolve("cache"), config
				.config()).seed(SEED).resume(true).maxMinutes(perFold).progress(progress, null).build());
		}
		final List<FoldEvaluation.ScoredCase> scored = FoldEvaluation.folds(cohort, foldsFile, fold, models, evaluation,
			Segmenter.Options.defaults(), 0, progress);
		createFolder(evaluation);
		return EvaluationReport.write(evaluation, scored, models, progress);
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
}
