package covidunet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;

/** What of a command goes to the child JVM: its convertible inputs, as the launcher takes them. */
class EngineInputsTest {

	/** A command with one input of each kind. */
	static class Inputs implements Command {

		@Parameter
		private File folder = new File("relative/models");

		@Parameter(required = false)
		private File empty = new File("");

		@Parameter(required = false)
		private File none;

		@Parameter
		private String text = "a b";

		@Parameter
		private int count = 3;

		@Parameter
		private double rate = 0.5;

		@Parameter
		private boolean flag = true;

		@Parameter(required = false)
		private ImagePlus image = new ImagePlus();

		@Parameter
		private StatusService status;

		@Parameter(type = ItemIO.OUTPUT)
		private String summary = "not an input";

		@Override
		public void run() {}
	}

	@Test
	void convertibleInputsGoAsTextFilesAsAbsolutePaths() {
		final Map<String, String> expected = new LinkedHashMap<>();
		expected.put("folder", new File("relative/models").getAbsolutePath());
		expected.put("text", "a b");
		expected.put("count", "3");
		expected.put("rate", "0.5");
		expected.put("flag", "true");
		assertEquals(expected, EngineInputs.of(new Inputs()));
	}

	@Test
	void skippedInputsAreLeftOut() {
		assertEquals(Map.of("text", "a b", "rate", "0.5", "flag", "true"), EngineInputs.of(new Inputs(), "folder",
			"count"));
	}
}
