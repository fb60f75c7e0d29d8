package covidunet.model.train;

/**
 * A {@link TrainingListener} that hands every call to another one ({@link #delegate()}); subclasses
 * add to the calls they need, e.g. to pass a training's events between two JVMs.
 */
public class ForwardingTrainingListener implements TrainingListener {

	private final TrainingListener delegate;

	/** @param delegate gets every call; null: {@link TrainingListener#NONE} */
	public ForwardingTrainingListener(final TrainingListener delegate) {
		this.delegate = delegate == null ? NONE : delegate;
	}

	/** The listener that gets the calls now. */
	protected TrainingListener delegate() {
		return delegate;
	}

	@Override
	public void planned(final int maxEpochs) {
		delegate().planned(maxEpochs);
	}

	@Override
	public void foldStarted(final int fold, final int position, final int count) {
		delegate().foldStarted(fold, position, count);
	}

	@Override
	public void stepDone(final int epoch, final int step, final int steps, final double loss,
		final double learningRate, final double secondsLeft)
	{
		delegate().stepDone(epoch, step, steps, loss, learningRate, secondsLeft);
	}

	@Override
	public void epochDone(final History history, final boolean exported) {
		delegate().epochDone(history, exported);
	}

	@Override
	public boolean finishRequested() {
		return delegate().finishRequested();
	}
}
