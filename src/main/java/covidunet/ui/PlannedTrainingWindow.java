package covidunet.ui;

import covidunet.model.train.ForwardingTrainingListener;
import covidunet.model.train.TrainingListener;

/**
 * The live training window of a training whose length is known only once it is
 * {@linkplain TrainingListener#planned planned} (in a child JVM, the configuration is resolved
 * there): opens the {@link TrainingWindow} then, and hands it every later event. Never use when
 * headless.
 */
public final class PlannedTrainingWindow extends ForwardingTrainingListener {

	private final String name;
	private final Runnable cancelTraining;
	private volatile TrainingMonitor monitor;

	/**
	 * @param name the output folder's name, for the title
	 * @param cancelTraining cancels the training (the window's cancel button)
	 */
	public PlannedTrainingWindow(final String name, final Runnable cancelTraining) {
		super(NONE);
		this.name = name;
		this.cancelTraining = cancelTraining;
	}

	@Override
	protected TrainingListener delegate() {
		final TrainingMonitor m = monitor;
		return m == null ? NONE : m;
	}

	@Override
	public void planned(final int maxEpochs) {
		if (monitor == null) monitor = TrainingWindow.open(name, maxEpochs, cancelTraining);
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
