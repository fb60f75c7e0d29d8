package covidunet.cli;

import java.util.LinkedList;

import org.scijava.Priority;
import org.scijava.console.ConsoleArgument;
import org.scijava.plugin.Plugin;

import covidunet.BadInputException;

/**
 * Rejects, in the launcher, an argument that no other console-argument handler takes (SciJava
 * would log "Ignoring invalid argument" and go on). Stands aside without a {@link LauncherSession}
 * (e.g. in Fiji).
 */
@Plugin(type = ConsoleArgument.class, priority = Priority.LAST)
public class LauncherUnknownArgument extends LauncherConsoleArgument {

	@Override
	public void handle(final LinkedList<String> args) {
		if (!supports(args)) return;
		throw new BadInputException("unknown argument '" + args.getFirst() + "' (see covid-unet --help)");
	}
}
