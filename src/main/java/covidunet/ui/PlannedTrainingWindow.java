package covidunet.ui;

import covidunet.model.train.History;
import covidunet.model.train.TrainingListener;

/**
 * The live training window of a training whose length is known only once it is
 * {@linkplain TrainingListener#planned planned} (in a child JVM, the configuration is resolved
 * there): opens the {@link TrainingWindow} then, and hands it every later event. Never use when
 * headless.
 */
public final class PlannedTrainingWindow implements TrainingListener {

	private final String name;
	private final Runnable cancelTraining;
	private volatile TrainingMonitor monitor;

	/**
	 * @param name the output folder's name, for the title
	 * @param cancelTraining cancels the training (the window's cancel button)
	 */
	public PlannedTrainingWindow(final String name, final Runnable cancelTraining) {
		this.name = name;
		this.cancelTraining = cancelTraining;
	}

	@Override
	public void planned(final int maxEpochs) {
		if (monitor == null) monitor = TrainingWindow.open(name, maxEpochs, cancelTraining);
	}

	@Override
	public void foldStarted(final int fold, final int position, final int count) {
		final TrainingMonitor m = monitor;
		if (m != null) m.foldStarted(fold, position, count);
	}

	@Override
	public void stepDone(final int epoch, final int step, final int steps, final double loss,
		final double learningRate, final double secondsLeft)
	{
		final TrainingMonitor m = monitor;
		if (m != null) m.stepDone(epoch, step, steps, loss, learningRate, secondsLeft);
	}

	@Override
	public void epochDone(final History history, final boolean exported) {
		final TrainingMonitor m = monitor;
		if (m != null) m.epochDone(history, exported);
	}

	@Override
	public boolean finishRequested() {
		final TrainingMonitor m = monitor;
		return m != null && m.finishRequested();
	}

	/** The training ended normally; see {@link TrainingMonitor#ended}. */
	public void ended(final String summary) {
		final TrainingMonitor m = monitor;
		if (m != null) m.ended(summary);
	}

	/** The training stopped; see {@link TrainingMonitor#stopped}. */
	public void stopped(final boolean cancelled, final String message) {
		final TrainingMonitor m = monitor;
		if (m != null) m.stopped(cancelled, message);
	}
}
