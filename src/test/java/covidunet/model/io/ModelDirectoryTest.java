package covidunet.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.types.TFloat32;

import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.testing.UntrainedModels;

class ModelDirectoryTest {

	@TempDir
	Path tmp;

	private ToyModel toy;
	private float[] expected;

	@BeforeEach
	void build() {
		toy = new ToyModel();
		try (TFloat32 x = ToyModel.input()) {
			expected = toy.run(x);
		}
	}

	@AfterEach
	void close() {
		toy.close();
	}

	private ModelCard export(final Path dir, final boolean overwrite) {
		return ModelDirectory.export(dir, toy.session, toy.x, toy.probs, ToyModel.card(), overwrite);
	}

	private static float[] predict(final LoadedModel model) {
		try (TFloat32 x = ToyModel.input(); TFloat32 probs = model.predict(x)) {
			assertEquals(List.of(1L, 4L, 4L, 4L, 4L), List.of(probs.shape().asArray()[0], probs.shape().asArray()[1],
				probs.shape().asArray()[2], probs.shape().asArray()[3], probs.shape().asArray()[4]));
			return ToyModel.floats(probs);
		}
	}

	private static void assertBitIdentical(final float[] expected, final float[] actual) {
		assertEquals(expected.length, actual.length);
		for (int i = 0; i < expected.length; i++) {
			assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "value " + i);
		}
	}

	private static void assertRefused(final String message, final Path dir) {
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelDirectory.load(dir).close());
		assertEquals(message, e.getMessage());
		assertFalse(e.getMessage().contains("\n"));
	}

	private static List<String> names(final Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void reloadsInTheSameJvmWithIdenticalProbabilities() {
		final Path dir = tmp.resolve("m");
		final ModelCard written = export(dir, false);
		try (LoadedModel model = ModelDirectory.load(dir)) {
			assertBitIdentical(expected, predict(model));
			assertEquals(written, model.card());
			assertEquals(written.savedModelSha256().orElseThrow(), model.digest());
			assertEquals(ModelCard.read(dir.resolve("model.json")), written);
		}
	}

	@Test
	void reloadsInAFreshJvmWithIdenticalProbabilities() throws IOException, InterruptedException {
		final Path dir = tmp.resolve("m");
		export(dir, false);
		final Path out = tmp.resolve("probs.bin");
		final ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-cp", System.getProperty("java.class.path"), FreshJvmPredict.class.getName(), dir.toString(),
			out.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
		builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "1");
		final Process child = builder.start();
		assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the fresh JVM did not finish in 2 minutes");
		assertEquals(0, child.exitValue(), () -> "fresh JVM failed: " + readQuietly(tmp.resolve("child.log")));
		try (DataInputStream in = new DataInputStream(Files.newInputStream(out))) {
			final float[] actual = new float[in.readInt()];
			for (int i = 0; i < actual.length; i++) actual[i] = in.readFloat();
			assertBitIdentical(expected, actual);
		}
	}

	private static String readQuietly(final Path file) {
		try {
			return Files.readString(file);
		}
		catch (final IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	@Test
	void writesTheContractLayoutAndLeavesNothingElse() throws IOException {
		final Path dir = tmp.resolve("models/fold_0");
		export(dir, false);
		assertEquals(List.of("model.json", "saved_model"), names(dir));
		assertEquals(List.of("fold_0"), names(tmp.resolve("models")));
		assertEquals(List.of("saved_model.pb", "variables"), names(dir.resolve("saved_model")));
	}

	@Test
	void refusesAnAlteredVariablesFile() throws IOException {
		final Path dir = tmp.resolve("m");
		export(dir, false);
		UntrainedModels.alterWeights(dir);
		assertRefused("model " + dir + ": saved_model does not match the digest in model.json (altered or incomplete)",
			dir);
	}

	@Test
	void refusesAMissingOrAddedFile() throws IOException {
		final Path dir = tmp.resolve("m");
		export(dir, false);
		Files.writeString(dir.resolve("saved_model/extra.txt"), "x");
		assertRefused("model " + dir + ": saved_model does not match the digest in model.json (altered or incomplete)",
			dir);
		Files.delete(dir.resolve("saved_model/extra.txt"));
		ModelDirectory.load(dir).close();
		Files.delete(dir.resolve("saved_model/variables/variables.index"));
		assertRefused("model " + dir + ": saved_model does not match the digest in model.json (altered or incomplete)",
			dir);
	}

	@Test
	void refusesANewerFormatVersion() throws IOException {
		final Path dir = tmp.resolve("m");
		export(dir, false);
		final Path json = dir.resolve("model.json");
		Files.writeString(json, Files.readString(json).replace("\"format_version\": 2", "\"format_version\": 3"));
		assertRefused(json + ": format_version 3 is newer than this version of covid-unet reads (2); update covid-unet",
			dir);
	}

	@Test
	void refusesATruncatedModelJson() throws IOException {
		final Path dir = tmp.resolve("m");
		export(dir, false);
		final Path json = dir.resolve("model.json");
		final String text = Files.readString(json);
		Files.writeString(json, text.substring(0, text.length() - 10));
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelDirectory.load(dir));
		assertTrue(e.getMessage().startsWith(json + ": not valid JSON"), e.getMessage());
		assertFalse(e.getMessage().contains("\n"));
	}

	@Test
	void namesWhatIsMissing() throws IOException {
		final Path dir = tmp.resolve("m");
		assertRefused("model " + dir + ": no such folder", dir);
		Files.writeString(tmp.resolve("file"), "");
		assertRefused("model " + tmp.resolve("file") + ": not a folder", tmp.resolve("file"));
		Files.createDirectory(dir);
		assertRefused("model " + dir + ": no model.json (not a model directory, or its export did not finish)", dir);
		Files.delete(dir);
		export(dir, false);
		Files.move(dir.resolve("saved_model"), tmp.resolve("elsewhere"));
		assertRefused("model " + dir + ": no saved_model/ folder (incomplete model directory)", dir);
	}

	@Test
	void refusesAnExistingModelWithoutOverwriteAndLeavesItUntouched() throws IOException {
		final Path dir = tmp.resolve("m");
		export(dir, false);
		final byte[] card = Files.readAllBytes(dir.resolve("model.json"));
		final String digest = SavedModelDigest.of(dir.resolve("saved_model"));
		final BadInputException e = assertThrows(BadInputException.class, () -> export(dir, false));
		assertEquals("model " + dir + ": already holds a model (model.json or saved_model/); choose another folder " +
			"or allow overwriting", e.getMessage());
		assertArrayEquals(card, Files.readAllBytes(dir.resolve("model.json")));
		assertEquals(digest, SavedModelDigest.of(dir.resolve("saved_model")));
		assertEquals(List.of("model.json", "saved_model"), names(dir));
		final Path file = tmp.resolve("file");
		Files.writeString(file, "keep");
		assertThrows(BadInputException.class, () -> export(file, true));
		assertEquals("keep", Files.readString(file));
	}

	@Test
	void overwriteReplacesTheModelAndKeepsTheTrainingFiles() throws IOException {
		final Path dir = tmp.resolve("m");
		Files.createDirectories(dir.resolve("checkpoints"));
		Files.writeString(dir.resolve("checkpoints/latest.txt"), "state");
		Files.writeString(dir.resolve("history.tsv"), "epoch\tloss\n");
		export(dir, false);
		Files.createDirectory(dir.resolve(".saved_model.old-dead"));
		final JsonObject training = new JsonObject();
		training.addProperty("selected_epoch", 9);
		final ModelCard second = ModelDirectory.export(dir, toy.session, toy.x, toy.probs, ToyModel.card().toBuilder()
			.training(training).build(), true);
		assertEquals(List.of("checkpoints", "history.tsv", "model.json", "saved_model"), names(dir));
		assertEquals("state", Files.readString(dir.resolve("checkpoints/latest.txt")));
		try (LoadedModel model = ModelDirectory.load(dir)) {
			assertEquals(second, model.card());
			assertEquals(9, model.card().training().get("selected_epoch").getAsInt());
			assertBitIdentical(expected, predict(model));
		}
	}

	@Test
	void theSameModelExportedTwiceHasTheSameDigest() {
		final String first = export(tmp.resolve("a"), false).savedModelSha256().orElseThrow();
		assertEquals(SavedModelDigest.of(tmp.resolve("a/saved_model")), first);
		assertEquals(first, export(tmp.resolve("b"), false).savedModelSha256().orElseThrow());
		try (ToyModel rebuilt = new ToyModel()) {
			assertEquals(first, ModelDirectory.export(tmp.resolve("c"), rebuilt.session, rebuilt.x, rebuilt.probs,
				ToyModel.card(), false).savedModelSha256().orElseThrow());
		}
	}
}
