package covidunet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scijava.object.ObjectService;

import covidunet.BadInputException;
import covidunet.command.run.CommandRunner;

/**
 * What the launcher shares with its console-argument plugins ({@link LauncherRunArgument},
 * {@link LauncherUnknownArgument}) while SciJava's console service processes the arguments: the
 * subcommands, the runner, and the outcome of the queued runs. It lives in the context's
 * {@link ObjectService}; without it (e.g. in Fiji) those plugins stand aside.
 */
public final class LauncherSession {

	private final Subcommands subcommands;
	private final CommandRunner runner;
	private Throwable failure;
	private int runs;

	LauncherSession(final Subcommands subcommands, final CommandRunner runner) {
		this.subcommands = subcommands;
		this.runner = runner;
	}

	/** The launcher's session in a context, or {@code null} if the launcher did not start it. */
	public static LauncherSession in(final ObjectService objects) {
		final List<LauncherSession> sessions = objects.getObjects(LauncherSession.class);
		return sessions.isEmpty() ? null : sessions.get(0);
	}

	/**
	 * The subcommand whose command has this title (its menu label, e.g. "Check Backend").
	 *
	 * @throws BadInputException if no command of the launcher has it
	 */
	Subcommands.Entry byTitle(final String title) {
		final List<String> titles = new ArrayList<>();
		for (final Subcommands.Entry entry : subcommands.all()) {
			if (entry.command() == null) continue;
			final String t = runner.info(entry.command()).getTitle();
			if (t.equals(title)) return entry;
			titles.add(t);
		}
		throw new BadInputException("unknown command '" + title + "' for --run (available: " +
			String.join(", ", titles) + ")");
	}

	/**
	 * Runs a subcommand's command, remembering a failure instead of throwing it (SciJava's startup
	 * service would only log it). After a failure, later runs are skipped.
	 */
	void run(final Subcommands.Entry entry, final Map<String, ?> inputs) {
		if (failure != null) return;
		try {
			runner.run(entry.command(), entry.name(), inputs);
			runs++;
		}
		catch (final RuntimeException | Error exc) {
			failure = exc;
		}
	}

	/**
	 * Ends the session.
	 *
	 * @throws RuntimeException or {@link Error}: the first failure of a run
	 * @throws BadInputException if nothing was run
	 */
	void finish() {
		if (failure instanceof RuntimeException) throw (RuntimeException) failure;
		if (failure instanceof Error) throw (Error) failure;
		if (runs == 0) {
			throw new BadInputException("nothing to run: give a subcommand, or --run \"Title\" \"key='value',...\"");
		}
	}
}
