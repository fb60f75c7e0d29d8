package covidunet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the launcher, with what it printed.
 *
 * @param code the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
public record Launch(int code, String out, String err) {

	/** Runs {@link Main} with the test commands registered. */
	static Launch of(final String... args) {
		return with(new Main(TestCommands.registry()), args);
	}

	/** Runs {@code main} with captured output. */
	public static Launch with(final Main main, final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int code;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
			PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8))
		{
			code = main.execute(args, o, e);
		}
		return new Launch(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
