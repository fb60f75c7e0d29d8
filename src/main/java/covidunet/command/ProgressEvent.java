package covidunet.command;

import org.scijava.event.SciJavaEvent;

/**
 * A progress report of a running command, published synchronously (in order, on the reporting
 * thread) by {@link StatusProgress}: the launcher prints it as a progress line.
 */
public class ProgressEvent extends SciJavaEvent {

	private final String task;
	private final long done;
	private final long total;

	/**
	 * @param task what is being done
	 * @param done steps complete
	 * @param total steps in all
	 */
	public ProgressEvent(final String task, final long done, final long total) {
		this.task = task;
		this.done = done;
		this.total = total;
	}

	/** What is being done. */
	public String task() {
		return task;
	}

	/** Steps complete. */
	public long done() {
		return done;
	}

	/** Steps in all. */
	public long total() {
		return total;
	}
}
