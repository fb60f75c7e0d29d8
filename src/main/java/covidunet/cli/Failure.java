package covidunet.cli;

import java.io.PrintStream;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.EnvironmentException;
import covidunet.command.run.CommandRunner;

/**
 * How the launcher reports what went wrong: one line {@code error: …} on stderr and an exit code
 * ({@value #BAD_INPUT} for bad input or usage, {@value #INTERNAL} otherwise: an internal
 * failure, a broken environment, or work the user cancelled), plus the stack
 * trace with {@code --debug}.
 */
final class Failure {

	/** Exit code for success. */
	static final int OK = 0;

	/** Exit code for an internal failure or a broken environment. */
	static final int INTERNAL = 1;

	/** Exit code for bad input or usage. */
	static final int BAD_INPUT = 2;

	private Failure() {}

	/**
	 * Reports {@code t} on {@code err}.
	 *
	 * @return the exit code
	 */
	static int report(final Throwable t, final boolean debug, final PrintStream err) {
		final BadInputException bad = find(t, BadInputException.class);
		final EnvironmentException environment = find(t, EnvironmentException.class);
		final CancelledException cancelled = find(t, CancelledException.class);
		final int code;
		if (bad != null) {
			code = BAD_INPUT;
			err.println("error: " + CommandRunner.oneLine(bad.getMessage()));
		}
		else if (environment != null) {
			code = INTERNAL;
			err.println("error: " + CommandRunner.oneLine(environment.getMessage()));
		}
		else if (cancelled != null) {
			code = INTERNAL;
			err.println("error: " + CommandRunner.oneLine(cancelled.getMessage()));
		}
		else {
			code = INTERNAL;
			final String message = t.getMessage();
			err.println("error: internal: " + (message == null || message.isBlank() ?
				t.getClass().getName() : CommandRunner.oneLine(message)));
		}
		if (debug) t.printStackTrace(err);
		err.flush();
		return code;
	}

	private static <T extends Throwable> T find(final Throwable t, final Class<T> type) {
		for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
			if (type.isInstance(c)) return type.cast(c);
		}
		return null;
	}
}
