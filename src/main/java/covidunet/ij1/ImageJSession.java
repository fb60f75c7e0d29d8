package covidunet.ij1;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import covidunet.command.run.CommandRunner;

/**
 * The SciJava context that the plugin's commands run in inside plain ImageJ 1.x: one for the
 * ImageJ session, made on first use. ImageJ 1.x loads the plugin jar with its own class loader,
 * so the context's plugin index does not list the plugin's commands; they are run by class.
 */
final class ImageJSession {

	private static Context context;

	private ImageJSession() {}

	private static synchronized Context context() {
		if (context == null) context = new Context();
		return context;
	}

	/** A runner for one command run, reporting to ImageJ's log and status bar; Esc cancels it. */
	static CommandRunner runner() {
		final ImageJFrontend frontend = new ImageJFrontend();
		final CommandRunner runner = new CommandRunner(context(), frontend);
		frontend.cancelWith(runner);
		return runner;
	}

	/** A fresh instance of the command, whose inputs hold their declared defaults. */
	static Module defaults(final CommandInfo info) {
		return context().service(ModuleService.class).createModule(info);
	}
}
