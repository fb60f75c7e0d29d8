package covidunet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A JVM started on the tests' class path (the launcher's {@code covidunet.cli.Main}, or another
 * main class), its output (stdout and stderr together) read line by line as it comes, so that a
 * test can wait for an event and then kill it. {@link #kill()} sends SIGKILL and checks that the
 * process died of it; {@link #terminate()} likewise with SIGTERM.
 */
public final class ChildJvm implements AutoCloseable {

	/** The launcher's main class. */
	public static final String LAUNCHER = "covidunet.cli.Main";

	/** The exit status of a process killed by SIGKILL (128 + 9). */
	public static final int SIGKILLED = 137;

	/** The exit status of a JVM that SIGTERM ended (128 + 15). */
	public static final int SIGTERMINATED = 143;

	private final Process process;
	private final List<String> lines = new ArrayList<>();
	private boolean ended;

	private ChildJvm(final Process process) {
		this.process = process;
		final Thread reader = new Thread(this::read, "child JVM output");
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts {@code mainClass} with {@code args}, headless, TensorFlow's native logs limited to warnings. */
	public static ChildJvm start(final String mainClass, final List<String> args) throws IOException {
		return start(mainClass, args, Map.of());
	}

	/** Starts {@code mainClass} as {@link #start(String, List)} does, with these environment variables set too. */
	public static ChildJvm start(final String mainClass, final List<String> args, final Map<String, String> environment)
		throws IOException
	{
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Djava.awt.headless=true", "--add-opens", "java.base/java.io=ALL-UNNAMED", "-cp", System
				.getProperty("java.class.path"), mainClass));
		command.addAll(args);
		final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		builder.environment().putAll(environment);
		return new ChildJvm(builder.start());
	}

	/** Starts the launcher with {@code args} (a subcommand and its options). */
	public static ChildJvm launcher(final List<String> args) throws IOException {
		return start(LAUNCHER, args);
	}

	private void read() {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
			StandardCharsets.UTF_8)))
		{
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				synchronized (this) {
					lines.add(line);
					notifyAll();
				}
			}
		}
		catch (final IOException e) {
			// The process was killed while its output was read: what it wrote so far stays.
		}
		finally {
			synchronized (this) {
				ended = true;
				notifyAll();
			}
		}
	}

	/** The process's id. */
	public long pid() {
		return process.pid();
	}

	/** Whether the process runs. */
	public boolean isAlive() {
		return process.isAlive();
	}

	/** The output so far, one line each. */
	public synchronized List<String> output() {
		return List.copyOf(lines);
	}

	/**
	 * Waits until the {@code count}-th output line matching {@code line} arrives.
	 *
	 * @return the line
	 * @throws AssertionError if the process ends first or {@code minutes} pass; with its output
	 */
	public synchronized String awaitLine(final Predicate<String> line, final int count, final double minutes)
		throws InterruptedException
	{
		final long deadline = System.nanoTime() + (long) (minutes * 60e9);
		int seen = 0;
		for (int next = 0;; next++) {
			while (next >= lines.size()) {
				if (ended) fail("the process ended before the line was printed:\n" + String.join("\n", lines));
				final long left = deadline - System.nanoTime();
				if (left <= 0) fail("no such line after " + minutes + " min:\n" + String.join("\n", lines));
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			if (line.test(lines.get(next)) && ++seen == count) return lines.get(next);
		}
	}

	/**
	 * Watches {@code condition} without pausing (for moments that last milliseconds) until it
	 * holds, the process ends, or {@code minutes} pass.
	 *
	 * @return whether it held while the process ran
	 */
	public boolean spinUntil(final BooleanSupplier condition, final double minutes) {
		final long deadline = System.nanoTime() + (long) (minutes * 60e9);
		while (process.isAlive() && System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) return true;
			Thread.onSpinWait();
		}
		return false;
	}

	/** Writes a line to the process's standard input. */
	public void tell(final String line) throws IOException {
		final OutputStream in = process.getOutputStream();
		in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
		in.flush();
	}

	/** Sends SIGKILL and waits for the process to die of it. */
	public void kill() throws InterruptedException {
		assertTrue(process.isAlive(), () -> "the process ended before it was killed:\n" + String.join("\n", output()));
		process.destroyForcibly();
		assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the killed process is still there");
		assertEquals(SIGKILLED, process.exitValue(), "killed by SIGKILL (128 + 9): destroyForcibly is SIGKILL here");
	}

	/**
	 * Sends SIGTERM (what Ctrl-C's SIGINT, Slurm's scancel and a shutdown do, for a JVM without
	 * shutdown hooks) and waits for the process to end of it.
	 */
	public void terminate() throws InterruptedException {
		assertTrue(process.isAlive(), () -> "the process ended before it was terminated:\n" + String.join("\n", output()));
		process.destroy();
		assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the terminated process is still there");
		assertEquals(SIGTERMINATED, process.exitValue(), "ended by SIGTERM (128 + 15)");
	}

	/**
	 * Waits for the process to end.
	 *
	 * @return its exit code
	 * @throws AssertionError if it runs longer than {@code minutes}
	 */
	public int awaitExit(final double minutes) throws InterruptedException {
		if (!process.waitFor((long) (minutes * 60_000), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			fail("still running after " + minutes + " min:\n" + String.join("\n", output()));
		}
		synchronized (this) {
			while (!ended) wait();
		}
		return process.exitValue();
	}

	/** Kills the process if it still runs (a failed test). */
	@Override
	public void close() {
		process.destroyForcibly();
	}
}
