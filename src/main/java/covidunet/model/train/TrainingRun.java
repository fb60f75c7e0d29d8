package covidunet.model.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.preprocess.PreprocessedCase;
import covidunet.sample.PatchProducer;

/**
 * Everything one training needs; {@link Trainer#train(TrainingRun)} runs it. Built with
 * {@link #builder}.
 *
 * @param training the preprocessed training cases (with labels), at least one
 * @param validation the preprocessed validation cases (with labels); may be empty, then the model
 *          with the lowest training loss is exported
 * @param config how to train
 * @param seed seeds the initial weights, the training patches and the validation patches
 * @param modelDir where the model directory goes
 * @param resume whether to continue from the latest checkpoint in {@code modelDir} (a folder
 *          without one starts afresh); without it, a folder that holds a training is refused
 * @param maxMinutes the time limit in minutes, or 0 for none
 * @param threads TensorFlow's intra-op threads, or 0 for its default
 * @param producerThreads threads making augmented patches, at least 1
 * @param initModel a model directory to start from (fine-tuning), or null for fresh weights
 * @param provenance facts about the data to record in {@code model.json}'s {@code training}
 *          section (dataset, fold, cases)
 * @param progress reports progress and asks for cancellation
 * @param listener follows the epochs
 */
public record TrainingRun(List<PreprocessedCase> training, List<PreprocessedCase> validation,
	TrainingConfig config, long seed, Path modelDir, boolean resume, double maxMinutes, int threads,
	int producerThreads, Path initModel, JsonObject provenance, Progress progress, TrainingListener listener)
{

	/** Checks the parameters; one line naming the first that is wrong. */
	public TrainingRun {
		Objects.requireNonNull(config, "config");
		Objects.requireNonNull(modelDir, "modelDir");
		training = List.copyOf(training);
		validation = List.copyOf(validation);
		if (training.isEmpty()) throw new BadInputException("training cases: none (the fold's training set is empty)");
		for (final PreprocessedCase c : training) {
			if (!c.hasLabels()) throw new BadInputException(c.id() + ": has no labels; training needs them");
		}
		for (final PreprocessedCase c : validation) {
			if (!c.hasLabels()) throw new BadInputException(c.id() + ": has no labels; validation needs them");
		}
		if (!(maxMinutes >= 0) || Double.isInfinite(maxMinutes)) {
			throw new BadInputException("max_minutes: " + maxMinutes + " must be 0 (no limit) or more");
		}
		if (threads < 0) throw new BadInputException("threads: " + threads + " must be at least 1 (or 0: default)");
		if (producerThreads < 1) throw new BadInputException("producer threads: " + producerThreads + " must be at least 1");
		provenance = provenance == null ? new JsonObject() : provenance.deepCopy();
		progress = progress == null ? Progress.NONE : progress;
		listener = listener == null ? TrainingListener.NONE : listener;
	}

	/**
	 * A run with these cases and configuration; every other setting at its default until set.
	 *
	 * @param training the preprocessed training cases (with labels), at least one
	 * @param validation the preprocessed validation cases (with labels); may be empty
	 * @param config how to train
	 * @param seed seeds the initial weights, the training patches and the validation patches
	 * @param modelDir where the model directory goes
	 */
	public static Builder builder(final List<PreprocessedCase> training, final List<PreprocessedCase> validation,
		final TrainingConfig config, final long seed, final Path modelDir)
	{
		return new Builder(training, validation, config, seed, modelDir);
	}

	/** Builds a {@link TrainingRun}. */
	public static final class Builder extends RunSettingsBuilder<Builder> {

		private final List<PreprocessedCase> training, validation;
		private final TrainingConfig config;
		private final long seed;
		private final Path modelDir;
		private int threads;
		private int producerThreads = PatchProducer.defaultThreads();
		private JsonObject provenance;

		private Builder(final List<PreprocessedCase> training, final List<PreprocessedCase> validation,
			final TrainingConfig config, final long seed, final Path modelDir)
		{
			this.training = training;
			this.validation = validation;
			this.config = config;
			this.seed = seed;
			this.modelDir = modelDir;
		}

		@Override
		Builder self() {
			return this;
		}

		/**
		 * TensorFlow's intra-op threads [0: its default] and the patch producer's [one per spare
		 * core, at least 1].
		 */
		public Builder threads(final int tensorFlow, final int producer) {
			threads = tensorFlow;
			producerThreads = producer;
			return this;
		}

		/** Facts about the data to record in {@code model.json} (dataset, fold, cases) [none]. */
		public Builder provenance(final JsonObject facts) {
			provenance = facts;
			return this;
		}

		/**
		 * The run.
		 *
		 * @throws BadInputException one line naming the first setting that is wrong
		 */
		public TrainingRun build() {
			return new TrainingRun(training, validation, config, seed, modelDir, resume, maxMinutes, threads,
				producerThreads, initModel, provenance, progress, listener);
		}
	}
}
