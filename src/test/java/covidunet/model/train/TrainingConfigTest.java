package covidunet.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.sample.AugmentationConfig;

/** {@link TrainingConfig}, {@link TrainingOptions} and {@link FoldTraining#indices}. */
class TrainingConfigTest {

	private static final UNetConfig SMALL = new UNetConfig(3, 4, Norm.BATCH, 4, 32, 32, 16, 3,
		UNetConfig.DEFAULT_MOMENTUM);

	@Test
	void jsonRoundTrip() {
		final TrainingConfig c = TrainingConfig.of(SMALL).withSchedule(2e-4, 17, 33).withAugmentation(AugmentationConfig
			.none());
		assertEquals(c, TrainingConfig.fromJson(c.toJson()));
		assertEquals(17, c.toJson().getAsJsonObject("training").get("iterations_per_epoch").getAsInt());
	}

	@Test
	void absentMembersTakeTheDefaultsAndUnknownOnesAreRefused() {
		final JsonObject o = TrainingConfig.of(SMALL).toJson();
		o.remove("training");
		o.remove("augmentation");
		assertEquals(TrainingConfig.of(SMALL), TrainingConfig.fromJson(o));
		o.add("trainig", new JsonObject());
		assertEquals("unknown member 'trainig'", assertThrows(BadInputException.class, () -> TrainingConfig.fromJson(o))
			.getMessage());
		final JsonObject p = TrainingConfig.of(SMALL).toJson();
		p.getAsJsonObject("training").getAsJsonObject("reduce_on_plateau").addProperty("patients", 3);
		assertEquals("unknown member 'reduce_on_plateau.patients'", assertThrows(BadInputException.class,
			() -> TrainingConfig.fromJson(p)).getMessage());
	}

	@Test
	void newerFormatsAndForeignFilesAreRefused() {
		final JsonObject o = TrainingConfig.of(SMALL).toJson();
		o.addProperty("format_version", 3);
		assertTrue(assertThrows(BadInputException.class, () -> TrainingConfig.fromJson(o)).getMessage().startsWith(
			"format_version 3 is newer"));
		o.addProperty("format", "covid-unet model");
		assertTrue(assertThrows(BadInputException.class, () -> TrainingConfig.fromJson(o)).getMessage().startsWith(
			"not a configuration card"));
	}

	@Test
	void thePatchSizeHasOneHomeAndAVersion1CardMayRepeatItOnlyWhereItAgrees() {
		final TrainingConfig c = TrainingConfig.of(SMALL);
		final JsonObject card = c.toJson();
		assertEquals(2, card.get("format_version").getAsInt());
		assertEquals("[32,32,16]", card.getAsJsonObject("architecture").get("patch").toString());
		assertFalse(card.getAsJsonObject("sampling").has("patch_size"), "the patch only in architecture.patch");
		final JsonObject repeated = card.deepCopy();
		final JsonArray patch = repeated.getAsJsonObject("architecture").getAsJsonArray("patch");
		repeated.getAsJsonObject("sampling").add("patch_size", patch.deepCopy());
		assertEquals("sampling: unknown member 'patch_size' (known: foreground_fraction, foreground)", assertThrows(
			BadInputException.class, () -> TrainingConfig.fromJson(repeated)).getMessage(), "version 2 gives it once");
		repeated.addProperty("format_version", 1);
		assertEquals(c, TrainingConfig.fromJson(repeated), "version 1, the same patch twice");
		final JsonArray other = new JsonArray();
		List.of(160, 160, 80).forEach(other::add);
		repeated.getAsJsonObject("sampling").add("patch_size", other);
		assertEquals("sampling.patch_size [160,160,80] contradicts architecture.patch [32,32,16]; give the patch size " +
			"once, in architecture.patch", assertThrows(BadInputException.class, () -> TrainingConfig.fromJson(repeated))
				.getMessage());
	}

	@Test
	void continuingNeedsTheSameNetworkAndDataButNotTheSameSchedule() {
		final TrainingConfig c = TrainingConfig.of(SMALL);
		assertTrue(c.canContinueAs(c.withSchedule(1e-4, 5, 2000)));
		assertFalse(c.canContinueAs(c.withNetwork(SMALL.withBatchSize(1))));
		assertFalse(c.canContinueAs(c.withAugmentation(AugmentationConfig.none())));
	}

	@Test
	void optionsOverrideTheirPartOnly() {
		final TrainingConfig base = TrainingConfig.of(SMALL);
		assertEquals(base, TrainingOptions.NONE.applyTo(base));
		final TrainingConfig instance = TrainingConfig.of(new UNetConfig(3, 4, Norm.INSTANCE, 4, 32, 32, 16, 3,
			UNetConfig.DEFAULT_MOMENTUM));
		assertEquals(instance, TrainingOptions.builder().norm(TrainingOptions.CONFIGURATION_NORM).build().applyTo(
			instance));
		final TrainingConfig c = TrainingOptions.builder().epochs(7).iterations(9).patch("16, 24, 8").batch(1)
			.levels(2).base(6).norm("none").lr(5e-4).build().applyTo(base);
		assertEquals(new UNetConfig(2, 6, Norm.NONE, 4, 16, 24, 8, 1, UNetConfig.DEFAULT_MOMENTUM), c.network());
		assertEquals(List.of(5e-4, 9, 7), List.of(c.learningRate(), c.iterationsPerEpoch(), c.maxEpochs()));
		assertEquals("patch: '16,16' must be X,Y,Z", assertThrows(BadInputException.class, () -> TrainingOptions
			.builder().patch("16,16").build().applyTo(base)).getMessage());
		assertEquals("patch: 20 is not divisible by 8 (levels 4)", assertThrows(BadInputException.class,
			() -> TrainingOptions.builder().patch("32,20,16").levels(4).build().applyTo(base)).getMessage());
		assertEquals("lr: 2.0 must be above 0 and below 1", assertThrows(BadInputException.class,
			() -> TrainingOptions.builder().lr(2).build().applyTo(base)).getMessage());
	}

	@Test
	void foldIndices() {
		assertEquals(List.of(0, 1, 2), FoldTraining.indices("all", 3));
		assertEquals(List.of(2), FoldTraining.indices(" 2 ", 3));
		assertEquals("fold: 3 is out of range; the folds file has 3 folds, 0 to 2", assertThrows(BadInputException.class,
			() -> FoldTraining.indices("3", 3)).getMessage());
		assertEquals("fold: -1 is out of range; the folds file has 3 folds, 0 to 2", assertThrows(
			BadInputException.class, () -> FoldTraining.indices("-1", 3)).getMessage());
	}
}
