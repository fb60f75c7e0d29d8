package covidunet.command.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.display.DisplayPostprocessor;
import org.scijava.event.EventHandler;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.module.process.LoadInputsPreprocessor;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.module.process.SaveInputsPreprocessor;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;
import org.scijava.ui.FileListPreprocessor;
import org.scijava.ui.FilePreprocessor;

import covidunet.BadInputException;
import covidunet.command.ProgressEvent;

/**
 * Runs a SciJava command for a front-end — the launcher (a subcommand or {@code --run}), ImageJ
 * 1.x's {@code plugins.config} entries and the engine's child JVM — the same way:
 * <ol>
 * <li>checks that every given key is an option of the command and converts its value
 * ({@link CommandOptions}); reports required options that are missing;</li>
 * <li>runs the command through the {@link ModuleService} with SciJava's pre- and postprocessors,
 * except those that read or write remembered input values or ask for a missing file (a run
 * depends only on its arguments) and the display of outputs (the frontend shows them);</li>
 * <li>waits for it, and rethrows what the command threw, unwrapped, so that a
 * {@link BadInputException} stays one; SciJava does not log it in addition;</li>
 * <li>turns a cancelation (by a preprocessor or the command) into a {@link BadInputException}
 * with the cancel reason;</li>
 * <li>hands each non-null {@code String} output, and the progress reports, to its
 * {@link CommandFrontend} (the launcher's console, or ImageJ 1.x's log and status bar).</li>
 * </ol>
 * Problems with the arguments name the option as the frontend writes it ({@code --key} on the
 * command line, whichever syntax was used) and the command by the name given.
 */
public final class CommandRunner {

	private static final Set<Class<?>> SKIPPED_PROCESSORS = Set.of(LoadInputsPreprocessor.class,
		SaveInputsPreprocessor.class, FilePreprocessor.class, FileListPreprocessor.class,
		DisplayPostprocessor.class);

	@Parameter
	private CommandService commandService;

	@Parameter
	private ModuleService moduleService;

	@Parameter
	private PluginService pluginService;

	@Parameter
	private ConvertService convertService;

	private final CommandFrontend frontend;

	private volatile Module running;

	/**
	 * @param context the context to run commands in
	 * @param frontend where the commands' text outputs and progress go
	 */
	public CommandRunner(final Context context, final CommandFrontend frontend) {
		this.frontend = frontend;
		context.inject(this);
	}

	/**
	 * The command's metadata: from the plugin index, or from the class's {@code @Plugin}
	 * annotation when the class is not indexed (e.g. when this runs inside ImageJ 1.x's class
	 * loader).
	 */
	public CommandInfo info(final Class<? extends Command> type) {
		final CommandInfo indexed = commandService.getCommand(type);
		if (indexed != null) return indexed;
		return new CommandInfo(type, type.getAnnotation(Plugin.class));
	}

	/**
	 * Runs a command with the given option values.
	 *
	 * @param type the command
	 * @param name the subcommand's name, for messages
	 * @param given values by option name: strings as typed, or numbers and booleans as parsed
	 * @return the finished module, whose outputs can be read
	 * @throws BadInputException for an unknown option, a bad value, a missing required option or
	 *           a cancelation; also when the command throws one
	 * @throws RuntimeException or {@link Error}: whatever else the command threw
	 */
	public Module run(final Class<? extends Command> type, final String name,
		final Map<String, ?> given)
	{
		return run(type, name, given, command -> {});
	}

	/**
	 * Runs a command with the given option values, as {@link #run(Class, String, Map)}, after
	 * {@code prepare} has seen the command object (e.g. to set a listener).
	 */
	public Module run(final Class<? extends Command> type, final String name,
		final Map<String, ?> given, final Consumer<Object> prepare)
	{
		final CommandInfo info = info(type);
		final Module module = moduleService.createModule(info);
		if (module == null) throw new IllegalStateException("cannot create command " + type.getName());
		final Map<String, Object> inputs = inputs(module, name, given);
		prepare.accept(module.getDelegateObject());
		running = module;
		try {
			await(moduleService.run(module, preprocessors(), postprocessors(), inputs));
		}
		finally {
			running = null;
		}
		if (module instanceof Cancelable && ((Cancelable) module).isCanceled()) {
			final String reason = ((Cancelable) module).getCancelReason();
			throw new BadInputException(reason == null || reason.isBlank() ? "'" + name +
				"' was canceled" : oneLine(reason));
		}
		printOutputs(module);
		return module;
	}

	private Map<String, Object> inputs(final Module module, final String name,
		final Map<String, ?> given)
	{
		final Map<String, ModuleItem<?>> options = CommandOptions.of(module.getInfo());
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final Map.Entry<String, ?> entry : given.entrySet()) {
			final ModuleItem<?> input = options.get(entry.getKey());
			final String option = frontend.option(entry.getKey());
			if (input == null) {
				throw new BadInputException("unknown option " + option + " for '" + name + "'");
			}
			inputs.put(entry.getKey(), CommandOptions.convert(input, entry.getValue(), option,
				convertService));
		}
		for (final ModuleItem<?> input : options.values()) {
			if (input.isRequired() && !inputs.containsKey(input.getName()) &&
				input.getValue(module) == null)
			{
				throw new BadInputException("missing " + frontend.option(input.getName()) + " for '" + name + "'");
			}
		}
		return inputs;
	}

	private List<PreprocessorPlugin> preprocessors() {
		final List<PreprocessorPlugin> kept = new ArrayList<>();
		for (final PreprocessorPlugin p : pluginService.createInstancesOfType(PreprocessorPlugin.class)) {
			if (!SKIPPED_PROCESSORS.contains(p.getClass())) kept.add(p);
		}
		return kept;
	}

	private List<PostprocessorPlugin> postprocessors() {
		final List<PostprocessorPlugin> kept = new ArrayList<>();
		for (final PostprocessorPlugin p : pluginService.createInstancesOfType(PostprocessorPlugin.class)) {
			if (!SKIPPED_PROCESSORS.contains(p.getClass())) kept.add(p);
		}
		return kept;
	}

	private static void await(final Future<Module> future) {
		try {
			future.get();
		}
		catch (final InterruptedException exc) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the command", exc);
		}
		catch (final ExecutionException exc) {
			throw rethrowable(exc.getCause());
		}
	}

	/**
	 * What the command threw: {@code ModuleRunner.call()} wraps it in a plain
	 * {@code RuntimeException("Module threw exception")} (or "error").
	 */
	private static RuntimeException rethrowable(final Throwable thrown) {
		Throwable t = thrown;
		if (t.getClass() == RuntimeException.class && t.getCause() != null &&
			String.valueOf(t.getMessage()).startsWith("Module threw "))
		{
			t = t.getCause();
		}
		if (t instanceof Error) throw (Error) t;
		if (t instanceof RuntimeException) return (RuntimeException) t;
		return new IllegalStateException(t.getMessage(), t);
	}

	private void printOutputs(final Module module) {
		for (final ModuleItem<?> output : module.getInfo().outputs()) {
			if (output.getType() != String.class) continue;
			final Object value = output.getValue(module);
			if (value != null) frontend.output(value.toString());
		}
	}

	/**
	 * Cancels the running command, if there is one and it can be cancelled; the run then ends
	 * with a {@link BadInputException} carrying the reason.
	 */
	public void cancel(final String reason) {
		final Module module = running;
		if (module instanceof Cancelable) ((Cancelable) module).cancel(reason);
	}

	/**
	 * Cancels the running command, if any, and waits up to {@code millis} for it to end (for the
	 * JVM's end, which halts once its shutdown hooks return).
	 */
	public void cancelAndWait(final String reason, final long millis) {
		cancel(reason);
		final long deadline = System.nanoTime() + millis * 1_000_000;
		try {
			while (running != null && System.nanoTime() < deadline) Thread.sleep(10);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Hands the running command's progress reports to the frontend. */
	@EventHandler
	private void onProgress(final ProgressEvent event) {
		if (running != null) frontend.progress(event);
	}

	/** Keeps SciJava from logging the failure of the command being run: the launcher reports it. */
	@EventHandler
	private void onError(final ModuleErroredEvent event) {
		if (event.getModule() == running) event.consume();
	}

	/** The text on one line: line breaks become "; ", surrounding blanks go ("" for {@code null}). */
	public static String oneLine(final String text) {
		if (text == null) return "";
		return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
	}
}
