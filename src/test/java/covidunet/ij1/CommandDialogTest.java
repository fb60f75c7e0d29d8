package covidunet.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.Plugin;

import ij.Macro;

import covidunet.command.run.CommandOptions;

/**
 * The ImageJ 1.x dialogs' fields: for every command that plugins.config registers, each field's
 * macro key (ImageJ's rule: the label's first word, lower-cased) is the parameter's name, so
 * that macros written for Fiji work in ImageJ 1.x and the recorder writes the same keys.
 */
class CommandDialogTest {

	private static final Pattern ENTRY = Pattern.compile("covidunet\\.ij1\\.CommandPlugIn\\(\"([\\w.]+)\"\\)");

	@Test
	void everyFieldsMacroKeyIsItsParameterName() throws Exception {
		final List<Class<? extends Command>> commands = registeredCommands();
		assertFalse(commands.isEmpty());
		int fields = 0;
		for (final Class<? extends Command> type : commands) {
			final CommandInfo info = new CommandInfo(type, type.getAnnotation(Plugin.class));
			for (final ModuleItem<?> item : CommandOptions.of(info).values()) {
				final String label = CommandDialog.label(item);
				assertEquals(item.getName(), Macro.trimKey(label), type.getSimpleName() + ": " + label);
				fields++;
			}
		}
		assertTrue(fields > 40, fields + " fields");
	}

	/** Check Backend has no options: no dialog, which would stop a batch macro until someone closes it. */
	@Test
	void aCommandWithoutOptionsAsksNothing() {
		final CommandInfo check = new CommandInfo(covidunet.command.CheckBackendCommand.class);
		assertEquals(Map.of(), CommandDialog.ask(check, null));
	}

	@Test
	void theRestOfTheLabelFollowsTheName() throws Exception {
		final CommandInfo train = new CommandInfo(covidunet.command.TrainUNetCommand.class);
		assertEquals("folds_file (.json)", CommandDialog.label(train.getInput("folds_file")));
		assertEquals("config - Configuration (optional)", CommandDialog.label(train.getInput("config")));
		assertEquals("max_minutes - Time limit (minutes)", CommandDialog.label(train.getInput("max_minutes")));
		assertEquals("seed", CommandDialog.label(train.getInput("seed")));
	}

	@Test
	void anEmptyFileOrNumberIsNotGiven() {
		assertEquals("", Macro.getValue("input=[] model=[/m]", "input", null), "a macro's key=[] gives an empty text");
		final CommandInfo train = new CommandInfo(covidunet.command.TrainUNetCommand.class);
		final Map<String, Object> values = new LinkedHashMap<>();
		CommandDialog.put(values, train.getInput("config"), "");
		CommandDialog.put(values, train.getInput("epochs"), "");
		CommandDialog.put(values, train.getInput("init_model"), "/m");
		CommandDialog.put(values, train.getInput("norm"), "");
		assertEquals(Map.of("init_model", "/m", "norm", ""), values, "the command's defaults hold for the others");
	}

	@SuppressWarnings("unchecked")
	private static List<Class<? extends Command>> registeredCommands() throws IOException, ClassNotFoundException {
		final List<Class<? extends Command>> commands = new ArrayList<>();
		for (final String line : Files.readAllLines(Path.of("plugins.config"))) {
			final Matcher m = ENTRY.matcher(line);
			if (!line.startsWith("#") && m.find()) commands.add((Class<? extends Command>) Class.forName(m.group(1)));
		}
		return commands;
	}
}
