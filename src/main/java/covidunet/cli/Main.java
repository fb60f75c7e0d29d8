package covidunet.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.Context;
import org.scijava.console.ConsoleService;
import org.scijava.object.ObjectService;
import org.scijava.startup.StartupService;

import covidunet.BadInputException;
import covidunet.command.run.CommandRunner;

/**
 * The launcher's entry point: {@code covid-unet SUBCOMMAND [--key value ...]} or
 * {@code covid-unet --run "Title" "key='value',..."}.
 * <p>
 * Built-in subcommands ({@code info}, {@code bench}) run without a SciJava context. Every other
 * subcommand runs its SciJava command in a headless context through a {@link CommandRunner};
 * {@code --run} and other flags go through SciJava's {@link ConsoleService} and
 * {@link StartupService}, as in Fiji, with the launcher's own {@link LauncherRunArgument}.
 * </p>
 * <p>
 * Exit codes: 0 success; 2 bad input or usage (a {@link BadInputException}, also from a command),
 * with exactly one line {@code error: …} on stderr; 1 otherwise, with one line
 * {@code error: internal: …}, or {@code error: …} for an
 * {@link covidunet.EnvironmentException} (a broken installation). {@code --debug} adds the stack
 * trace. Nothing else is written to stderr.
 * </p>
 */
public final class Main {

	private static final String PREFERENCES_FACTORY = "java.util.prefs.PreferencesFactory";

	/** System property naming the file descriptor (e.g. {@code 3}) that error lines go to. */
	public static final String MESSAGES_PROPERTY = "covidunet.messages";

	private final Subcommands subcommands;

	/** A launcher offering these subcommands. */
	public Main(final Subcommands subcommands) {
		this.subcommands = subcommands;
	}

	private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

	/**
	 * Runs the launcher and exits the JVM with its exit code. Java preferences stay in memory in
	 * this JVM (see {@link MemoryPreferences}).
	 */
	public static void main(final String[] args) {
		quietDefaults();
		System.exit(run(args, System.out, messageStream()));
	}

	/**
	 * Sets what a launcher-like JVM (this one, or the plugin's child JVM) needs before anything
	 * else runs, unless given: Java preferences in memory, and no SLF4J warnings (the HDF5 reader
	 * logs through SLF4J, for which there is no logging back-end).
	 */
	static void quietDefaults() {
		if (System.getProperty(PREFERENCES_FACTORY) == null) {
			System.setProperty(PREFERENCES_FACTORY, MemoryPreferences.Factory.class.getName());
		}
		if (System.getProperty(SLF4J_VERBOSITY) == null) System.setProperty(SLF4J_VERBOSITY, "ERROR");
	}

	/**
	 * Where the error line goes: the file descriptor the launcher names in
	 * {@value #MESSAGES_PROPERTY} (its own stderr, passed on as another descriptor while the
	 * process's stderr, where native libraries log, goes elsewhere), written through directly so
	 * that it shares the caller's file offset (reopening it would overwrite or reorder a log the
	 * caller writes to); else {@code System.err}. Needs {@code --add-opens
	 * java.base/java.io=ALL-UNNAMED}, which the launcher passes.
	 */
	private static PrintStream messageStream() {
		final String fd = System.getProperty(MESSAGES_PROPERTY);
		if (fd == null) return System.err;
		try {
			final FileDescriptor descriptor = new FileDescriptor();
			final Field number = FileDescriptor.class.getDeclaredField("fd");
			number.setAccessible(true);
			number.setInt(descriptor, Integer.parseInt(fd));
			final PrintStream messages = new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
			System.setErr(messages);
			return messages;
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			return System.err;
		}
	}

	/**
	 * Runs the launcher with the {@linkplain Subcommands#standard() standard subcommands}.
	 *
	 * @return the exit code
	 */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		return new Main(Subcommands.standard()).execute(args, out, err);
	}

	/**
	 * Runs the launcher.
	 *
	 * @param args the command-line arguments
	 * @param out where results and progress go
	 * @param err where the error line goes
	 * @return the exit code
	 */
	public int execute(final String[] args, final PrintStream out, final PrintStream err) {
		try {
			return dispatch(CommandLine.parse(args), out);
		}
		catch (final Throwable t) {
			out.flush();
			return Failure.report(t, CommandLine.hasDebugFlag(args), err);
		}
		finally {
			out.flush();
		}
	}

	private int dispatch(final CommandLine line, final PrintStream out) {
		switch (line.mode()) {
			case NONE:
				out.print(Usage.general(subcommands));
				throw new BadInputException("no subcommand given");
			case HELP:
				out.print(Usage.general(subcommands));
				return Failure.OK;
			case CONSOLE:
				runConsole(line.consoleArgs(), out);
				return Failure.OK;
			default:
				final Subcommands.Entry entry = subcommands.find(line.subcommand()).orElseThrow(
					() -> new BadInputException("unknown subcommand '" + line.subcommand() +
						"' (available: " + subcommands.names() + ")"));
				if (entry.builtin() != null) runBuiltin(entry, line, out);
				else runCommand(entry, line, out);
				return Failure.OK;
		}
	}

	private static void runBuiltin(final Subcommands.Entry entry, final CommandLine line,
		final PrintStream out)
	{
		if (line.help()) {
			out.print(Usage.builtin(entry));
			return;
		}
		final Map<String, String> options = new LinkedHashMap<>();
		final List<String> positionals = line.positionals();
		for (int i = 0; i < positionals.size(); i++) {
			if (i >= entry.positionals().size()) throw unexpected(positionals.get(i), entry);
			options.put(entry.positionals().get(i), positionals.get(i));
		}
		for (final Map.Entry<String, String> option : line.options().entrySet()) {
			if (options.containsKey(option.getKey())) {
				throw new BadInputException("--" + option.getKey() + " is given twice");
			}
			options.put(option.getKey(), option.getValue());
		}
		entry.builtin().run(options, out);
	}

	private static void runCommand(final Subcommands.Entry entry, final CommandLine line,
		final PrintStream out)
	{
		if (!line.positionals().isEmpty()) throw unexpected(line.positionals().get(0), entry);
		try (Context context = CliContext.create(out)) {
			final CommandRunner runner = new CommandRunner(context, new ConsoleFrontend(out));
			if (line.help()) out.print(Usage.command(entry, runner.info(entry.command())));
			else {
				try (ShutdownCancel interrupts = new ShutdownCancel(runner)) {
					runner.run(entry.command(), entry.name(), line.options());
				}
			}
		}
	}

	private void runConsole(final List<String> args, final PrintStream out) {
		try (Context context = CliContext.create(out)) {
			final CommandRunner runner = new CommandRunner(context, new ConsoleFrontend(out));
			final LauncherSession session = new LauncherSession(subcommands, runner);
			context.getService(ObjectService.class).addObject(session);
			try (ShutdownCancel interrupts = new ShutdownCancel(runner)) {
				context.getService(ConsoleService.class).processArgs(args.toArray(new String[0]));
				context.getService(StartupService.class).executeOperations();
			}
			session.finish();
		}
	}

	private static BadInputException unexpected(final String arg, final Subcommands.Entry entry) {
		return new BadInputException("unexpected argument '" + arg + "' for '" + entry.name() + "'");
	}
}
