package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import covidunet.BadInputException;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.UntrainedModels;

/** Loading one model directory or a folder of fold models, and the set's digest. */
class ModelSetTest {

	private static final UNetConfig NET = UntrainedModels.tiny(Norm.NONE);
	private static final PreprocessConfig CONFIG = PreprocessConfig.REFERENCE.toBuilder()
		.targetSpacing(2.5, 2.5, 3.5).build();

	@TempDir
	static Path tmp;

	private static Path ensemble;

	/** An ensemble folder with fold_0, fold_1, fold_2 and fold_10, each an untrained tiny U-Net of its own seed. */
	@BeforeAll
	static void exportEnsemble() throws IOException {
		ensemble = tmp.resolve("ensemble");
		for (final int fold : new int[] { 10, 2, 0, 1 }) export(ensemble.resolve("fold_" + fold), fold + 1, CONFIG);
		Files.writeString(ensemble.resolve("fold_3"), "a file, not a model directory");
	}

	private static void export(final Path dir, final long seed, final PreprocessConfig config) {
		UntrainedModels.export(dir, NET, seed, config);
	}

	private static String savedDigest(final Path dir) {
		return ModelCard.read(dir.resolve(ModelDirectory.MODEL_JSON)).savedModelSha256().orElseThrow();
	}

	private static String sha256(final String text) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
			StandardCharsets.UTF_8)));
	}

	@Test
	void aFolderOfFoldsLoadsInNumericOrderWithTheEnsembleDigest() throws NoSuchAlgorithmException {
		try (ModelSet set = ModelSet.load(ensemble, 1)) {
			final List<String> names = set.models().stream().map(m -> m.dir().getFileName().toString()).toList();
			assertEquals(List.of("fold_0", "fold_1", "fold_2", "fold_10"), names);
			final StringBuilder text = new StringBuilder("covid-unet ensemble");
			for (final String name : names) text.append('\n').append(savedDigest(ensemble.resolve(name)));
			assertEquals(sha256(text.toString()), set.digest());
			for (final LoadedModel m : set.models()) {
				assertEquals(savedDigest(m.dir()), m.digest());
				assertNotEquals(m.digest(), set.digest());
			}
			assertEquals(CONFIG, set.card().preprocessing());
		}
	}

	@Test
	void aModelDirectoryLoadsAloneWithItsSavedModelDigest() {
		final Path fold = ensemble.resolve("fold_2");
		try (ModelSet set = ModelSet.load(fold, 1)) {
			assertEquals(1, set.models().size());
			assertEquals(fold, set.models().get(0).dir());
			assertEquals(savedDigest(fold), set.digest());
		}
	}

	@Test
	void membersWithOtherPreprocessingAreRefusedByName() {
		final Path mixed = tmp.resolve("mixed");
		export(mixed.resolve("fold_0"), 1, CONFIG);
		export(mixed.resolve("fold_1"), 2, CONFIG.toBuilder().targetSpacing(1.5, 1.5, 3.5).build());
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelSet.load(mixed, 1));
		assertTrue(e.getMessage().startsWith("model " + mixed + ": fold_1 differs from fold_0"), e.getMessage());
		assertTrue(e.getMessage().contains("preprocessing"), e.getMessage());
		assertEquals(1, e.getMessage().lines().count(), e.getMessage());
	}

	@Test
	void anEmptyFolderIsRefused() throws IOException {
		final Path empty = Files.createDirectories(tmp.resolve("empty"));
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelSet.load(empty, 1));
		assertTrue(e.getMessage().startsWith("model " + empty + ": "), e.getMessage());
		assertEquals(1, e.getMessage().lines().count(), e.getMessage());
	}
}
