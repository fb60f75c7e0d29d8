package covidunet.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the suite's runs gave, as Markdown: one row per bad input (the table of docs/reliability.md: the
 * subcommands tried, their exit codes, one representative message) and one row per run.
 */
final class ObservedTable {

	/** The order in which a subcommand's message is preferred as a row's representative. */
	private static final List<String> PREFERRED = List.of("segment", "info", "train", "evaluate", "folds");

	/**
	 * One run.
	 *
	 * @param input the bad input
	 * @param subcommand the subcommand run
	 * @param code its exit code
	 * @param message the first line of stderr, or for a success what it showed
	 */
	record Run(String input, String subcommand, int code, String message) {}

	private final List<Run> runs = new ArrayList<>();

	/** Records a run. */
	synchronized void add(final Run run) {
		runs.add(run);
	}

	/** Writes both tables to {@code file}. */
	synchronized void write(final Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, "# Bad inputs: what was tried and what came out\n\n" + compact() +
			"\n## Every run\n\n" + detailed(), StandardCharsets.UTF_8);
	}

	/** One row per bad input. */
	synchronized String compact() {
		final Map<String, List<Run>> byInput = new LinkedHashMap<>();
		for (final Run r : runs) byInput.computeIfAbsent(r.input(), k -> new ArrayList<>()).add(r);
		final StringBuilder md = new StringBuilder(
			"| bad input | subcommands | exit code | message (one run) |\n|---|---|---|---|\n");
		for (final Map.Entry<String, List<Run>> e : byInput.entrySet()) {
			final List<Run> rows = e.getValue();
			final StringJoiner subcommands = new StringJoiner(", ");
			rows.forEach(r -> subcommands.add(r.subcommand()));
			md.append(row(e.getKey(), subcommands.toString(), codes(rows), representative(rows)));
		}
		return md.toString();
	}

	private synchronized String detailed() {
		final StringBuilder md = new StringBuilder("| bad input | subcommand | exit code | message |\n|---|---|---|---|\n");
		for (final Run r : runs) md.append(row(r.input(), r.subcommand(), Integer.toString(r.code()), code(r.message())));
		return md.toString();
	}

	/** "2", or each code with its subcommands when they differ. */
	private static String codes(final List<Run> rows) {
		final Map<Integer, StringJoiner> bySubcommand = new LinkedHashMap<>();
		for (final Run r : rows) bySubcommand.computeIfAbsent(r.code(), c -> new StringJoiner(", ")).add(r.subcommand());
		if (bySubcommand.size() == 1) return bySubcommand.keySet().iterator().next().toString();
		final StringJoiner text = new StringJoiner("; ");
		bySubcommand.forEach((c, subs) -> text.add(c + " (" + subs + ")"));
		return text.toString();
	}

	/** The preferred refusal's message, then what each success showed. */
	private static String representative(final List<Run> rows) {
		final StringJoiner text = new StringJoiner("; ");
		rows.stream().filter(r -> r.code() != 0).min((a, b) -> Integer.compare(rank(a), rank(b))).ifPresent(r -> text.add(
			code(r.message())));
		rows.stream().filter(r -> r.code() == 0).forEach(r -> text.add(r.subcommand() + ": " + code(r.message())));
		return text.toString();
	}

	private static int rank(final Run r) {
		final int i = PREFERRED.indexOf(r.subcommand());
		return i < 0 ? PREFERRED.size() : i;
	}

	private static String code(final String text) {
		return "`" + text.replace("`", "'") + "`";
	}

	private static String row(final String... cells) {
		final StringJoiner row = new StringJoiner(" | ", "| ", " |\n");
		for (final String c : cells) row.add(c.replace("|", "\\|"));
		return row.toString();
	}
}
