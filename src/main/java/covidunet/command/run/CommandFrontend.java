package covidunet.command.run;

import covidunet.command.ProgressEvent;

/**
 * Where a {@link CommandRunner}'s run shows its text outputs and progress, and how it names
 * options in messages: the launcher's console ({@code covidunet.cli}) or ImageJ 1.x's log and
 * status bar ({@code covidunet.ij1}).
 */
public interface CommandFrontend {

	/** A non-null {@code String} output of the finished command. */
	void output(String text);

	/** A progress report of the running command, as the command made it. */
	void progress(ProgressEvent event);

	/** An option as the user writes it, for messages: {@code --key} on the command line. */
	default String option(final String name) {
		return "--" + name;
	}
}
