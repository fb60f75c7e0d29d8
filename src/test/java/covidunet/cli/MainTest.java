package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.plugin.Plugin;

class MainTest {

	private static void assertError(final Launch launch, final int code, final String line) {
		assertEquals("error: " + line + System.lineSeparator(), launch.err(), "stderr");
		assertEquals(code, launch.code(), "exit code");
	}

	@Test
	void helpListsTheSubcommands() {
		final Launch launch = Launch.with(new Main(Subcommands.standard()), "--help");
		assertEquals(0, launch.code());
		assertEquals("", launch.err());
		assertTrue(launch.out().startsWith("Usage: covid-unet SUBCOMMAND"), launch.out());
		for (final String name : new String[] { "check", "info", "bench" }) {
			assertTrue(launch.out().contains("\n  " + name + " "), name);
		}
	}

	@Test
	void noArgumentsPrintUsageAndFail() {
		final Launch launch = Launch.of();
		assertTrue(launch.out().startsWith("Usage: "));
		assertError(launch, 2, "no subcommand given");
	}

	@Test
	void unknownSubcommand() {
		assertError(Launch.with(new Main(Subcommands.standard()), "segmnet"), 2,
			"unknown subcommand 'segmnet' (available: " + Subcommands.standard().names() + ")");
		assertTrue(Subcommands.standard().names().startsWith("check, info, "));
	}

	@Test
	void unknownOption() {
		assertError(Launch.of("echo", "--text", "hi", "--foo", "1"), 2,
			"unknown option --foo for 'echo'");
	}

	@Test
	void missingValue() {
		assertError(Launch.of("echo", "--text"), 2, "missing value for --text");
		assertError(Launch.of("echo", "--text", "--loud", "true"), 2, "missing value for --text");
	}

	@Test
	void missingRequiredOption() {
		assertError(Launch.of("echo", "--loud", "true"), 2, "missing --text for 'echo'");
	}

	@Test
	void badValues() {
		assertError(Launch.of("echo", "--text", "a", "--loud", "yes"), 2,
			"bad value 'yes' for --loud: expected true or false");
		assertError(Launch.of("echo", "--text", "a", "--count", "2.5"), 2,
			"bad value '2.5' for --count: expected an integer");
		assertError(Launch.of("echo", "--text", "a", "--count", "0"), 2,
			"bad value '0' for --count: must be at least 1");
		assertError(Launch.of("echo", "--text", "a", "--scale", "1,5"), 2,
			"bad value '1,5' for --scale: expected a number");
		assertError(Launch.of("echo", "--text", "a", "--norm", "group"), 2,
			"bad value 'group' for --norm: expected one of batch, instance, none");
	}

	@Test
	void anOptionalChoiceMayBeEmpty() {
		final Launch launch = Launch.of("echo", "--text", "a", "--norm", "");
		assertEquals("", launch.err());
		assertTrue(launch.out().contains(" norm= "), launch.out());
	}

	@Test
	void optionsAreConverted() {
		final Launch launch = Launch.of("echo", "--text", "a b", "--loud", "false", "--count=3",
			"--scale", "-2e1", "--path", "x/y.nii.gz");
		assertEquals("", launch.err());
		assertEquals(0, launch.code());
		assertEquals("[WARNING] echo warns" + System.lineSeparator() + "text=a b loud=false count=3 " +
			"scale=-20.0 path=" + new File("x/y.nii.gz") + " norm=batch log=true" + System.lineSeparator(),
			launch.out());
	}

	@Test
	void valuesAreNotRemembered() {
		assertTrue(Launch.of("echo", "--text", "a", "--norm", "none").out().contains(" norm=none "));
		assertTrue(Launch.of("echo", "--text", "a").out().contains(" norm=batch "));
	}

	@Test
	void integerRanges() {
		assertError(Launch.of("echo", "--text", "a", "--count", "2147483648"), 2,
			"bad value '2147483648' for --count: out of range");
		assertError(Launch.of("echo", "--text", "a", "--count", "99999999999999999999"), 2,
			"bad value '99999999999999999999' for --count: out of range");
	}

	@Test
	void unexpectedPositional() {
		assertError(Launch.of("echo", "stray", "--text", "a"), 2,
			"unexpected argument 'stray' for 'echo'");
	}

	@Test
	void badInputFromTheCommandIsOneLine() {
		final Launch launch = Launch.of("fail", "--kind", "bad");
		assertError(launch, 2, "/data/a.nii.gz is not a NIfTI file");
		assertFalse(launch.out().contains("errored"), launch.out());
	}

	@Test
	void cancelationIsBadInput() {
		assertError(Launch.of("fail", "--kind", "cancel"), 2, "no cases in /data; look elsewhere");
		assertError(Launch.of("refuse"), 2, "the initializer refused");
	}

	@Test
	void internalFailure() {
		final Launch launch = Launch.of("fail", "--kind", "internal");
		assertError(launch, 1, "internal: boom");
		assertFalse(launch.out().contains("boom"), launch.out());
		assertError(Launch.of("fail", "--kind", "error"), 1, "internal: Java heap space");
	}

	@Test
	void environmentFailure() {
		assertError(Launch.of("fail", "--kind", "environment"), 1, "the natives are missing");
	}

	@Test
	void debugShowsTheStackTrace() {
		final Launch launch = Launch.of("fail", "--debug", "--kind", "internal");
		assertEquals(1, launch.code());
		assertTrue(launch.err().startsWith("error: internal: boom" + System.lineSeparator()));
		assertTrue(launch.err().contains("java.lang.IllegalStateException: boom"), launch.err());
		assertTrue(launch.err().contains("root cause"), launch.err());
	}

	@Test
	void runWithFijiSyntax() {
		final Launch launch = Launch.of("--run", "Echo Test", "text='a b',loud=true,count=3,path='/d/x y'");
		assertEquals("", launch.err());
		assertEquals(0, launch.code());
		assertTrue(launch.out().endsWith("text=a b loud=true count=3 scale=1.5 path=" + new File("/d/x y") +
			" norm=batch log=true" + System.lineSeparator()), launch.out());
	}

	@Test
	void runReportsLikeSubcommands() {
		assertError(Launch.of("--run", "Echo Test", "text='a',foo=1"), 2,
			"unknown option --foo for 'echo'");
		assertError(Launch.of("--run", "Echo Test", "loud=true"), 2, "missing --text for 'echo'");
		assertError(Launch.of("--run", "Echo Test", "text='a',loud=1"), 2,
			"bad value '1' for --loud: expected true or false");
		assertError(Launch.of("--run", "Fail Test", "kind='bad'"), 2, "/data/a.nii.gz is not a NIfTI file");
		assertError(Launch.of("--run", "Fail Test", "kind='internal'"), 1, "internal: boom");
	}

	@Test
	void runWithMalformedArguments() {
		assertError(Launch.of("--run", "Echo Test", "text='a"), 2,
			"cannot parse --run arguments \"text='a\": Unclosed string literal at index 5");
		assertError(Launch.of("--run", "Echo Test", "text=/data/a"), 2,
			"cannot parse --run arguments \"text=/data/a\": Invalid character at index 5");
		final Launch positional = Launch.of("--run", "Echo Test", "'a'");
		assertEquals(2, positional.code());
		assertTrue(positional.err().startsWith("error: cannot parse --run arguments \"'a'\": expected key=value"),
			positional.err());
	}

	@Test
	void runWithUnknownTitleOrArgument() {
		final List<String> titles = new ArrayList<>();
		for (final Subcommands.Entry entry : TestCommands.registry().all()) {
			if (entry.command() == null) continue;
			final String menuPath = entry.command().getAnnotation(Plugin.class).menuPath();
			titles.add(menuPath.substring(menuPath.lastIndexOf('>') + 1));
		}
		assertTrue(titles.containsAll(List.of("Check Backend", "Echo Test", "Steps Test")), titles.toString());
		assertError(Launch.of("--run", "Nope"), 2,
			"unknown command 'Nope' for --run (available: " + String.join(", ", titles) + ")");
		assertError(Launch.of("--run"), 2, "--run needs a command title, e.g. --run \"Check Backend\" \"\"");
		assertError(Launch.of("--frobnicate"), 2, "unknown argument '--frobnicate' (see covid-unet --help)");
		assertError(Launch.of("--headless"), 2,
			"nothing to run: give a subcommand, or --run \"Title\" \"key='value',...\"");
	}

	@Test
	void commandHelpListsOptions() {
		final Launch launch = Launch.of("echo", "--help");
		assertEquals(0, launch.code());
		assertTrue(launch.out().contains("  --text TEXT  (required)\n      what to echo\n"), launch.out());
		assertTrue(launch.out().contains("  --norm batch|instance|none  [batch]\n"), launch.out());
		assertTrue(launch.out().contains("  --loud true|false\n"), launch.out());
		assertFalse(launch.out().contains("--log"), launch.out());
	}

	@Test
	void builtinsGetPositionalsAndOptions() {
		final StringBuilder seen = new StringBuilder();
		final Main main = new Main(Subcommands.standard().builtin("fake", "fake WHAT",
			(options, out) -> seen.append(options), "what"));
		assertEquals(0, Launch.with(main, "fake", "train", "--size", "64").code());
		assertEquals("{what=train, size=64}", seen.toString());
		assertError(Launch.with(main, "fake", "train", "extra"), 2, "unexpected argument 'extra' for 'fake'");
		assertError(Launch.with(main, "fake", "train", "--what", "x"), 2, "--what is given twice");
	}

	@Test
	void statusReportsBecomeProgressLinesOnStdout() {
		final Launch launch = Launch.of("steps", "--steps", "1000");
		assertEquals(0, launch.code(), launch.err());
		assertEquals("", launch.err());
		final List<String> lines = launch.out().lines().toList();
		assertEquals("step (1/1000)", lines.get(0));
		assertTrue(lines.contains("step (500/1000)"), launch.out());
		assertEquals("done (1/1)", lines.get(lines.size() - 1));
		assertEquals(102, lines.size(), "one line per whole percent, plus the first and the last message");
	}
}
