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
import covidunet.testing.Python;

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

	/**
	 * A graph altered in one place (a value of the wrong type or impossible, an unknown input, an
	 * unsupported option) is bad input, never an internal failure: exit 2 and one line.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
		"filters not a number | conv3d | filters | \"x\"",
		"kernel size an object | conv3d | kernel_size | {\"a\": 1}",
		"kernel size of 2 axes | conv3d | kernel_size | [3, 3]",
		"zero strides | conv3d | strides | [0, 1, 1]",
		"causal padding | conv3d | padding | \"causal\"",
		"unknown activation | conv3d | activation | \"swish\"",
		"channels first | conv3d | data_format | \"channels_first\"",
		"grouped convolution | conv3d | groups | 2",
		"normalising a space axis | batch_normalization | axis | [2]",
		"concatenating a space axis | concatenate | axis | 1",
		"pool size a string | max_pooling3d | pool_size | \"2\"",
		"more input channels | input_1 | batch_input_shape | [null, null, null, null, 3]" })
	void refusesAnAlteredGraphInOneLine(final String what, final String layer, final String key, final String value)
		throws IOException
	{
		final Path file = KerasFixtures.write(dir.resolve("altered.hdf5"), "standard", 2, 4, 1);
		Python.lastLine(ALTER, file.toString(), layer, key, value);
		assertRefused(file, "");
	}

	@Test
	void refusesAGraphWhoseLayerTakesAnUnknownInput() throws IOException {
		final Path file = KerasFixtures.write(dir.resolve("altered.hdf5"), "standard", 2, 4, 1);
		Python.lastLine(ALTER, file.toString(), "conv3d_1", "inbound_nodes", "[[[\"nowhere\", 0, 0, {}]]]");
		assertRefused(file, "layer 'conv3d_1' takes 'nowhere', which is not a layer of the model");
	}

	/** Sets one member of a layer's config (or, for inbound_nodes, of the layer) in a file's model_config, with h5py. */
	private static final String ALTER = String.join("\n", "import json, sys, h5py",
		"path, layer, key, value = sys.argv[1:5]",
		"with h5py.File(path, 'r+') as f:",
		"    raw = f.attrs['model_config']",
		"    config = json.loads(raw.decode() if isinstance(raw, bytes) else raw)",
		"    target = next(l for l in config['config']['layers'] if l['name'] == layer)",
		"    (target if key == 'inbound_nodes' else target['config'])[key] = json.loads(value)",
		"    f.attrs['model_config'] = json.dumps(config).encode()",
		"print('altered')");

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
