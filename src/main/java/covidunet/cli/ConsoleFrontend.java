package covidunet.cli;

import java.io.PrintStream;

import covidunet.command.ProgressEvent;
import covidunet.command.run.CommandFrontend;

/**
 * The launcher's {@link CommandFrontend}: outputs and progress lines on one stream; a progress
 * line for each new task, and whenever a task's whole percentage changes.
 */
public final class ConsoleFrontend implements CommandFrontend {

	private final PrintStream out;

	private String lastTask;

	private int lastPercent;

	/** @param out where outputs and progress lines go */
	public ConsoleFrontend(final PrintStream out) {
		this.out = out;
	}

	@Override
	public void output(final String text) {
		if (text.endsWith("\n")) out.print(text);
		else out.println(text);
		out.flush();
	}

	@Override
	public synchronized void progress(final ProgressEvent event) {
		if (event.total() <= 0) return;
		final int percent = (int) (100 * event.done() / event.total());
		if (event.task().equals(lastTask) && percent == lastPercent) return;
		lastTask = event.task();
		lastPercent = percent;
		out.println(event.task() + " (" + event.done() + "/" + event.total() + ")");
		out.flush();
	}
}
