package covidunet.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.EnvironmentException;
import covidunet.command.ProgressEvent;
import covidunet.command.TrainUNetCommand;
import covidunet.command.run.CommandFrontend;
import covidunet.command.run.CommandRunner;
import covidunet.engine.ChildEngine;
import covidunet.engine.EngineMessages;
import covidunet.engine.EngineMessages.Status;
import covidunet.model.train.ForwardingTrainingListener;

/**
 * The child JVM of {@link ChildEngine}: reads one request from stdin, runs the command headless
 * through a {@link CommandRunner}, and writes its events and its end on stdout
 * ({@link EngineMessages}); whatever else is printed goes to stderr. A cancel line, the end of
 * stdin (the plugin's JVM went away) or SIGTERM cancels the command; a finish line finishes the
 * training's fold under way early. Exits 0 when the command finished, 2 for bad input, 1 otherwise.
 */
public final class EngineChild {

	private final EngineMessages.Writer out;
	private volatile boolean cancelled;
	private volatile boolean finish;

	private EngineChild(final PrintStream protocol) {
		out = new EngineMessages.Writer(protocol);
	}

	/** Runs the request on stdin; see the class description. */
	public static void main(final String[] args) {
		final PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
			StandardCharsets.UTF_8);
		System.setOut(System.err);
		Main.quietDefaults();
		System.exit(new EngineChild(protocol).run(new BufferedReader(new InputStreamReader(System.in,
			StandardCharsets.UTF_8))));
	}

	private int run(final BufferedReader in) {
		final EngineMessages.Request request;
		try {
			request = EngineMessages.Request.parse(in.readLine());
		}
		catch (final IOException | IllegalArgumentException e) {
			out.end(Status.INTERNAL, "the engine got no request (" + e.getMessage() + ")");
			return Failure.INTERNAL;
		}
		try (Context context = CliContext.create(System.err)) {
			final CommandRunner runner = new CommandRunner(context, new CommandFrontend() {

				@Override
				public void output(final String text) {
					// Sent with their names when the command has finished.
				}

				@Override
				public void progress(final ProgressEvent event) {
					out.progress(event.task(), event.done(), event.total());
				}
			});
			final Thread control = new Thread(() -> control(in, runner), "covid-unet engine control");
			control.setDaemon(true);
			control.start();
			try (ShutdownCancel interrupts = new ShutdownCancel(runner)) {
				final Class<? extends Command> type = commandClass(request.command());
				final Module module = runner.run(type, runner.info(type).getTitle(), request.inputs(), this::prepare);
				for (final ModuleItem<?> output : module.getInfo().outputs()) {
					final Object value = output.getValue(module);
					if (output.getType() == String.class && value != null) out.output(output.getName(), value.toString());
				}
				out.end(Status.OK, "");
				return Failure.OK;
			}
			catch (final Throwable t) {
				return end(t);
			}
		}
	}

	/** Reads control lines until stdin ends; the end cancels the command. */
	private void control(final BufferedReader in, final CommandRunner runner) {
		try {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.equals(EngineMessages.FINISH)) finish = true;
				else if (line.startsWith(EngineMessages.CANCEL)) {
					cancelled = true;
					runner.cancel(line.substring(EngineMessages.CANCEL.length()).strip());
				}
			}
		}
		catch (final IOException e) {
			// Same as the end of stdin.
		}
		cancelled = true;
		runner.cancel("cancelled: the plugin's JVM ended");
	}

	/** Gives a training command the listener that sends its events and takes finish requests. */
	private void prepare(final Object command) {
		if (!(command instanceof TrainUNetCommand)) return;
		((TrainUNetCommand) command).setListener(new ForwardingTrainingListener(out) {

			@Override
			public void foldStarted(final int fold, final int position, final int count) {
				finish = false;
				super.foldStarted(fold, position, count);
			}

			@Override
			public boolean finishRequested() {
				return finish;
			}
		});
	}

	private int end(final Throwable t) {
		final String message = CommandRunner.oneLine(t.getMessage() == null ? t.getClass().getName() : t.getMessage());
		if (cancelled || t instanceof CancelledException) {
			out.end(Status.CANCELLED, message);
			return Failure.INTERNAL;
		}
		if (t instanceof BadInputException) {
			out.end(Status.BAD_INPUT, message);
			return Failure.BAD_INPUT;
		}
		t.printStackTrace();
		out.end(t instanceof EnvironmentException ? Status.ENVIRONMENT : Status.INTERNAL, message);
		return Failure.INTERNAL;
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Command> commandClass(final String name) {
		try {
			final Class<?> type = Class.forName(name);
			if (Command.class.isAssignableFrom(type)) return (Class<? extends Command>) type;
		}
		catch (final ClassNotFoundException e) {
			// Reported below.
		}
		throw new IllegalArgumentException("not a command: " + name);
	}
}
