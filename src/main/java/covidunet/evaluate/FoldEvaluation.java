package covidunet.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.CaseNames;
import covidunet.dataset.Dataset;
import covidunet.dataset.Fold;
import covidunet.dataset.Folds;
import covidunet.io.AtomicFiles;
import covidunet.io.nifti.NiftiNames;
import covidunet.model.train.FoldTraining;
import covidunet.predict.ModelSet;
import covidunet.predict.SegmentJob;
import covidunet.predict.Segmenter;

/**
 * What {@code evaluate} and Evaluate Folds do: score predictions against the truth and write
 * {@value MetricsTable#DETAILED_FILE} and {@value MetricsTable#SUMMARY_FILE} into the output
 * folder. Two forms: every fold of a folds file, each fold's model ({@code models/fold_k})
 * segmenting its validation cases into {@code output/predictions/} unless they are there already;
 * or a plain pair of folders of predictions and masks, paired by case id (all in fold 0).
 */
public final class FoldEvaluation {

	/** The folder of predictions inside the output. */
	public static final String PREDICTIONS = "predictions";

	/**
	 * One scored case.
	 *
	 * @param id the case id
	 * @param fold its fold
	 * @param image the CT, or null if not known (a pair of folders)
	 * @param truth the mask
	 * @param prediction the predicted labels
	 * @param metrics its scores
	 */
	public record ScoredCase(String id, int fold, Path image, Path truth, Path prediction, CaseMetrics metrics) {}

	private FoldEvaluation() {}

	/**
	 * Scores a folder of predictions against a folder of masks, paired by case id: a file's case
	 * id is the dataset's for its name ({@code coronacases_001.nii.gz}, or an image name such as
	 * {@code coronacases_org_001.nii.gz}), else its name without the extension.
	 *
	 * @param ignoreAffine compare voxel for voxel even where a prediction's affine differs from its
	 *          mask's (see {@link CaseMetrics#read(Path, Path, boolean)})
	 * @throws BadInputException if a folder is missing or they share no case
	 */
	public static List<ScoredCase> pairs(final Path predictions, final Path masks, final boolean ignoreAffine,
		final Progress progress)
	{
		final Map<String, Path> predicted = byCaseId(predictions, "predictions");
		final Map<String, Path> truths = byCaseId(masks, "masks");
		final List<String> ids = new ArrayList<>(truths.keySet());
		ids.retainAll(predicted.keySet());
		if (ids.isEmpty()) {
			throw new BadInputException("predictions " + predictions + " and masks " + masks + ": no case id in common");
		}
		final List<ScoredCase> scored = new ArrayList<>();
		for (final String id : ids) {
			progress.checkCancelled();
			progress.report("scoring " + id, scored.size(), ids.size());
			scored.add(new ScoredCase(id, 0, null, truths.get(id), predicted.get(id), CaseMetrics.read(truths.get(id), predicted
				.get(id), ignoreAffine)));
		}
		progress.report("scored", ids.size(), ids.size());
		return scored;
	}

	/**
	 * Scores every fold of a folds file: fold k's model ({@code models/fold_k}) segments its
	 * validation cases into {@code output/predictions/<case>.nii.gz} unless they exist.
	 *
	 * @throws BadInputException naming what is missing (a fold's model, a case of the folds file
	 *           in the dataset)
	 */
	public static List<ScoredCase> folds(final Path datasetFolder, final Path foldsFile, final Path models,
		final Path output, final Segmenter.Options options, final int threads, final Progress progress)
	{
		return folds(datasetFolder, foldsFile, FoldTraining.ALL, models, output, options, threads, progress);
	}

	/**
	 * As {@link #folds(Path, Path, Path, Path, Segmenter.Options, int, Progress)} for the folds
	 * {@code which} names: a fold number or {@value FoldTraining#ALL}.
	 */
	public static List<ScoredCase> folds(final Path datasetFolder, final Path foldsFile, final String which,
		final Path models, final Path output, final Segmenter.Options options, final int threads,
		final Progress progress)
	{
		final Dataset dataset = Dataset.open(datasetFolder);
		final Folds all = Folds.read(foldsFile);
		final List<Fold> folds = FoldTraining.indices(which, all.k()).stream().map(all::fold).toList();
		final Path predictions = output.resolve(PREDICTIONS);
		final int total = folds.stream().mapToInt(f -> f.validation().size()).sum();
		for (final Fold fold : folds) {
			final Path model = FoldTraining.foldDirectory(models, fold.index());
			if (!Files.isDirectory(model)) {
				throw new BadInputException("models " + models + ": no " + model.getFileName() + " for fold " + fold.index());
			}
		}
		final List<ScoredCase> scored = new ArrayList<>();
		for (final Fold fold : folds) {
			final List<CaseFiles> cases = new ArrayList<>();
			for (final String id : fold.validation()) {
				cases.add(dataset.find(id).orElseThrow(() -> new BadInputException("folds file " + foldsFile + ": case " +
					id + " is not in the dataset " + dataset.root())));
			}
			segmentMissing(cases, FoldTraining.foldDirectory(models, fold.index()), predictions, options, threads, progress);
			for (final CaseFiles c : cases) {
				progress.checkCancelled();
				progress.report("scoring fold " + fold.index() + ": " + c.id(), scored.size(), total);
				final Path prediction = predictions.resolve(c.id() + ".nii.gz");
				scored.add(new ScoredCase(c.id(), fold.index(), c.image(), c.mask(), prediction, CaseMetrics.read(c.mask(),
					prediction)));
			}
		}
		return scored;
	}

	private static void segmentMissing(final List<CaseFiles> cases, final Path model, final Path predictions,
		final Segmenter.Options options, final int threads, final Progress progress)
	{
		final List<CaseFiles> missing = cases.stream().filter(c -> !Files.exists(predictions.resolve(c.id() +
			".nii.gz"))).toList();
		if (missing.isEmpty()) return;
		try {
			Files.createDirectories(predictions);
		}
		catch (final IOException e) {
			throw new BadInputException("output " + predictions + ": cannot create (" + AtomicFiles.reason(e) + ")", e);
		}
		try (ModelSet set = ModelSet.load(model, threads)) {
			final SegmentJob job = new SegmentJob(new Segmenter(set, options), set.card().classes(), progress);
			for (final CaseFiles c : missing) {
				job.run(new SegmentJob.Request(c.image(), predictions.resolve(c.id() + ".nii.gz"), false, false));
			}
		}
	}

	/** The table of the scored cases. */
	public static MetricsTable table(final List<ScoredCase> scored) {
		final MetricsTable table = new MetricsTable();
		for (final ScoredCase c : scored) table.add(c.id(), c.fold(), c.metrics());
		return table;
	}

	private static Map<String, Path> byCaseId(final Path folder, final String what) {
		if (!Files.isDirectory(folder)) throw new BadInputException(what + " " + folder + ": no such folder");
		final Map<String, Path> files = new TreeMap<>();
		try {
			for (final Path p : NiftiNames.filesIn(folder)) files.put(CaseNames.caseIdOfFile(p), p);
		}
		catch (final IOException e) {
			throw new BadInputException(what + " " + folder + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
		return files;
	}
}
