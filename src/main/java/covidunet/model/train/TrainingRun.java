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
 * Everything one training needs; {@link Trainer#train(TrainingRun)} runs it.
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

	/** A run with these cases and configuration and every other setting at its default. */
	public static TrainingRun of(final List<PreprocessedCase> training, final List<PreprocessedCase> validation,
		final TrainingConfig config, final long seed, final Path modelDir)
	{
		return new TrainingRun(training, validation, config, seed, modelDir, false, 0, 0, PatchProducer.defaultThreads(),
			null, null, null, null);
	}

	/** This run continuing from the latest checkpoint, or not. */
	public TrainingRun withResume(final boolean on) {
		return new TrainingRun(training, validation, config, seed, modelDir, on, maxMinutes, threads, producerThreads,
			initModel, provenance, progress, listener);
	}

	/** This run with a time limit in minutes (0: none). */
	public TrainingRun withMaxMinutes(final double minutes) {
		return new TrainingRun(training, validation, config, seed, modelDir, resume, minutes, threads, producerThreads,
			initModel, provenance, progress, listener);
	}

	/** This run with TensorFlow's intra-op threads (0: its default) and the patch producer's threads. */
	public TrainingRun withThreads(final int tensorFlow, final int producer) {
		return new TrainingRun(training, validation, config, seed, modelDir, resume, maxMinutes, tensorFlow, producer,
			initModel, provenance, progress, listener);
	}

	/** This run starting from another model's weights (null: fresh weights). */
	public TrainingRun withInitModel(final Path dir) {
		return new TrainingRun(training, validation, config, seed, modelDir, resume, maxMinutes, threads, producerThreads,
			dir, provenance, progress, listener);
	}

	/** This run recording {@code facts} in {@code model.json}. */
	public TrainingRun withProvenance(final JsonObject facts) {
		return new TrainingRun(training, validation, config, seed, modelDir, resume, maxMinutes, threads, producerThreads,
			initModel, facts, progress, listener);
	}

	/** This run reporting to {@code p} and {@code l}. */
	public TrainingRun withProgress(final Progress p, final TrainingListener l) {
		return new TrainingRun(training, validation, config, seed, modelDir, resume, maxMinutes, threads, producerThreads,
			initModel, provenance, p, l);
	}
}
