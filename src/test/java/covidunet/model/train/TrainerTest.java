package covidunet.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.io.Geometry;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.preprocess.PreprocessedCase;
import covidunet.testing.Cancelling;
import covidunet.testing.UntrainedModels;

/** Trains tiny networks on small synthetic cases for a few steps. */
class TrainerTest {

	private static final int[] DIMS = { 24, 20, 12 };
	private static final UNetConfig NET = UntrainedModels.tiny(Norm.INSTANCE);
	private static final TrainingConfig CONFIG = TrainingConfig.of(NET).withSchedule(1e-3, 3, 2);

	@TempDir
	Path tmp;

	/** A body of soft tissue with two lungs (1 left at low x, 2 right) and an infection spot (3). */
	static PreprocessedCase lungCase(final String id, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final int n = DIMS[0] * DIMS[1] * DIMS[2];
		final float[] image = new float[n];
		final byte[] labels = new byte[n];
		final int shift = random.nextInt(3);
		for (int z = 0; z < DIMS[2]; z++) {
			for (int y = 0; y < DIMS[1]; y++) {
				for (int x = 0; x < DIMS[0]; x++) {
					final int v = (z * DIMS[1] + y) * DIMS[0] + x;
					final boolean lungRows = y >= 4 + shift && y < 15 && z >= 2 && z < 10;
					final int label = !lungRows ? 0 : x >= 3 && x < 10 ? 1 : x >= 14 && x < 21 ? 2 : 0;
					labels[v] = (byte) (label == 1 && x < 5 && y < 8 ? 3 : label);
					image[v] = (float) ((label == 0 ? 1.0 : labels[v] == 3 ? 0.2 : -1.0) + 0.1 * random.nextGaussian());
				}
			}
		}
		return new PreprocessedCase(id, Geometry.ofSpacing(new long[] { DIMS[0], DIMS[1], DIMS[2] }, new double[] { 1.58,
			1.58, 2.7 }), image, labels);
	}

	private static List<PreprocessedCase> cases(final String prefix, final int count, final long seed) {
		final PreprocessedCase[] cases = new PreprocessedCase[count];
		for (int i = 0; i < count; i++) cases[i] = lungCase(prefix + i, seed + i);
		return List.of(cases);
	}

	private static TrainingRun.Builder run(final Path dir, final TrainingConfig config) {
		return TrainingRun.builder(cases("train", 3, 1), cases("val", 2, 100), config, 7, dir).threads(1, 1);
	}

	@Test
	void writesAModelDirectoryThatLoadsAndPredicts() throws Exception {
		final Path dir = tmp.resolve("model");
		final JsonObject facts = new JsonObject();
		facts.addProperty("fold", 3);
		final TrainingResult result = Trainer.train(run(dir, CONFIG).provenance(facts).build());
		assertEquals(StopReason.MAX_EPOCHS, result.reason());
		assertEquals(2, result.history().rows().size());
		assertEquals(2, History.read(dir.resolve(History.FILE_NAME)).rows().size());
		assertTrue(Files.isDirectory(dir.resolve(Checkpoints.FOLDER).resolve("epoch-2")));
		assertTrue(Files.size(dir.resolve(Trainer.CURVES)) > 1000);
		assertEquals(CONFIG, TrainingConfig.fromJson(covidunet.io.JsonFiles.parse(dir.resolve(Checkpoints.FOLDER)
			.resolve(Trainer.CONFIG)).getAsJsonObject()));
		final ModelCard card = ModelCard.read(dir.resolve(ModelDirectory.MODEL_JSON));
		final JsonObject training = card.training();
		assertEquals(3, training.get("fold").getAsInt());
		assertEquals(7, training.get("seed").getAsLong());
		assertEquals(2, training.get("epochs_run").getAsInt());
		assertEquals(StopReason.MAX_EPOCHS.description(), training.get("status").getAsString());
		assertEquals(result.selected().orElseThrow().epoch(), training.get("selected_epoch").getAsInt());
		assertEquals(result.history().bestValidation().orElseThrow().value(), training.getAsJsonObject("best_val_loss")
			.get("value").getAsDouble());
		assertEquals(NET, UNetConfig.fromJson(card.architecture()));
		try (LoadedModel model = ModelDirectory.load(dir); TFloat32 x = TFloat32.tensorOf(Shape.of(3, 8, 16, 32, 1));
			TFloat32 p = model.predict(x))
		{
			assertArrayEquals(new long[] { 3, 8, 16, 32, 4 }, p.shape().asArray(), "other batch and window sizes work");
		}
	}

	@Test
	void theSameSeedGivesTheSameTrainingAndWeights() {
		final TrainingResult a = Trainer.train(run(tmp.resolve("a"), CONFIG).build());
		final TrainingResult b = Trainer.train(run(tmp.resolve("b"), CONFIG).build());
		assertEquals(a.history().rows().stream().map(r -> List.of(r.loss(), r.valLoss())).toList(), b.history().rows()
			.stream().map(r -> List.of(r.loss(), r.valLoss())).toList());
		assertEquals(ModelCard.read(tmp.resolve("a").resolve(ModelDirectory.MODEL_JSON)).savedModelSha256(), ModelCard
			.read(tmp.resolve("b").resolve(ModelDirectory.MODEL_JSON)).savedModelSha256());
	}

	@Test
	void aResumedTrainingContinuesAsIfUninterrupted() {
		final TrainingConfig four = CONFIG.withSchedule(1e-3, 3, 4);
		final TrainingResult whole = Trainer.train(run(tmp.resolve("whole"), four).build());
		Trainer.train(run(tmp.resolve("parts"), CONFIG).build());
		final TrainingResult resumed = Trainer.train(run(tmp.resolve("parts"), four).resume(true).build());
		assertEquals(4, resumed.history().rows().size());
		for (int e = 0; e < 4; e++) {
			assertEquals(whole.history().rows().get(e).loss(), resumed.history().rows().get(e).loss(), "epoch " + (e + 1));
			assertEquals(whole.history().rows().get(e).valLoss(), resumed.history().rows().get(e).valLoss());
		}
	}

	@Test
	void resumeWithoutACheckpointStartsAfresh() {
		final TrainingResult result = Trainer.train(run(tmp.resolve("new"), CONFIG).resume(true).build());
		assertEquals(2, result.history().rows().size());
	}

	@Test
	void anExistingTrainingIsNotOverwrittenAndResumeKeepsTheConfiguration() {
		final Path dir = tmp.resolve("m");
		Trainer.train(run(dir, CONFIG).build());
		final BadInputException exists = assertThrows(BadInputException.class, () -> Trainer.train(run(dir, CONFIG)
			.build()));
		assertTrue(exists.getMessage().contains("--resume true"), exists.getMessage());
		final TrainingConfig wider = CONFIG.withNetwork(new UNetConfig(2, 4, Norm.INSTANCE, 4, 16, 16, 8, 1,
			UNetConfig.DEFAULT_MOMENTUM)).withSchedule(1e-3, 3, 3);
		final BadInputException other = assertThrows(BadInputException.class, () -> Trainer.train(run(dir, wider)
			.resume(true).build()));
		assertTrue(other.getMessage().startsWith("resume: "), other.getMessage());
	}

	@Test
	void theTimeLimitEndsTheEpochEarlyAndKeepsIt() {
		final TrainingConfig long_ = CONFIG.withSchedule(1e-3, 1_000_000, 50);
		final TrainingResult result = Trainer.train(run(tmp.resolve("t"), long_).maxMinutes(0.05).build());
		assertEquals(StopReason.TIME_LIMIT, result.reason());
		assertEquals(1, result.history().rows().size());
		assertTrue(result.history().rows().get(0).seconds() < 20, "stopped near the 3 s limit");
		assertTrue(Files.isRegularFile(tmp.resolve("t").resolve(ModelDirectory.MODEL_JSON)));
		assertTrue(Checkpoints.latest(tmp.resolve("t")).isPresent());
	}

	@Test
	void finishingOnRequestKeepsTheBestModel() {
		final TrainingListener finishInEpochTwo = new TrainingListener() {

			private int steps;

			@Override
			public boolean finishRequested() {
				return ++steps > 4;
			}
		};
		final TrainingResult result = Trainer.train(run(tmp.resolve("f"), CONFIG.withSchedule(1e-3, 3, 10))
			.progress(null, finishInEpochTwo).build());
		assertEquals(StopReason.FINISH_REQUESTED, result.reason());
		assertEquals(2, result.history().rows().size());
	}

	@Test
	void cancellingStopsAndLeavesTheModelOfEarlierEpochs() {
		final Path dir = tmp.resolve("c");
		Trainer.train(run(dir, CONFIG).build());
		final String digest = ModelCard.read(dir.resolve(ModelDirectory.MODEL_JSON)).savedModelSha256().orElseThrow();
		assertThrows(CancelledException.class, () -> Trainer.train(run(dir, CONFIG.withSchedule(1e-3, 3, 6)).resume(
			true).progress(new Cancelling(5), null).build()));
		try (LoadedModel model = ModelDirectory.load(dir)) {
			assertEquals(digest, model.digest(), "no epoch completed after the cancel started, so the model is unchanged");
		}
	}

	@Test
	void fineTuningStartsFromTheGivenWeights() {
		final Path first = tmp.resolve("first");
		Trainer.train(run(first, CONFIG).build());
		final TrainingConfig gentle = CONFIG.withSchedule(1e-9, 1, 1);
		final Path tuned = tmp.resolve("tuned");
		final TrainingResult fromFirst = Trainer.train(run(tuned, gentle).initModel(first).build());
		final TrainingResult fresh = Trainer.train(run(tmp.resolve("fresh"), gentle).build());
		final double firstLoss = History.read(first.resolve(History.FILE_NAME)).rows().get(1).valLoss();
		final double tunedLoss = fromFirst.history().rows().get(0).valLoss();
		assertEquals(firstLoss, tunedLoss, 1e-3 * firstLoss, "an almost zero rate keeps the first model's validation loss");
		assertTrue(Math.abs(fresh.history().rows().get(0).valLoss() - firstLoss) > 1e-3 * firstLoss, "fresh weights differ");
		assertEquals(first.toAbsolutePath().toString(), ModelCard.read(tuned.resolve(ModelDirectory.MODEL_JSON))
			.training().get("init_model").getAsString());
		final TrainingConfig other = CONFIG.withNetwork(new UNetConfig(2, 3, Norm.INSTANCE, 4, 16, 16, 8, 1,
			UNetConfig.DEFAULT_MOMENTUM));
		final BadInputException e = assertThrows(BadInputException.class, () -> Trainer.train(run(tmp.resolve("x"),
			other).initModel(first).build()));
		assertTrue(e.getMessage().startsWith("init_model "), e.getMessage());
	}

	@Test
	void withoutValidationCasesTheLowestTrainingLossSelects() {
		final TrainingResult result = Trainer.train(TrainingRun.builder(cases("t", 2, 3), List.of(), CONFIG, 7, tmp.resolve(
			"nv")).threads(1, 1).build());
		assertTrue(Double.isNaN(result.history().rows().get(0).valLoss()));
		assertEquals(result.history().bestTraining(), result.selected());
		assertFalse(ModelCard.read(tmp.resolve("nv").resolve(ModelDirectory.MODEL_JSON)).training().has("best_val_loss"));
	}

	@Test
	void anEmptyTrainingSetIsRefused() {
		final BadInputException e = assertThrows(BadInputException.class, () -> TrainingRun.builder(List.of(), cases("v",
			1, 1), CONFIG, 1, tmp).build());
		assertTrue(e.getMessage().startsWith("training cases: none"), e.getMessage());
	}
}
