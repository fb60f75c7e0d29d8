package covidunet.cli;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import covidunet.BadInputException;
import covidunet.EnvironmentException;
import covidunet.Progress;
import covidunet.command.StatusProgress;

/** Commands that exist only for the launcher's tests. */
final class TestCommands {

	private TestCommands() {}

	/** The standard subcommands plus the test commands. */
	static Subcommands registry() {
		return Subcommands.standard()
			.command("echo", EchoCommand.class, "echoes its options")
			.command("fail", FailCommand.class, "fails as told")
			.command("refuse", RefuseCommand.class, "cancelled by its initializer")
			.command("steps", StepsCommand.class, "reports progress");
	}

	/** Prints its converted options. */
	@Plugin(type = Command.class, menuPath = "Plugins>Test>Echo Test", headless = true)
	public static class EchoCommand implements Command {

		@Parameter
		private LogService log;

		@Parameter(description = "what to echo")
		private String text;

		@Parameter(required = false)
		private Boolean loud;

		@Parameter(required = false, min = "1")
		private Integer count;

		@Parameter(required = false)
		private double scale = 1.5;

		@Parameter(required = false)
		private File path;

		@Parameter(required = false, choices = { "batch", "instance", "none" })
		private String norm = "batch";

		@Parameter(type = ItemIO.OUTPUT)
		private String result;

		@Override
		public void run() {
			log.warn("echo warns");
			result = "text=" + text + " loud=" + loud + " count=" + count + " scale=" + scale +
				" path=" + path + " norm=" + norm + " log=" + (log != null);
		}
	}

	/** Fails in the way its {@code kind} names. */
	@Plugin(type = Command.class, menuPath = "Plugins>Test>Fail Test", headless = true)
	public static class FailCommand extends ContextCommand {

		@Parameter
		private String kind;

		@Override
		public void run() {
			switch (kind) {
				case "bad":
					throw new BadInputException("/data/a.nii.gz is not a NIfTI file");
				case "environment":
					throw new EnvironmentException("the natives are missing");
				case "cancel":
					cancel("no cases in /data\nlook elsewhere");
					return;
				case "error":
					throw new OutOfMemoryError("Java heap space");
				default:
					throw new IllegalStateException("boom", new RuntimeException("root cause"));
			}
		}
	}

	/** Cancelled by its initializer, i.e. by SciJava's InitPreprocessor. */
	@Plugin(type = Command.class, menuPath = "Plugins>Test>Refuse Test", headless = true,
		initializer = "refuse")
	public static class RefuseCommand extends ContextCommand {

		@Override
		public void run() {
			throw new IllegalStateException("must not run");
		}

		@SuppressWarnings("unused")
		private void refuse() {
			cancel("the initializer refused");
		}
	}

	/** Reports {@code steps} steps of progress through {@link StatusProgress}. */
	@Plugin(type = Command.class, menuPath = "Plugins>Test>Steps Test", headless = true)
	public static class StepsCommand extends ContextCommand {

		@Parameter
		private StatusService status;

		@Parameter
		private int steps;

		@Override
		public void run() {
			final Progress progress = new StatusProgress(status, this);
			for (int i = 1; i <= steps; i++) {
				progress.report("step", i, steps);
			}
			progress.report("done", 1, 1);
		}
	}
}
