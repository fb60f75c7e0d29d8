package covidunet.ui;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

import covidunet.model.train.History;
import covidunet.model.train.TrainingListener;

/**
 * Follows a training for the training window, without touching AWT: keeps a
 * {@link TrainingSnapshot} of where the training is and hands it to a view at every fold, epoch and
 * request, at the first and last step of an epoch, and otherwise at most every
 * {@value #REFRESH_MILLIS} ms, so that frequent steps do not flood the window. The view must return
 * at once (the window queues the latest snapshot for its thread). {@link #requestFinish()} ends the
 * fold under way early, keeping its best model; {@link #cancel()} runs the cancel callback, which
 * stops the whole training. Thread-safe: the training's thread reports, the window's thread asks.
 */
public final class TrainingMonitor implements TrainingListener {

	/** The shortest time between two views of steps, in milliseconds. */
	public static final long REFRESH_MILLIS = 200;

	private final Runnable cancel;
	private final Consumer<TrainingSnapshot> view;
	private final LongSupplier clock;
	private TrainingSnapshot snapshot;
	private long shownAt;
	private volatile boolean finish;

	/**
	 * @param maxEpochs the most epochs of a fold
	 * @param cancel cancels the training (e.g. the command's {@code cancel}); run on the window's thread
	 * @param view shows a snapshot; called on any thread, returns at once
	 */
	public TrainingMonitor(final int maxEpochs, final Runnable cancel, final Consumer<TrainingSnapshot> view) {
		this(maxEpochs, cancel, view, () -> System.nanoTime() / 1_000_000);
	}

	/** As the public constructor, with a clock in milliseconds. */
	TrainingMonitor(final int maxEpochs, final Runnable cancel, final Consumer<TrainingSnapshot> view,
		final LongSupplier clockMillis)
	{
		this.cancel = cancel;
		this.view = view;
		this.clock = clockMillis;
		snapshot = TrainingSnapshot.initial(maxEpochs);
		shownAt = clock.getAsLong() - REFRESH_MILLIS;
	}

	/** The latest state, shown or not. */
	public synchronized TrainingSnapshot snapshot() {
		return snapshot;
	}

	@Override
	public synchronized void foldStarted(final int fold, final int position, final int count) {
		finish = false;
		show(snapshot.atFold(fold, position, count));
	}

	@Override
	public synchronized void stepDone(final int epoch, final int step, final int steps, final double loss,
		final double learningRate, final double secondsLeft)
	{
		snapshot = snapshot.withStep(new TrainingSnapshot.Step(epoch, step, steps, loss, learningRate, secondsLeft));
		if (step == 1 || step == steps || clock.getAsLong() - shownAt >= REFRESH_MILLIS) show(snapshot);
	}

	@Override
	public void epochDone(final History history, final boolean exported) {
		final History copy = history.upTo(history.rows().size());
		final int epoch = copy.rows().get(copy.rows().size() - 1).epoch();
		synchronized (this) {
			show(snapshot.withHistory(copy, exported ? epoch : snapshot.exportedEpoch()));
		}
	}

	@Override
	public boolean finishRequested() {
		return finish;
	}

	/** Asks to finish the fold under way early, keeping its best model (the finish button). */
	public synchronized void requestFinish() {
		if (!snapshot.canFinish()) return;
		finish = true;
		show(snapshot.withState(TrainingSnapshot.State.FINISHING));
	}

	/** Cancels the training through the callback (the cancel button). */
	public void cancel() {
		synchronized (this) {
			if (!snapshot.canCancel()) return;
			show(snapshot.withState(TrainingSnapshot.State.CANCELLING));
		}
		cancel.run();
	}

	/** The training ended normally; {@code summary} says how (e.g. a line per fold). */
	public synchronized void ended(final String summary) {
		show(snapshot.ended("Training ended.\n" + summary.strip()));
	}

	/** The training stopped: cancelled, or by an error that {@code message} describes. */
	public synchronized void stopped(final boolean cancelled, final String message) {
		final String kept = snapshot.exportedEpoch() > 0 ? " (" + snapshot.foldName() + ": epoch " + snapshot
			.exportedEpoch() + ")" : "";
		show(snapshot.ended(cancelled ? "Training cancelled: the models kept so far stay in the output folder" + kept +
			"." : "Training stopped by an error: " + message));
	}

	private void show(final TrainingSnapshot s) {
		snapshot = s;
		shownAt = clock.getAsLong();
		view.accept(s);
	}
}
