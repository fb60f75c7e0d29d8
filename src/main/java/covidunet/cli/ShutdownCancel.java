package covidunet.cli;

import covidunet.command.run.CommandRunner;

/**
 * Turns the end of the JVM by a signal (Ctrl-C's SIGINT, SIGTERM from {@code kill}, Slurm's
 * {@code scancel} or a shutdown) into a cancellation of the command the runner is running: the
 * command stops at its next check, as with Cancel in Fiji, instead of working on until the JVM
 * halts at an arbitrary point. The JVM still exits with the signal's status (130 for SIGINT, 143
 * for SIGTERM). Active from construction until {@link #close()}.
 */
final class ShutdownCancel implements AutoCloseable {

	/** How long the JVM's end waits for the cancelled command to stop. */
	static final long WAIT_MILLIS = 5_000;

	private final Thread hook;

	ShutdownCancel(final CommandRunner runner) {
		hook = new Thread(() -> runner.cancelAndWait("interrupted", WAIT_MILLIS), "covid-unet shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (final IllegalStateException e) {
			// The JVM is ending: the hook runs.
		}
	}
}
