package covidunet.command;

import java.io.File;

import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * Reads an empty path given for an optional file input of this plugin's commands as "not given".
 * In Fiji a macro's {@code config=[]} (or {@code --run … "config=''"}) sets the input to
 * {@code new File("")}; this preprocessor makes it {@code null}, the input's default, and leaves
 * it resolved. So a macro can name every optional file, empty, and Fiji then never asks for one
 * with a file chooser. It runs after ImageJ's macro preprocessor has set the inputs and before
 * SciJava's file chooser and input dialog.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.VERY_HIGH)
public class EmptyFilePreprocessor extends AbstractPreprocessorPlugin {

	private static final String COMMANDS = "covidunet.command.";

	@Override
	public void process(final Module module) {
		if (!module.getInfo().getDelegateClassName().startsWith(COMMANDS)) return;
		for (final ModuleItem<?> input : module.getInfo().inputs()) {
			if (input.isRequired() || input.getType() != File.class) continue;
			final Object value = module.getInput(input.getName());
			if (value != null && ((File) value).getPath().isEmpty()) module.setInput(input.getName(), null);
		}
	}
}
