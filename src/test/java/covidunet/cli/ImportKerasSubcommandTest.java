package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import covidunet.BadInputException;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelDirectory;
import covidunet.model.net.UNetConfig;
import covidunet.testing.KerasFixtures;

/**
 * {@code import-keras}: a Keras model file becomes a model directory; a file that is not one it
 * can import is refused with exit 2 and one {@code error:} line naming the file (and the layer),
 * leaving nothing behind.
 */
class ImportKerasSubcommandTest {

	@TempDir
	Path dir;

	@Test
	void importsAModelThatLoadsAsAModelDirectory() {
		final Path file = KerasFixtures.write(dir.resolve("m.hdf5"), "standard", 2, 4, 1);
		final Launch run = Launch.of("import-keras", "--input", file.toString(), "--output", dir.resolve("model")
			.toString());
		assertEquals(0, run.code(), run.err());
		assertTrue(run.out().contains("21692 parameters"), run.out());
		try (LoadedModel model = ModelDirectory.load(dir.resolve("model"))) {
			final BadInputException e = assertThrows(BadInputException.class, () -> UNetConfig.fromJson(model.card()
				.architecture()));
			assertTrue(e.getMessage().contains("cannot be trained further or fine-tuned"), e.getMessage());
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
		"unsupported | layer 'layer_normalization' (LayerNormalization) is not supported",
		"two_d | a 2-D model",
		"not_keras | an HDF5 file but not a Keras model (no 'model_config' attribute)",
		"weights_only | holds weights only (Keras save_weights), not a model" })
	void refusesWhatItCannotImport(final String variant, final String reason) throws IOException {
		final Path file = KerasFixtures.write(dir.resolve(variant + ".hdf5"), variant, 0, 0, 1);
		assertRefused(file, reason);
	}

	@Test
	void refusesATruncatedFile() throws IOException {
		final Path whole = KerasFixtures.write(dir.resolve("whole.hdf5"), "standard", 2, 4, 1);
		final byte[] bytes = Files.readAllBytes(whole);
		for (final double part : new double[] { 0.01, 0.25, 0.6, 0.97 }) {
			final Path cut = Files.write(dir.resolve("cut.hdf5"), Arrays.copyOf(bytes, (int) (bytes.length * part)));
			assertRefused(cut, "");
		}
	}

	@Test
	void refusesAFileThatIsNoHdf5() throws IOException {
		assertRefused(Files.writeString(dir.resolve("model.hdf5"), "{\"class_name\": \"Functional\"}"),
			"not an HDF5 file");
	}

	@Test
	void refusesAnOutputThatHoldsAModel() throws IOException {
		final Path file = KerasFixtures.write(dir.resolve("m.hdf5"), "standard", 2, 4, 1);
		final String output = dir.resolve("model").toString();
		assertEquals(0, Launch.of("import-keras", "--input", file.toString(), "--output", output).code());
		final Launch again = Launch.of("import-keras", "--input", file.toString(), "--output", output);
		assertEquals(2, again.code());
		assertTrue(again.err().strip().startsWith("error: model " + output + ": already holds a model"), again.err());
	}

	/** Exit 2, one line naming the file and {@code reason}, and no output. */
	private void assertRefused(final Path file, final String reason) throws IOException {
		final Path output = dir.resolve("out");
		final List<Path> before = listing();
		final Launch run = Launch.of("import-keras", "--input", file.toString(), "--output", output.toString());
		assertEquals(2, run.code(), run.out() + run.err());
		final List<String> lines = run.err().lines().toList();
		assertEquals(1, lines.size(), run.err());
		assertTrue(lines.get(0).startsWith("error: " + file + ": "), lines.get(0));
		assertTrue(lines.get(0).contains(reason), lines.get(0));
		assertFalse(Files.exists(output), "no output");
		assertEquals(before, listing(), "nothing left behind");
	}

	private List<Path> listing() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.sorted().toList();
		}
	}
}
