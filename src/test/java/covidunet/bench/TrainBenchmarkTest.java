package covidunet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;
import covidunet.cli.BenchSubcommand;

/** {@code bench train} on a tiny network: one line with the figures; bad options refused. */
class TrainBenchmarkTest {

	@Test
	void printsOneLineOfFigures() {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		BenchSubcommand.run(Map.of("what", "train", "patch", "8,8,4", "levels", "2", "base", "2", "batch", "2", "norm",
			"batch", "steps", "1"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		final String line = bytes.toString(StandardCharsets.UTF_8).strip();
		assertEquals(1, line.lines().count());
		for (final String key : new String[] { "step_s_median=", "voxels_per_s=", "gflops=", "peak_rss_mb=", "params=",
			"patch=8x8x4", "levels=2", "base=2", "batch=2", "norm=batch", "classes=4" })
		{
			assertTrue(line.contains(key), key + " missing in " + line);
		}
	}

	@Test
	void badOptionsAreRefused() {
		final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		assertEquals("patch: 100 is not divisible by 8 (levels 4)", assertThrows(BadInputException.class,
			() -> BenchSubcommand.run(Map.of("what", "train", "size", "100"), out)).getMessage());
		assertThrows(BadInputException.class, () -> BenchSubcommand.run(Map.of("what", "train", "norm", "group"), out));
		assertThrows(BadInputException.class, () -> BenchSubcommand.run(Map.of("what", "train", "depth", "4"), out));
	}
}
