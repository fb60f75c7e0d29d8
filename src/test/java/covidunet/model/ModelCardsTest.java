package covidunet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.model.net.UNetConfig;
import covidunet.model.train.EarlyStopping;
import covidunet.model.train.PlateauSchedule;
import covidunet.model.train.TrainingConfig;
import covidunet.preprocess.PreprocessConfig;
import covidunet.sample.AugmentationConfig;
import covidunet.sample.SamplingConfig;

/** The model cards in {@code models/} agree with the defaults in the code. */
class ModelCardsTest {

	private static final Path MODELS = Path.of("models");

	@Test
	void referenceCardIsTheReferenceConfiguration() throws IOException {
		final JsonObject card = read("reference.json");
		assertEquals(UNetConfig.REFERENCE, UNetConfig.fromJson(card.getAsJsonObject("architecture")));
		assertSections(card);
	}

	@Test
	void cardsReadAsTrainingConfigurationsOfTheDefaults() {
		assertEquals(TrainingConfig.of(UNetConfig.REFERENCE), TrainingConfig.read(MODELS.resolve("reference.json")));
		assertEquals(TrainingConfig.cpuDefault(), TrainingConfig.read(MODELS.resolve("cpu-small.json")));
	}

	@Test
	void cpuCardIsTheCpuDefault() throws IOException {
		final JsonObject card = read("cpu-small.json");
		assertEquals(UNetConfig.CPU_DEFAULT, UNetConfig.fromJson(card.getAsJsonObject("architecture")));
		assertEquals(TrainingConfig.cpuDefault().toJson().get("training"), card.get("training"));
	}

	private static JsonObject read(final String name) throws IOException {
		final JsonObject card = JsonParser.parseString(Files.readString(MODELS.resolve(name))).getAsJsonObject();
		assertEquals("covid-unet configuration", card.get("format").getAsString());
		assertEquals(TrainingConfig.FORMAT_VERSION, card.get("format_version").getAsInt());
		return card;
	}

	private static void assertSections(final JsonObject card) {
		assertEquals(PreprocessConfig.REFERENCE, PreprocessConfig.fromJson(card.getAsJsonObject("preprocessing")));
		assertEquals(AugmentationConfig.reference(), AugmentationConfig.fromJson(card.get("augmentation")));
		assertEquals(SamplingConfig.DEFAULT, SamplingConfig.fromJson(card.getAsJsonObject("sampling")),
			"uniform patches; their size only in architecture.patch");
		final JsonObject training = card.getAsJsonObject("training");
		assertEquals(PlateauSchedule.INITIAL_LEARNING_RATE, training.get("learning_rate").getAsDouble());
		final JsonObject plateau = training.getAsJsonObject("reduce_on_plateau");
		assertEquals(PlateauSchedule.FACTOR, plateau.get("factor").getAsDouble());
		assertEquals(PlateauSchedule.PATIENCE, plateau.get("patience").getAsInt());
		assertEquals(PlateauSchedule.MIN_DELTA, plateau.get("min_delta").getAsDouble());
		assertEquals(PlateauSchedule.COOLDOWN, plateau.get("cooldown").getAsInt());
		assertEquals(PlateauSchedule.MIN_LEARNING_RATE, plateau.get("min_learning_rate").getAsDouble());
		assertEquals(EarlyStopping.PATIENCE, training.getAsJsonObject("early_stopping").get("patience").getAsInt());
		assertEquals(150, training.get("iterations_per_epoch").getAsInt());
	}
}
