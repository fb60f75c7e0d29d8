package covidunet.model.train;

import java.nio.file.Path;

import covidunet.Progress;

/**
 * The settings that a single training ({@link TrainingRun}) and a training of folds
 * ({@link FoldTraining.Request}) share, with their defaults: resuming, the time limit, the model
 * to fine-tune, and who follows the progress.
 *
 * @param <B> the builder itself, so that the setters chain
 */
public abstract class RunSettingsBuilder<B extends RunSettingsBuilder<B>> {

	boolean resume;
	double maxMinutes;
	Path initModel;
	Progress progress;
	TrainingListener listener;

	RunSettingsBuilder() {}

	/** This builder, typed as its subclass. */
	abstract B self();

	/**
	 * Whether to continue from the latest checkpoint [false]; a folder without one starts afresh,
	 * and without it a folder that holds a training is refused.
	 */
	public B resume(final boolean on) {
		resume = on;
		return self();
	}

	/** The time limit of each training in minutes [0: none]. */
	public B maxMinutes(final double minutes) {
		maxMinutes = minutes;
		return self();
	}

	/** A model directory to start from, fine-tuning [null: fresh weights]. */
	public B initModel(final Path dir) {
		initModel = dir;
		return self();
	}

	/** Where progress goes and cancellation comes from, and who follows the folds and epochs [nobody]. */
	public B progress(final Progress p, final TrainingListener l) {
		progress = p;
		listener = l;
		return self();
	}
}
