package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.dataset.TestDatasets;
import covidunet.model.io.ModelDirectory;
import covidunet.model.train.History;

/**
 * {@code train} through the launcher's runner: a tiny training (headless: no training window), and the
 * refusals (exit 2, one line).
 */
class TrainSubcommandTest {

	@TempDir
	Path tmp;

	private Path dataset;
	private Path folds;

	@BeforeEach
	void dataset() throws IOException {
		dataset = TestDatasets.zenodo(tmp.resolve("data"), TestDatasets.hu("coronacases_001", "coronacases_002",
			"coronacases_003", "coronacases_004"));
		folds = tmp.resolve("folds.json");
		final Launch split = Launch.with(new Main(Subcommands.standard()), "folds", "--dataset", dataset.toString(),
			"--output", folds.toString(), "--folds", "2", "--seed", "3");
		assertEquals(0, split.code(), split.err());
	}

	private Launch train(final String... extra) {
		final List<String> args = new java.util.ArrayList<>(List.of("train", "--dataset", dataset.toString(),
			"--folds_file", folds.toString(), "--cache", tmp.resolve("cache").toString(), "--base", "2", "--batch", "1", "--iterations", "2", "--epochs", "2", "--threads", "1"));
		args.addAll(List.of(extra));
		if (!args.contains("--levels")) args.addAll(List.of("--levels", "2", "--patch", "8,8,4"));
		return Launch.with(new Main(Subcommands.standard()), args.toArray(String[]::new));
	}

	private static void assertError(final Launch launch, final String line) {
		assertEquals("error: " + line + System.lineSeparator(), launch.err());
		assertEquals(2, launch.code());
	}

	@Test
	void trainsAllFoldsIntoFoldFolders() {
		final Path out = tmp.resolve("models");
		final Launch launch = train("--fold", "all", "--output", out.toString());
		assertEquals("", launch.err());
		assertEquals(0, launch.code());
		for (final int k : new int[] { 0, 1 }) {
			final Path dir = out.resolve("fold_" + k);
			assertTrue(Files.isRegularFile(dir.resolve(ModelDirectory.MODEL_JSON)), dir.toString());
			assertEquals(2, History.read(dir.resolve(History.FILE_NAME)).rows().size());
			assertTrue(launch.out().contains(dir + ": 2 epochs, reached the last epoch; model of epoch "), launch.out());
		}
		assertTrue(launch.out().contains("epoch 2/2: loss "), launch.out());
		assertEquals(0, Frame.getFrames().length, "no training window when headless");
	}

	@Test
	void aPatchNotDivisibleByTheLevelsIsRefused() {
		final Path out = tmp.resolve("m");
		assertError(train("--fold", "0", "--output", out.toString(), "--levels", "4", "--patch", "16,16,4"),
			"patch: 4 is not divisible by 8 (levels 4)");
		assertFalse(Files.exists(out));
	}

	@Test
	void aFoldOutOfRangeIsRefused() {
		assertError(train("--fold", "2", "--output", tmp.resolve("m").toString()),
			"fold: 2 is out of range; the folds file has 2 folds, 0 to 1");
		assertError(train("--fold", "first", "--output", tmp.resolve("m").toString()),
			"fold: 'first' is neither a fold number nor 'all'");
		assertFalse(Files.exists(tmp.resolve("m")));
	}

	@Test
	void anEmptyTrainingSetIsRefused() throws IOException {
		final String text = Files.readString(folds);
		final String emptied = text.replaceFirst("\"train\": \\[[^\\]]*\\]", "\"train\": []");
		assertFalse(emptied.equals(text), "the folds file has a training list");
		Files.writeString(folds, emptied);
		final Launch launch = train("--fold", "0", "--output", tmp.resolve("m").toString());
		assertEquals(2, launch.code());
		assertTrue(launch.err().startsWith("error: " + folds), launch.err());
		assertTrue(launch.err().contains("empty"), launch.err());
		assertEquals(1, launch.err().lines().count(), launch.err());
	}
}
