package covidunet.command;

import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.event.EventService;

import covidunet.Progress;

/**
 * {@link Progress} of a command: reports go to SciJava's status service (Fiji's status bar and
 * progress bar; it delivers them asynchronously, out of order) and, in order, as
 * {@link ProgressEvent}s (the launcher prints them as progress lines); cancellation comes from
 * the command itself (a {@code ContextCommand} is {@link Cancelable}).
 */
public final class StatusProgress implements Progress {

	private final StatusService status;
	private final EventService events;
	private final Cancelable cancelable;

	/**
	 * @param status where reports go
	 * @param cancelable asked whether the work was cancelled; may be null (never cancelled)
	 */
	public StatusProgress(final StatusService status, final Cancelable cancelable) {
		this.status = status;
		this.events = status.context().getService(EventService.class);
		this.cancelable = cancelable;
	}

	@Override
	public void report(final String task, final long done, final long total) {
		final long scale = Math.max(1, (total + Integer.MAX_VALUE - 1) / Integer.MAX_VALUE);
		status.showStatus((int) (done / scale), (int) (total / scale), task);
		if (events != null) events.publish(new ProgressEvent(task, done, total));
	}

	@Override
	public boolean isCancelled() {
		return cancelable != null && cancelable.isCanceled();
	}
}
