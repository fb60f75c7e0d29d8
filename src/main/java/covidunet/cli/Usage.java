package covidunet.cli;

import java.util.Map;

import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

import covidunet.command.run.CommandOptions;

/** The texts of {@code --help}. */
final class Usage {

	private Usage() {}

	/** The general usage, listing the subcommands. */
	static String general(final Subcommands subcommands) {
		final StringBuilder text = new StringBuilder();
		text.append("Usage: covid-unet SUBCOMMAND [--key value ...]\n");
		text.append("       covid-unet --run \"Title\" \"key='value',key2=3\"   (Fiji's syntax)\n");
		text.append("       covid-unet SUBCOMMAND --help\n\n");
		text.append("Subcommands:\n");
		int width = 0;
		for (final Subcommands.Entry entry : subcommands.all()) {
			width = Math.max(width, entry.name().length());
		}
		for (final Subcommands.Entry entry : subcommands.all()) {
			text.append("  ").append(pad(entry.name(), width)).append("  ").append(entry.summary())
				.append('\n');
		}
		text.append("\nBooleans are written --key true|false. --debug shows stack traces.\n");
		text.append("Exit codes: 0 success, 2 bad input or usage, 1 internal failure.\n");
		return text.toString();
	}

	/** The usage of a built-in subcommand. */
	static String builtin(final Subcommands.Entry entry) {
		return "Usage: covid-unet " + entry.name() + " " + entry.summary() + "\n";
	}

	/** The usage of a subcommand that runs a command: its options with types and defaults. */
	static String command(final Subcommands.Entry entry, final CommandInfo info) {
		final StringBuilder text = new StringBuilder();
		text.append("Usage: covid-unet ").append(entry.name()).append(" [--key value ...]\n");
		text.append("       covid-unet --run \"").append(info.getTitle()).append("\" \"key='value',...\"\n");
		text.append(entry.summary()).append('\n');
		final Map<String, ModuleItem<?>> options = CommandOptions.of(info);
		if (options.isEmpty()) {
			text.append("\nNo options.\n");
			return text.toString();
		}
		text.append("\nOptions:\n");
		for (final ModuleItem<?> input : options.values()) {
			text.append("  --").append(input.getName()).append(' ').append(CommandOptions.typeName(input));
			if (input.isRequired() && input.getDefaultValue() == null) text.append("  (required)");
			else if (input.getDefaultValue() != null) {
				text.append("  [").append(input.getDefaultValue()).append(']');
			}
			final String description = input.getDescription();
			if (description != null && !description.isBlank()) {
				text.append("\n      ").append(description);
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static String pad(final String s, final int width) {
		return s + " ".repeat(width - s.length());
	}
}
