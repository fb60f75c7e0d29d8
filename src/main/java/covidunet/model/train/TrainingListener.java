package covidunet.model.train;

/**
 * Follows a training as it runs, e.g. to plot the curves live. Called on the training's thread;
 * implementations return quickly.
 */
public interface TrainingListener {

	/** A listener that does nothing. */
	TrainingListener NONE = new TrainingListener() {};

	/**
	 * Once, before the first fold: how many epochs a fold may take at most (the configuration's).
	 *
	 * @param maxEpochs the most epochs of a fold
	 */
	default void planned(final int maxEpochs) {}

	/**
	 * Before a fold's cases are loaded and its training starts ({@link FoldTraining}); a
	 * {@link #finishRequested()} applies to the fold under way.
	 *
	 * @param fold the fold's index (from 0)
	 * @param position its place among the folds this run trains (1-based)
	 * @param count how many folds this run trains
	 */
	default void foldStarted(final int fold, final int position, final int count) {}

	/**
	 * After a training step.
	 *
	 * @param epoch the epoch (1-based)
	 * @param step the step within the epoch (1-based)
	 * @param steps the epoch's steps
	 * @param loss the mean training loss of the epoch so far
	 * @param learningRate the epoch's learning rate
	 * @param secondsLeft an estimate of the time until training ends (time limit or last epoch)
	 */
	default void stepDone(final int epoch, final int step, final int steps, final double loss,
		final double learningRate, final double secondsLeft)
	{}

	/**
	 * After an epoch, its row appended to the history and its checkpoint written.
	 *
	 * @param history the whole history so far
	 * @param exported whether this epoch's weights were exported as the model (best so far)
	 */
	default void epochDone(final History history, final boolean exported) {}

	/**
	 * Asked between steps: whether to finish now, as when the time limit is reached (the epoch
	 * ends early, is validated and checkpointed, and the best model is kept).
	 */
	default boolean finishRequested() {
		return false;
	}
}
