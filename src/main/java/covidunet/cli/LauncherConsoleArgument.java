package covidunet.cli;

import java.util.LinkedList;

import org.scijava.console.AbstractConsoleArgument;
import org.scijava.object.ObjectService;
import org.scijava.plugin.Parameter;

/**
 * A console-argument handler that acts only in the launcher: it stands aside when no
 * {@link LauncherSession} exists (e.g. in Fiji).
 */
abstract class LauncherConsoleArgument extends AbstractConsoleArgument {

	@Parameter
	private ObjectService objectService;

	/** A handler of any argument. */
	LauncherConsoleArgument() {}

	/** A handler of {@code flags} followed by {@code numArgs} values. */
	LauncherConsoleArgument(final int numArgs, final String... flags) {
		super(numArgs, flags);
	}

	/** The launcher's session, or null outside the launcher. */
	final LauncherSession session() {
		return LauncherSession.in(objectService);
	}

	@Override
	public boolean supports(final LinkedList<String> args) {
		return super.supports(args) && session() != null;
	}
}
