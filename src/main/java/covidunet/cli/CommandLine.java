package covidunet.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import covidunet.BadInputException;

/**
 * The launcher's arguments, split up: {@code [--debug] SUBCOMMAND [WHAT] [--key value ...]}, or
 * {@code --help}, or arguments for SciJava's console service such as {@code --run "Title" "k='v'"}.
 * {@code --debug} may stand anywhere. An option is {@code --key value} or {@code --key=value}.
 */
final class CommandLine {

	/** What the arguments ask for. */
	enum Mode {
		/** No arguments at all. */
		NONE,
		/** {@code --help} or {@code -h} first: the general usage. */
		HELP,
		/** A subcommand with its options. */
		SUBCOMMAND,
		/** Arguments starting with a flag, for SciJava's console service (e.g. {@code --run}). */
		CONSOLE
	}

	private static final String DEBUG = "--debug";

	private final boolean debug;
	private final Mode mode;
	private final String subcommand;
	private final boolean help;
	private final List<String> positionals;
	private final Map<String, String> options;
	private final List<String> consoleArgs;

	private CommandLine(final boolean debug, final Mode mode, final String subcommand,
		final boolean help, final List<String> positionals, final Map<String, String> options,
		final List<String> consoleArgs)
	{
		this.debug = debug;
		this.mode = mode;
		this.subcommand = subcommand;
		this.help = help;
		this.positionals = Collections.unmodifiableList(positionals);
		this.options = Collections.unmodifiableMap(options);
		this.consoleArgs = Collections.unmodifiableList(consoleArgs);
	}

	/** Whether {@code --debug} appears anywhere in the arguments. */
	static boolean hasDebugFlag(final String[] args) {
		for (final String arg : args) {
			if (DEBUG.equals(arg)) return true;
		}
		return false;
	}

	/**
	 * Splits the arguments.
	 *
	 * @throws BadInputException for an option without a value, an option given twice, or a
	 *           single-dash argument after the subcommand
	 */
	static CommandLine parse(final String[] args) {
		final List<String> rest = new ArrayList<>();
		for (final String arg : args) {
			if (!DEBUG.equals(arg)) rest.add(arg);
		}
		final boolean debug = rest.size() < args.length;
		final List<String> none = List.of();
		if (rest.isEmpty()) {
			return new CommandLine(debug, Mode.NONE, null, false, none, Map.of(), none);
		}
		final String first = rest.get(0);
		if (isHelp(first)) {
			return new CommandLine(debug, Mode.HELP, null, true, none, Map.of(), none);
		}
		if (first.startsWith("-")) {
			return new CommandLine(debug, Mode.CONSOLE, null, false, none, Map.of(), rest);
		}
		boolean help = false;
		final List<String> positionals = new ArrayList<>();
		final Map<String, String> options = new LinkedHashMap<>();
		for (int i = 1; i < rest.size(); i++) {
			final String arg = rest.get(i);
			if (isHelp(arg)) {
				help = true;
			}
			else if (arg.startsWith("--") && arg.length() > 2) {
				final int eq = arg.indexOf('=');
				final String key;
				final String value;
				if (eq > 0) {
					key = arg.substring(2, eq);
					value = arg.substring(eq + 1);
				}
				else {
					key = arg.substring(2);
					if (i + 1 >= rest.size() || rest.get(i + 1).startsWith("--")) {
						throw new BadInputException("missing value for --" + key);
					}
					value = rest.get(++i);
				}
				if (key.isEmpty()) throw new BadInputException("option '" + arg + "' has no name");
				if (options.put(key, value) != null) {
					throw new BadInputException("--" + key + " is given twice");
				}
			}
			else if (arg.startsWith("-")) {
				throw new BadInputException("unexpected argument '" + arg +
					"' for '" + first + "' (options are written --key value)");
			}
			else {
				positionals.add(arg);
			}
		}
		return new CommandLine(debug, Mode.SUBCOMMAND, first, help, positionals, options, none);
	}

	private static boolean isHelp(final String arg) {
		return "--help".equals(arg) || "-h".equals(arg);
	}

	/** Whether {@code --debug} was given. */
	boolean debug() {
		return debug;
	}

	/** What the arguments ask for. */
	Mode mode() {
		return mode;
	}

	/** The subcommand's name, in {@link Mode#SUBCOMMAND}. */
	String subcommand() {
		return subcommand;
	}

	/** Whether help was asked for ({@code --help} or {@code -h}). */
	boolean help() {
		return help;
	}

	/** Arguments after the subcommand that are neither options nor option values. */
	List<String> positionals() {
		return positionals;
	}

	/** The options by key (without the leading dashes), in the order given. */
	Map<String, String> options() {
		return options;
	}

	/** All arguments except {@code --debug}, in {@link Mode#CONSOLE}. */
	List<String> consoleArgs() {
		return consoleArgs;
	}
}
