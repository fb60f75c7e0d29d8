package covidunet.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;

/** An empty path given for an optional file, as a macro's {@code config=[]} gives it in Fiji. */
class EmptyFilePreprocessorTest {

	@Test
	void anEmptyOptionalFileIsNotGiven() {
		final Context context = new Context();
		try {
			final Module module = context.service(ModuleService.class).createModule(context.service(CommandService.class)
				.getCommand(TrainUNetCommand.class));
			// as Fiji's macro preprocessor sets run("Train COVID U-Net", "config=[] dataset=[] init_model=[/m]")
			final ConvertService convert = context.service(ConvertService.class);
			for (final Map.Entry<String, String> e : Map.of("config", "", "dataset", "", "init_model", "/m").entrySet()) {
				module.setInput(e.getKey(), convert.convert(e.getValue(), File.class));
				module.resolveInput(e.getKey());
			}
			assertEquals(new File(""), module.getInput("config"));
			indexed(context).process(module);
			assertNull(module.getInput("config"));
			assertTrue(module.isInputResolved("config"), "no file chooser or dialog asks for it");
			assertEquals(new File(""), module.getInput("dataset"), "a required file is the command's to check");
			assertEquals(new File("/m"), module.getInput("init_model"));
		}
		finally {
			context.dispose();
		}
	}

	/** The preprocessor as Fiji finds it: in SciJava's plugin index. */
	private static PreprocessorPlugin indexed(final Context context) {
		for (final PreprocessorPlugin p : context.service(PluginService.class).createInstancesOfType(
			PreprocessorPlugin.class))
		{
			if (p instanceof EmptyFilePreprocessor) return p;
		}
		return fail("EmptyFilePreprocessor is not in SciJava's plugin index");
	}
}
