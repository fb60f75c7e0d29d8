package covidunet.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.BadInputException;
import covidunet.preprocess.PreprocessConfig;
import covidunet.sample.AugmentationConfig;

class ModelCardTest {

	private static final String DIGEST = "0123456789abcdef".repeat(4);
	private static final SoftwareVersions SOFTWARE = new SoftwareVersions("0.1.0", "2.18.0", "17.0.1");

	@TempDir
	Path dir;

	private static ModelCard card() {
		final JsonObject architecture = new JsonObject();
		architecture.addProperty("levels", 5);
		architecture.add("patch", JsonParser.parseString("[160, 160, 80]"));
		final JsonObject training = new JsonObject();
		training.addProperty("seed", 7);
		return ModelCard.builder().architecture(architecture).training(training).software(SOFTWARE)
			.augmentation(AugmentationConfig.reference().toJson()).build().withSavedModelSha256(DIGEST);
	}

	private Path written(final JsonObject json) throws IOException {
		final Path file = dir.resolve("model.json");
		Files.writeString(file, json.toString());
		return file;
	}

	private static void assertOneLine(final String expected, final BadInputException e) {
		assertEquals(expected, e.getMessage());
		assertFalse(e.getMessage().contains("\n"));
	}

	@Test
	void defaults() {
		final JsonObject architecture = new JsonObject();
		architecture.add("patch", JsonParser.parseString("[160, 160, 80]"));
		final ModelCard card = ModelCard.builder().architecture(architecture).software(SOFTWARE).build();
		assertEquals(ModelCard.CLASSES, card.classes());
		assertArrayEquals(new int[] { 160, 160, 80 }, card.patchSize());
		assertArrayEquals(new int[] { 80, 80, 30 }, card.overlap());
		assertEquals(PreprocessConfig.REFERENCE, card.preprocessing());
		assertTrue(card.augmentation().isEmpty());
		assertTrue(card.savedModelSha256().isEmpty());
		assertArrayEquals(new int[] { 32, 32, 12 }, ModelCard.defaultOverlap(64, 64, 32));
	}

	@Test
	void roundTripThroughAFile() {
		final ModelCard card = card();
		final Path file = dir.resolve("model.json");
		card.write(file);
		final ModelCard read = ModelCard.read(file);
		assertEquals(card, read);
		assertEquals(card.toJsonText(), read.toJsonText());
		assertEquals(SOFTWARE, read.software());
		assertEquals(DIGEST, read.savedModelSha256().orElseThrow());
		assertTrue(read.augmentation().isPresent());
	}

	@Test
	void blendingRoundTripsAndIsRefusedWhenUnknown() throws IOException {
		assertTrue(card().blending().isEmpty());
		assertFalse(card().toJson().getAsJsonObject("inference").has("blending"));
		final ModelCard average = card().toBuilder().blending("average").build().withSavedModelSha256(DIGEST);
		final Path file = dir.resolve("model.json");
		average.write(file);
		assertEquals("average", ModelCard.read(file).blending().orElseThrow());
		final JsonObject json = average.toJson();
		json.getAsJsonObject("inference").addProperty("blending", "median");
		final Path bad = written(json);
		assertOneLine(bad + ": 'inference.blending' is 'median'; expected gaussian or average", assertThrows(
			BadInputException.class, () -> ModelCard.read(bad)));
	}

	@Test
	void refusesNewerFormatVersion() throws IOException {
		final JsonObject json = card().toJson();
		json.addProperty("format_version", 3);
		final Path file = written(json);
		assertOneLine(file + ": format_version 3 is newer than this version of covid-unet reads (2); update covid-unet",
			assertThrows(BadInputException.class, () -> ModelCard.read(file)));
	}

	@Test
	void refusesWrongFormat() throws IOException {
		final JsonObject json = card().toJson();
		json.addProperty("format", "something else");
		final Path file = written(json);
		assertTrue(assertThrows(BadInputException.class, () -> ModelCard.read(file)).getMessage().startsWith(file +
			": not a covid-unet model card"));
	}

	@Test
	void refusesMissingMembers() throws IOException {
		for (final String key : new String[] { "format_version", "architecture", "classes", "preprocessing", "inference",
			"training", "software", "saved_model_sha256" })
		{
			final JsonObject json = card().toJson();
			json.remove(key);
			final Path file = written(json);
			assertOneLine(file + ": missing '" + key + "'", assertThrows(BadInputException.class, () -> ModelCard.read(
				file)));
		}
	}

	@Test
	void refusesBadValues() throws IOException {
		final JsonObject json = card().toJson();
		json.getAsJsonObject("preprocessing").addProperty("clip_low", "low");
		final Path file = written(json);
		assertOneLine(file + ": preprocessing: 'clip_low' must be a number", assertThrows(BadInputException.class,
			() -> ModelCard.read(file)));
		final JsonObject overlap = card().toJson();
		overlap.getAsJsonObject("inference").add("overlap", JsonParser.parseString("[160, 0, 0]"));
		final Path second = written(overlap);
		assertTrue(assertThrows(BadInputException.class, () -> ModelCard.read(second)).getMessage().startsWith(second +
			": overlap [160, 0, 0] must be"));
	}

	@Test
	void thePatchSizeLivesOnlyInTheArchitecture() throws IOException {
		final JsonObject json = card().toJson();
		assertEquals(2, json.get("format_version").getAsInt());
		assertFalse(json.has("sampling"));
		assertEquals(JsonParser.parseString("[80, 80, 30]"), json.getAsJsonObject("inference").get("overlap"));
		json.getAsJsonObject("architecture").remove("patch");
		final Path file = written(json);
		assertOneLine(file + ": architecture.patch must be 3 positive integers (x, y, z), got null", assertThrows(
			BadInputException.class, () -> ModelCard.read(file)));
	}

	@Test
	void version1FilesAreReadAndTheirPatchSizesMustAgree() throws IOException {
		final JsonObject v1 = card().toJson();
		v1.addProperty("format_version", 1);
		v1.remove("inference");
		v1.add("sampling", JsonParser.parseString("{\"patch_size\": [160, 160, 80], \"overlap\": [80, 80, 30]}"));
		v1.getAsJsonObject("training").add("sampling", JsonParser.parseString(
			"{\"patch_size\": [160, 160, 80], \"foreground_fraction\": 0.0}"));
		final ModelCard read = ModelCard.read(written(v1));
		assertArrayEquals(new int[] { 160, 160, 80 }, read.patchSize());
		assertFalse(read.training().getAsJsonObject("sampling").has("patch_size"), "one home once read");
		final JsonObject imported = v1.deepCopy();
		imported.getAsJsonObject("architecture").remove("patch");
		assertArrayEquals(new int[] { 160, 160, 80 }, ModelCard.read(written(imported)).patchSize(),
			"a version-1 import: the patch only in sampling");
		final JsonObject architecture = v1.deepCopy();
		architecture.getAsJsonObject("architecture").add("patch", JsonParser.parseString("[96, 96, 48]"));
		final Path first = written(architecture);
		assertOneLine(first + ": sampling.patch_size [160,160,80] contradicts architecture.patch [96,96,48]",
			assertThrows(BadInputException.class, () -> ModelCard.read(first)));
		final JsonObject training = v1.deepCopy();
		training.getAsJsonObject("training").getAsJsonObject("sampling").add("patch_size", JsonParser.parseString(
			"[96, 96, 48]"));
		final Path second = written(training);
		assertOneLine(second + ": training.sampling.patch_size [96,96,48] contradicts architecture.patch [160,160,80]; " +
			"give the patch size once, in architecture.patch", assertThrows(BadInputException.class, () -> ModelCard
				.read(second)));
	}

	@Test
	void refusesTruncatedAndNonJson() throws IOException {
		final Path file = dir.resolve("model.json");
		final String text = card().toJsonText();
		Files.writeString(file, text.substring(0, text.length() / 2));
		final BadInputException truncated = assertThrows(BadInputException.class, () -> ModelCard.read(file));
		assertTrue(truncated.getMessage().startsWith(file + ": not valid JSON"), truncated.getMessage());
		assertFalse(truncated.getMessage().contains("\n"));
		Files.write(file, "[1, 2]".getBytes(StandardCharsets.UTF_8));
		assertTrue(assertThrows(BadInputException.class, () -> ModelCard.read(file)).getMessage().startsWith(file +
			": not a JSON object"));
	}
}
