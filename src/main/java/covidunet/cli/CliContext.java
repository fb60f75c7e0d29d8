package covidunet.cli;

import java.io.PrintStream;

import org.scijava.Context;
import org.scijava.log.LogService;
import org.scijava.log.StderrLogService;
import org.scijava.ui.UIService;

/** The SciJava context of the launcher: headless, with SciJava's log on the launcher's output. */
final class CliContext {

	private CliContext() {}

	/**
	 * A new context with all services. SciJava's log messages of every level go to {@code out}:
	 * stderr is the launcher's, for its one error line.
	 */
	static Context create(final PrintStream out) {
		final Context context = new Context();
		final LogService log = context.getService(LogService.class);
		if (log instanceof StderrLogService) ((StderrLogService) log).setPrintStreams(level -> out);
		final UIService ui = context.getService(UIService.class);
		if (ui != null) ui.setHeadless(true);
		return context;
	}
}
