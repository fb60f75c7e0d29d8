package covidunet.cli;

import java.io.PrintStream;
import java.util.Map;

/** {@code bench WHAT}: one line of key=value figures. (Being written.) */
public final class BenchSubcommand {

	private BenchSubcommand() {}

	/** Runs the benchmark named by {@code options.get("what")} and prints its line to {@code out}. */
	public static void run(final Map<String, String> options, final PrintStream out) {
		throw new UnsupportedOperationException("bench is being written");
	}
}
