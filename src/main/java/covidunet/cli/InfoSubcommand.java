package covidunet.cli;

import java.io.PrintStream;
import java.util.Map;

/** {@code info --input F}: one JSON object describing a NIfTI file. (Being written.) */
public final class InfoSubcommand {

	private InfoSubcommand() {}

	/** Prints the JSON object for {@code options.get("input")} to {@code out}. */
	public static void run(final Map<String, String> options, final PrintStream out) {
		throw new UnsupportedOperationException("info is being written");
	}
}
