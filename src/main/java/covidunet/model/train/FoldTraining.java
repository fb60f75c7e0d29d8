package covidunet.model.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.Dataset;
import covidunet.dataset.Fold;
import covidunet.dataset.Folds;
import covidunet.io.OutputChecks;
import covidunet.preprocess.CaseCache;
import covidunet.preprocess.PreprocessedCase;
import covidunet.sample.PatchProducer;

/**
 * Trains the folds of a folds file (the {@code train} subcommand and Train COVID U-Net): the
 * dataset's cases preprocessed through the cache, then one {@link Trainer} run per fold, into the
 * output folder itself for one fold or into {@code fold_k} subfolders for all of them.
 */
public final class FoldTraining {

	/** The value of {@code fold} that trains every fold in turn. */
	public static final String ALL = "all";

	/**
	 * What to train; built with {@link #builder}.
	 *
	 * @param dataset the dataset folder
	 * @param foldsFile the folds file ({@code folds} subcommand)
	 * @param fold a fold index (from 0) or {@value FoldTraining#ALL}
	 * @param output the model directory, or with {@value FoldTraining#ALL} the folder of
	 *          {@code fold_k} model directories
	 * @param cache the preprocessing cache's folder
	 * @param config how to train
	 * @param seed seeds weights and patches (see {@link TrainingRun})
	 * @param resume continue each fold from its latest checkpoint
	 * @param maxMinutes the time limit of each fold's training, or 0 for none
	 * @param threads the most threads the training uses (TensorFlow per operation; the patch producer one
	 *          less), or 0 for one per core
	 * @param initModel a model directory to fine-tune, or null
	 * @param progress reports progress and asks for cancellation
	 * @param listener follows the folds and epochs
	 */
	public record Request(Path dataset, Path foldsFile, String fold, Path output, Path cache, TrainingConfig config,
		long seed, boolean resume, double maxMinutes, int threads, Path initModel, Progress progress,
		TrainingListener listener)
	{

		/** Replaces a null progress by {@link Progress#NONE} and a null listener by {@link TrainingListener#NONE}. */
		public Request {
			progress = progress == null ? Progress.NONE : progress;
			listener = listener == null ? TrainingListener.NONE : listener;
		}

		/**
		 * A request with every optional setting at its default until set.
		 *
		 * @param dataset the dataset folder
		 * @param foldsFile the folds file ({@code folds} subcommand)
		 * @param fold a fold index (from 0) or {@value FoldTraining#ALL}
		 * @param output the model directory, or with {@value FoldTraining#ALL} the folder of
		 *          {@code fold_k} model directories
		 * @param cache the preprocessing cache's folder
		 * @param config how to train
		 */
		public static Builder builder(final Path dataset, final Path foldsFile, final String fold, final Path output,
			final Path cache, final TrainingConfig config)
		{
			return new Builder(dataset, foldsFile, fold, output, cache, config);
		}

		/** Builds a {@link Request}. */
		public static final class Builder extends RunSettingsBuilder<Builder> {

			private final Path dataset, foldsFile, output, cache;
			private final String fold;
			private final TrainingConfig config;
			private long seed;
			private int threads;

			private Builder(final Path dataset, final Path foldsFile, final String fold, final Path output,
				final Path cache, final TrainingConfig config)
			{
				this.dataset = dataset;
				this.foldsFile = foldsFile;
				this.fold = fold;
				this.output = output;
				this.cache = cache;
				this.config = config;
			}

			@Override
			Builder self() {
				return this;
			}

			/** The seed of weights and patches [0]. */
			public Builder seed(final long value) {
				seed = value;
				return this;
			}

			/**
			 * The most threads the training uses (TensorFlow per operation; the patch producer one
			 * less) [0: one per core].
			 */
			public Builder threads(final int count) {
				threads = count;
				return this;
			}

			/** The request. */
			public Request build() {
				return new Request(dataset, foldsFile, fold, output, cache, config, seed, resume, maxMinutes, threads,
					initModel, progress, listener);
			}
		}
	}

	private FoldTraining() {}

	/**
	 * The fold indices {@code fold} names in a split of {@code k} folds.
	 *
	 * @throws BadInputException if it is neither {@value #ALL} nor an index from 0 to k − 1
	 */
	public static List<Integer> indices(final String fold, final int k) {
		final List<Integer> indices = new ArrayList<>();
		if (ALL.equals(fold.trim())) {
			for (int i = 0; i < k; i++) indices.add(i);
			return indices;
		}
		final int index;
		try {
			index = Integer.parseInt(fold.trim());
		}
		catch (final NumberFormatException e) {
			throw new BadInputException("fold: '" + fold + "' is neither a fold number nor '" + ALL + "'", e);
		}
		if (index < 0 || index >= k) {
			throw new BadInputException("fold: " + index + " is out of range; the folds file has " + k + " folds, 0 to " +
				(k - 1));
		}
		indices.add(index);
		return indices;
	}

	/** The model directory of fold {@code index} when all folds are trained into {@code output}. */
	public static Path foldDirectory(final Path output, final int index) {
		return output.resolve("fold_" + index);
	}

	/**
	 * Trains the requested folds in turn.
	 *
	 * @return each fold's result, in fold order
	 * @throws BadInputException one line naming what is wrong (dataset, folds file, fold, a case
	 *           missing from the dataset, an empty training set, the output folder, which must be
	 *           none of the inputs)
	 */
	public static List<TrainingResult> train(final Request request) {
		OutputChecks.notInput(request.output(), "dataset", request.dataset());
		OutputChecks.notInput(request.output(), "folds file", request.foldsFile());
		if (request.initModel() != null) OutputChecks.notInput(request.output(), "model to fine-tune", request.initModel());
		final Dataset dataset = Dataset.open(request.dataset());
		final Folds folds = Folds.read(request.foldsFile());
		final List<Integer> indices = indices(request.fold(), folds.k());
		final boolean all = ALL.equals(request.fold().trim());
		for (final int i : indices) {
			if (folds.fold(i).train().isEmpty()) {
				throw new BadInputException("fold " + i + ": its training set in " + request.foldsFile() + " is empty");
			}
		}
		final Progress progress = request.progress();
		final CaseCache cache = CaseCache.open(request.cache(), dataset.root());
		final Map<String, PreprocessedCase> loaded = new HashMap<>();
		final List<TrainingResult> results = new ArrayList<>();
		for (final int i : indices) {
			request.listener().foldStarted(i, results.size() + 1, indices.size());
			final Fold fold = folds.fold(i);
			final List<PreprocessedCase> training = load(fold.train(), dataset, folds, cache, loaded, request);
			final List<PreprocessedCase> validation = load(fold.validation(), dataset, folds, cache, loaded, request);
			final Path dir = all ? foldDirectory(request.output(), i) : request.output();
			final TrainingRun run = TrainingRun.builder(training, validation, request.config(), request.seed(), dir)
				.resume(request.resume()).maxMinutes(request.maxMinutes()).threads(request.threads(), producerThreads(request
					.threads())).initModel(request.initModel()).provenance(provenance(request, fold, folds.k())).progress(
						progress, request.listener()).build();
			results.add(Trainer.train(run));
		}
		return results;
	}

	/** The patch producer's threads: one less than a thread limit (the trainer has one), else one per spare core. */
	private static int producerThreads(final int threads) {
		return threads > 0 ? Math.max(1, threads - 1) : PatchProducer.defaultThreads();
	}

	private static List<PreprocessedCase> load(final List<String> ids, final Dataset dataset, final Folds folds,
		final CaseCache cache, final Map<String, PreprocessedCase> loaded, final Request request)
	{
		final List<PreprocessedCase> cases = new ArrayList<>();
		for (final String id : ids) {
			PreprocessedCase c = loaded.get(id);
			if (c == null) {
				final CaseFiles files = dataset.find(id).orElseThrow(() -> new BadInputException("folds file " + request
					.foldsFile() + ": case " + id + " is not in the dataset " + dataset.root()));
				c = cache.load(files, folds.kinds().get(id), request.config().preprocessing(), request.progress());
				loaded.put(id, c);
			}
			cases.add(c);
		}
		return cases;
	}

	private static JsonObject provenance(final Request request, final Fold fold, final int k) {
		final JsonObject o = new JsonObject();
		o.addProperty("dataset", request.dataset().toAbsolutePath().normalize().toString());
		o.addProperty("folds_file", request.foldsFile().toAbsolutePath().normalize().toString());
		o.addProperty("fold", fold.index());
		o.addProperty("folds", k);
		o.add("training_cases", strings(fold.train()));
		o.add("validation_cases", strings(fold.validation()));
		return o;
	}

	private static JsonArray strings(final List<String> values) {
		final JsonArray a = new JsonArray();
		values.forEach(a::add);
		return a;
	}
}
