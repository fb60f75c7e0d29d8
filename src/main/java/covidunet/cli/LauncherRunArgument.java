package covidunet.cli;

import java.util.LinkedList;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scijava.Priority;
import org.scijava.console.ConsoleArgument;
import org.scijava.parse.Items;
import org.scijava.parse.ParseService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.startup.StartupService;

import covidunet.BadInputException;
import covidunet.command.run.CommandRunner;

/**
 * Handles {@code --run "Title" "key='value',key2=3"} in the launcher, as Fiji does, but through
 * the launcher's {@link CommandRunner}, so that errors and exit codes are those of the
 * subcommands. SciJava's own {@code --run} handler only logs a failure and its arguments' parse
 * errors, so this one takes precedence while a {@link LauncherSession} exists; elsewhere (in
 * Fiji) it stands aside.
 * <p>
 * The arguments are parsed at once (a malformed string is a one-line error); the run is queued
 * with the {@link StartupService}, like Fiji's.
 * </p>
 */
@Plugin(type = ConsoleArgument.class, priority = Priority.HIGH)
public class LauncherRunArgument extends LauncherConsoleArgument {

	private static final Pattern AT_INDEX = Pattern.compile("at index (\\d+)");

	@Parameter
	private ParseService parseService;

	@Parameter
	private StartupService startupService;

	/** Handles {@code --run}. */
	public LauncherRunArgument() {
		super(1, "--run");
	}

	@Override
	public void handle(final LinkedList<String> args) {
		if (!supports(args)) return;
		final LauncherSession session = session();
		args.removeFirst();
		if (args.isEmpty()) {
			throw new BadInputException("--run needs a command title, e.g. --run \"Check Backend\" \"\"");
		}
		final String title = args.removeFirst();
		final String arguments = getParam(args);
		if (arguments != null) args.removeFirst();
		final Subcommands.Entry entry = session.byTitle(title);
		final Map<String, Object> inputs = arguments == null ? Map.of() : parse(arguments);
		startupService.addOperation(() -> session.run(entry, inputs));
	}

	private Map<String, Object> parse(final String arguments) {
		final Items items;
		try {
			items = parseService.parse(arguments);
		}
		catch (final RuntimeException exc) {
			throw new BadInputException("cannot parse --run arguments \"" + arguments + "\": " +
				inArguments(CommandRunner.oneLine(exc.getMessage())), exc);
		}
		if (!items.isMap()) {
			throw new BadInputException("cannot parse --run arguments \"" + arguments +
				"\": expected key=value pairs separated by commas, e.g. \"input='/data/a b.nii.gz',threads=2\"");
		}
		return items.asMap();
	}

	/**
	 * The parse service reads {@code "(" + arguments + ")"}: its "at index N" counts the opening
	 * parenthesis, which the user did not type.
	 */
	private static String inArguments(final String message) {
		final Matcher m = AT_INDEX.matcher(message);
		if (!m.find()) return message;
		final int index = Math.max(0, Integer.parseInt(m.group(1)) - 1);
		return message.substring(0, m.start(1)) + index + message.substring(m.end(1));
	}
}
