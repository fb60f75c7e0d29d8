package covidunet.ij1;

import java.util.Map;

import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.command.run.CommandRunner;

/**
 * The ImageJ 1.x entry of one of the plugin's SciJava commands, registered in
 * {@code plugins.config} with the command's class as argument, e.g.
 * {@code Plugins>COVID-19 U-Net, "Segment Volume", covidunet.ij1.CommandPlugIn("covidunet.command.SegmentVolumeCommand")}.
 * <p>
 * It asks for the command's parameters in a {@link ij.gui.GenericDialog} whose keys are the
 * parameter names, so that a macro line works, and is recorded, exactly as in Fiji:
 * {@code run("Segment Volume", "input=[/data/ct.nii.gz] model=[/models/fold_0] output=[/out/ct_labels.nii.gz]");}.
 * The command then runs through the same {@link CommandRunner} as the launcher's; an input of
 * type {@link ImagePlus} receives the current image, outputs go to the Log window (text) or are
 * shown (images), progress goes to the status bar, Esc cancels, and a problem with the input is
 * one error message that also aborts the calling macro.
 * </p>
 * <p>
 * In Fiji the SciJava command of the same title takes this entry's place (ImageJ2's legacy layer
 * overrides ImageJ 1.x commands of the same name), so each command appears once.
 * </p>
 */
public class CommandPlugIn implements PlugIn {

	private static final String COMMANDS = "covidunet.command.";

	@Override
	public void run(final String arg) {
		final Class<? extends Command> type = commandClass(arg);
		if (type == null) {
			fail("COVID-19 U-Net", "not a command of this plugin: '" + arg + "'");
			return;
		}
		final CommandRunner runner = ImageJSession.runner();
		final CommandInfo info = runner.info(type);
		final String title = info.getTitle();
		try {
			final Map<String, Object> values = CommandDialog.ask(info, ImageJSession.defaults(info));
			if (values == null) return;
			addCurrentImage(info, values);
			IJ.resetEscape();
			show(runner.run(type, title, values));
			IJ.showStatus(title + ": done");
		}
		catch (final BadInputException | CancelledException exc) {
			IJ.showStatus("");
			fail(title, exc.getMessage());
		}
		finally {
			IJ.showProgress(1.0);
		}
	}

	/**
	 * Reports a problem and aborts the calling macro: in a dialog, or, without ImageJ's window
	 * ({@code -batch}), as one line on stderr, since nobody would close a dialog there.
	 */
	private static void fail(final String title, final String message) {
		if (IJ.getInstance() != null) {
			IJ.error(title, message);
			return;
		}
		System.err.println("error: " + title + ": " + message);
		Interpreter.abort();
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Command> commandClass(final String name) {
		if (name == null || !name.startsWith(COMMANDS)) return null;
		try {
			final Class<?> type = Class.forName(name, true, CommandPlugIn.class.getClassLoader());
			return Command.class.isAssignableFrom(type) ? (Class<? extends Command>) type : null;
		}
		catch (final ClassNotFoundException exc) {
			return null;
		}
	}

	/** Gives each image input of the command the current image, if there is one. */
	private static void addCurrentImage(final CommandInfo info, final Map<String, Object> values) {
		final ImagePlus current = WindowManager.getCurrentImage();
		if (current == null) return;
		for (final ModuleItem<?> input : info.inputs()) {
			if (input.getType() == ImagePlus.class) values.put(input.getName(), current);
		}
	}

	/** Shows the images the command made. */
	private static void show(final Module module) {
		for (final ModuleItem<?> output : module.getInfo().outputs()) {
			final Object value = output.getValue(module);
			if (value instanceof ImagePlus && output.getType() == ImagePlus.class) ((ImagePlus) value).show();
		}
	}
}
