package covidunet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's Python ({@value #PYTHON}) with NumPy, nibabel or SciPy as an independent oracle. A
 * test that calls it is skipped, with the reason, where a module it imports is not installed.
 */
public final class Python {

	/** The interpreter: Debian's, where python3-nibabel and python3-scipy install. */
	public static final String PYTHON = "/usr/bin/python3";

	private Python() {}

	/**
	 * Runs {@code script} with {@code args} (passed as arguments, never through a shell) and
	 * returns the last line it printed.
	 */
	public static String lastLine(final String script, final String... args) {
		final List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script));
		command.addAll(List.of(args));
		try {
			final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			Assertions.assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
			Assumptions.assumeFalse(output.contains("No module named"), () -> "a Python module is not installed: " +
				output);
			Assertions.assertEquals(0, p.exitValue(), output);
			return output.lines().reduce((a, b) -> b).orElse("");
		}
		catch (final IOException e) {
			Assumptions.abort("Python not installed: cannot run " + PYTHON + " (" + e.getMessage() + ")");
			return null;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting for python", e);
		}
	}
}
