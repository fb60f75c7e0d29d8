package covidunet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.cli.BenchSubcommand;
import covidunet.model.keras.KerasImport;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.testing.KerasFixtures;

/** {@code bench infer} on a tiny network and volume: one line with the figures; bad options refused. */
class InferBenchmarkTest {

	private static final int[] SMALL_VOLUME = { 24, 24, 12 };

	@Test
	void printsOneLineOfFiguresForAFreshNetwork() {
		final String line = run(Map.of("size", "8", "levels", "2", "base", "2", "norm", "instance", "classes", "3",
			"batch", "2", "steps", "1"));
		for (final String key : new String[] { "seconds_per_window=", "seconds_per_volume=", "windows=", "peak_rss_mb=",
			"gflops=", "params=", "window=8x8x8", "levels=2", "base=2", "norm=instance", "classes=3", "batch=2",
			"volume=24x24x12", "grid=", "model=fresh" })
		{
			assertTrue(line.contains(key), key + " missing in " + line);
		}
	}

	@Test
	void readsTheNetworkAndWindowFromAModelDirectory(@TempDir final Path dir) {
		final Path model = dir.resolve("model");
		FreshModel.export(new UNetConfig(2, 2, Norm.BATCH, 4, 16, 8, 8, 1, UNetConfig.DEFAULT_MOMENTUM), model);
		final String line = run(Map.of("model", model.toString(), "steps", "1"));
		for (final String key : new String[] { "window=16x8x8", "levels=2", "base=2", "norm=batch", "classes=4",
			"batch=1", "model=" + model })
		{
			assertTrue(line.contains(key), key + " missing in " + line);
		}
	}

	@Test
	void takesAnImportedKerasModelsFiguresFromItsCard(@TempDir final Path dir) {
		final Path model = dir.resolve("model");
		KerasImport.importFile(KerasFixtures.write(dir.resolve("m.hdf5"), "standard", 2, 4, 1), model,
			KerasImport.Origin.NONE, Progress.NONE);
		final String line = run(Map.of("model", model.toString(), "steps", "1"));
		for (final String key : new String[] { "window=160x160x80", "levels=3", "base=keras", "norm=keras", "classes=4",
			"params=21692", "model=" + model })
		{
			assertTrue(line.contains(key), key + " missing in " + line);
		}
		assertFalse(line.contains("gflops=0.0 "), line);
	}

	@Test
	void badOptionsAreRefused() {
		final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		assertEquals("levels: not with --model (its model.json fixes the network)", assertThrows(
			BadInputException.class, () -> BenchSubcommand.run(Map.of("what", "infer", "model", "m", "levels", "2"),
				out)).getMessage());
		assertEquals("batch: 0 must be at least 1", assertThrows(BadInputException.class, () -> BenchSubcommand.run(Map
			.of("what", "infer", "batch", "0"), out)).getMessage());
		assertEquals("patch: 100 is not divisible by 8 (levels 4)", assertThrows(BadInputException.class,
			() -> BenchSubcommand.run(Map.of("what", "infer", "size", "100"), out)).getMessage());
		assertEquals("unknown option --depth for 'bench infer'", assertThrows(BadInputException.class,
			() -> BenchSubcommand.run(Map.of("what", "infer", "depth", "4"), out)).getMessage());
	}

	private static String run(final Map<String, String> options) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		InferBenchmark.run(options, SMALL_VOLUME, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		final String line = bytes.toString(StandardCharsets.UTF_8).strip();
		assertEquals(1, line.lines().count());
		return line;
	}
}
