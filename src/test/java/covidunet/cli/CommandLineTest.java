package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;

class CommandLineTest {

	@Test
	void splitsSubcommandPositionalsAndOptions() {
		final CommandLine line = CommandLine.parse(new String[] { "bench", "train", "--size", "64",
			"--seed", "-1", "--norm=instance", "--debug" });
		assertEquals(CommandLine.Mode.SUBCOMMAND, line.mode());
		assertEquals("bench", line.subcommand());
		assertEquals(List.of("train"), line.positionals());
		assertEquals(Map.of("size", "64", "seed", "-1", "norm", "instance"), line.options());
		assertTrue(line.debug());
	}

	@Test
	void debugMayStandFirst() {
		final CommandLine line = CommandLine.parse(new String[] { "--debug", "--run", "Check Backend", "" });
		assertEquals(CommandLine.Mode.CONSOLE, line.mode());
		assertEquals(List.of("--run", "Check Backend", ""), line.consoleArgs());
		assertEquals(CommandLine.Mode.NONE, CommandLine.parse(new String[] { "--debug" }).mode());
	}

	@Test
	void rejectsMalformedOptions() {
		assertEquals("--a is given twice", assertThrows(BadInputException.class,
			() -> CommandLine.parse(new String[] { "x", "--a", "1", "--a", "2" })).getMessage());
		assertEquals("unexpected argument '-a' for 'x' (options are written --key value)",
			assertThrows(BadInputException.class, () -> CommandLine.parse(new String[] { "x", "-a", "1" }))
				.getMessage());
		assertEquals("option '--=1' has no name", assertThrows(BadInputException.class,
			() -> CommandLine.parse(new String[] { "x", "--=1" })).getMessage());
	}

	@Test
	void emptyValuesAreValues() {
		assertEquals(Map.of("a", ""), CommandLine.parse(new String[] { "x", "--a", "" }).options());
	}
}
