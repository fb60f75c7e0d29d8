package covidunet.cli;

import java.util.function.Predicate;

import covidunet.command.ProgressEvent;
import covidunet.command.run.CommandFrontend;
import covidunet.command.run.CommandRunner;

/**
 * A frontend that cancels the run at the {@code count}-th progress report whose task matches, the
 * way Esc does in ImageJ ({@code ImageJFrontend}): {@link CommandRunner#cancel} cancels the
 * command module, that is {@code ContextCommand.cancel(reason)}, which Cancel in Fiji's training
 * window calls too.
 */
final class CancellingFrontend implements CommandFrontend {

	/** The reason given. */
	static final String REASON = "cancelled by the test";

	private final Predicate<String> task;
	private final int count;
	private volatile CommandRunner runner;
	private int seen;

	CancellingFrontend(final Predicate<String> task, final int count) {
		this.task = task;
		this.count = count;
	}

	/** The runner to cancel. */
	void cancelWith(final CommandRunner r) {
		runner = r;
	}

	@Override
	public void output(final String text) {}

	@Override
	public synchronized void progress(final ProgressEvent event) {
		if (task.test(event.task()) && ++seen == count) runner.cancel(REASON);
	}
}
