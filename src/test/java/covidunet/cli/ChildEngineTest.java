package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.command.CheckBackendCommand;
import covidunet.command.SegmentVolumeCommand;
import covidunet.engine.ChildEngine;
import covidunet.engine.TensorFlowEngine;

/**
 * The engine's child JVM as the launcher and Fiji see it: its outputs come back, bad input is the
 * same one line as in this JVM, and a child that dies says so with its log.
 */
class ChildEngineTest {

	@AfterEach
	void defaults() {
		System.clearProperty(TensorFlowEngine.MODE_PROPERTY);
		System.clearProperty(ChildEngine.OPTIONS_PROPERTY);
	}

	@Test
	void checkBackendReportsTheChildsTensorFlowAndWhatThisJvmHas() {
		System.setProperty(TensorFlowEngine.MODE_PROPERTY, "child");
		final Launch check = Launch.of("check");
		assertEquals(0, check.code(), check.err());
		assertTrue(check.out().contains("tensorflow: 2.18.0 (TensorFlow Java 1.1.0)"), check.out());
		assertTrue(check.out().contains("engine: a child JVM of this Java"), check.out());
		assertTrue(check.out().contains("tensorflow 1.x in Fiji: none"), check.out());
	}

	@Test
	void badInputInTheChildIsTheSameOneLine(@TempDir final Path tmp) {
		final String[] args = { "segment", "--input", tmp.resolve("none.nii.gz").toString(), "--model", tmp.resolve(
			"no-model").toString(), "--output", tmp.resolve("out.nii.gz").toString() };
		final Launch here = Launch.of(args);
		System.setProperty(TensorFlowEngine.MODE_PROPERTY, "child");
		final Launch child = Launch.of(args);
		assertEquals(2, here.code());
		assertEquals(here.code(), child.code());
		assertEquals(here.err(), child.err());
		assertEquals(1, child.err().lines().count(), child.err());
	}

	@Test
	void aChildThatCannotStartSaysWhyAndNamesItsLog() throws Exception {
		System.setProperty(ChildEngine.OPTIONS_PROPERTY, "-XX:NoSuchOption");
		final IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChildEngine.run(
			CheckBackendCommand.class, Map.of(), Progress.NONE, null));
		assertTrue(e.getMessage().matches("the TensorFlow engine stopped without an answer \\(exit code 1\\); its log: " +
			"\\S+\\.log: Error: .*"), e.getMessage());
		final Path log = Path.of(e.getMessage().replaceFirst(".*its log: (\\S+\\.log).*", "$1"));
		assertTrue(Files.readString(log).contains("NoSuchOption"), Files.readString(log));
		Files.delete(log);
		System.setProperty(ChildEngine.OPTIONS_PROPERTY, "-Xmx1k");
		final IllegalStateException heap = assertThrows(IllegalStateException.class, () -> ChildEngine.run(
			CheckBackendCommand.class, Map.of(), Progress.NONE, null));
		assertTrue(heap.getMessage().endsWith(": Too small maximum heap"), heap.getMessage());
		Files.delete(Path.of(heap.getMessage().replaceFirst(".*its log: (\\S+\\.log).*", "$1")));
	}

	@Test
	void aCommandsBadInputInTheChildIsABadInputException(@TempDir final Path tmp) {
		final BadInputException e = assertThrows(BadInputException.class, () -> ChildEngine.run(
			SegmentVolumeCommand.class, Map.of("input", tmp.toString()), Progress.NONE, null));
		assertEquals("output: missing (the label file or folder to write)", e.getMessage());
	}
}
