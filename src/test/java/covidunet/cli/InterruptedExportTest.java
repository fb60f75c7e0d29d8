package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.dataset.TestDatasets;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.CompleteOutputs;
import covidunet.testing.UntrainedModels;

/**
 * A training killed while its model export swapped the new {@code saved_model/} in (between the
 * renames that {@code ModelDirectory} does: the old one moved aside, the new one moved in, the
 * card rewritten) is resumed into a model directory that loads, with the model its card
 * describes, and without hidden leftovers. The three states such a kill can leave are made by
 * hand; a resume then has no epoch left to run, so no later export repairs them.
 */
class InterruptedExportTest {

	private static final String SUFFIX = "5eed";

	@TempDir
	Path tmp;

	private Path dataset;
	private Path folds;
	private Path out;
	private String digest;

	private Launch train() {
		return Launch.with(new Main(Subcommands.standard()), "train", "--dataset", dataset.toString(), "--folds_file",
			folds.toString(), "--fold", "0", "--output", out.toString(), "--cache", tmp.resolve("cache").toString(),
			"--levels", "2", "--base", "2", "--patch", "8,8,4", "--batch", "1", "--iterations", "2", "--epochs", "2",
			"--threads", "1", "--resume", "true");
	}

	@BeforeEach
	void trainTwoEpochs() throws IOException {
		dataset = TestDatasets.zenodo(tmp.resolve("data"), TestDatasets.hu("coronacases_001", "coronacases_002",
			"coronacases_003"));
		folds = tmp.resolve("folds.json");
		assertEquals(0, Launch.with(new Main(Subcommands.standard()), "folds", "--dataset", dataset.toString(), "--output",
			folds.toString(), "--folds", "3", "--seed", "1").code());
		out = tmp.resolve("model");
		final Launch first = train();
		assertEquals(0, first.code(), first.err());
		digest = card().savedModelSha256().orElseThrow();
	}

	private ModelCard card() {
		return ModelCard.read(out.resolve(ModelDirectory.MODEL_JSON));
	}

	/** The saved_model of another (untrained) network, as a new export would have written it. */
	private Path otherSavedModel() {
		final Path other = tmp.resolve("other");
		UntrainedModels.export(other, new UNetConfig(2, 2, Norm.INSTANCE, 4, 8, 8, 4, 1, UNetConfig.DEFAULT_MOMENTUM), 9,
			PreprocessConfig.REFERENCE);
		return other.resolve(ModelDirectory.SAVED_MODEL);
	}

	private void resumesToTheCardsModel(final String state) throws IOException {
		final Launch resumed = train();
		assertEquals(0, resumed.code(), state + ": " + resumed.err());
		try (LoadedModel model = ModelDirectory.load(out)) {
			assertEquals(digest, model.digest(), state + ": the model the card describes");
		}
		assertEquals(List.of(), CompleteOutputs.hidden(out), state + ": no leftover of the export");
	}

	@Test
	void killedAfterTheOldModelWasMovedAside() throws IOException {
		final Path current = out.resolve(ModelDirectory.SAVED_MODEL);
		Files.move(current, out.resolve(".saved_model.old-" + SUFFIX));
		Files.move(otherSavedModel(), out.resolve(".saved_model.export-" + SUFFIX));
		resumesToTheCardsModel("no saved_model/");
	}

	@Test
	void killedBeforeTheCardWasRewritten() throws IOException {
		final Path current = out.resolve(ModelDirectory.SAVED_MODEL);
		Files.move(current, out.resolve(".saved_model.old-" + SUFFIX));
		Files.move(otherSavedModel(), current);
		resumesToTheCardsModel("a new saved_model/ under the old card");
	}

	@Test
	void killedBeforeTheOldModelWasDeleted() throws IOException {
		Files.move(otherSavedModel(), out.resolve(".saved_model.old-" + SUFFIX));
		assertNotEquals(digest, ModelCard.read(tmp.resolve("other").resolve(ModelDirectory.MODEL_JSON))
			.savedModelSha256().orElseThrow(), "the old model differs");
		resumesToTheCardsModel("the old saved_model/ not deleted yet");
	}
}
