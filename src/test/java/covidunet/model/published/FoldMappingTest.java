package covidunet.model.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import covidunet.BadInputException;
import covidunet.dataset.download.ExpectedDigest;

/** Which record files are looked at first, and which model file is which fold. */
class FoldMappingTest {

	private static final String WHERE = "Zenodo record 3902293 (https://zenodo.org/api/records/3902293)";

	private static List<ModelFile> files(final String... paths) {
		return Arrays.stream(paths).map(p -> new ModelFile(p, Path.of("/d").resolve(p), "https://x/" + p)).toList();
	}

	/** The paths mapped to folds 0–4, in fold order. */
	private static List<String> mapped(final String... paths) {
		return FoldMapping.of(files(paths), WHERE).folds().values().stream().map(ModelFile::path).toList();
	}

	private static String refused(final String... paths) {
		final String message = assertThrows(BadInputException.class, () -> FoldMapping.of(files(paths), WHERE))
			.getMessage();
		assertTrue(message.startsWith(WHERE + ": cannot tell which model file is which fold: "), message);
		return message;
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "fold_3/model.best.hdf5|3", "model_fold3.h5|3", "Fold-3.hdf5|3",
		"cv_3/model.hdf5|3", "fold 3/model.hdf5|3", "model.fold.3.h5|3", "CV3.h5|3",
		"models_cv5.zip/evaluation/fold_2/model.best.hdf5|2", "fold_12.h5|12", "unfold_3.h5|", "fold_3best.h5|3",
		"model.best.hdf5|", "5fold_models.zip/model.h5|", "scaffold_2.h5|" })
	void foldNumbersInPaths(final String path, final Integer fold) {
		assertEquals(fold, FoldMapping.number(path));
	}

	@Test
	void aPartWithTwoFoldNumbersIsAmbiguous() {
		assertThrows(IllegalArgumentException.class, () -> FoldMapping.number("fold_1_vs_fold_2.h5"));
		assertEquals(1, FoldMapping.number("fold_1_and_fold_1.h5"));
		assertTrue(refused("fold_0.h5", "fold_1_vs_fold_2.h5").contains("'fold_1_vs_fold_2.h5' names two folds ([1, 2])"));
	}

	@Test
	void theReferenceLayoutPrefersTheBestModelOverTheLatest() {
		final List<String> paths = new ArrayList<>();
		for (int k = 4; k >= 0; k--) {
			paths.add("evaluation.zip/evaluation/fold_" + k + "/model.latest.hdf5");
			paths.add("evaluation.zip/evaluation/fold_" + k + "/model.best.hdf5");
		}
		paths.add("evaluation.zip/evaluation/README.h5");
		final List<String> expected = new ArrayList<>();
		for (int k = 0; k < 5; k++) expected.add("evaluation.zip/evaluation/fold_" + k + "/model.best.hdf5");
		assertEquals(expected, mapped(paths.toArray(String[]::new)));
	}

	@Test
	void withoutBestTheShortestNameThenTheShortestPathWins() {
		assertEquals(List.of("fold_0.h5", "a/fold_1.h5", "fold_2.h5", "fold_3.h5", "fold_4.h5"), mapped("fold_0.h5",
			"fold_0_old.h5", "b/c/fold_1.h5", "a/fold_1.h5", "fold_2.h5", "fold-3.hdf5", "fold_3.h5", "fold_4.h5"));
		assertTrue(refused("fold_0/a.h5", "fold_0/b.h5", "fold_1.h5", "fold_2.h5", "fold_3.h5", "fold_4.h5").contains(
			"fold 0 has 2 equally likely files (fold_0/a.h5, fold_0/b.h5)"));
	}

	@Test
	void foldsNumberedFromOneAreShifted() {
		final FoldMapping mapping = FoldMapping.of(files("fold1.h5", "fold2.h5", "fold3.h5", "fold4.h5", "fold5.h5"), WHERE);
		assertEquals("fold1.h5", mapping.folds().get(0).path());
		assertEquals("fold5.h5", mapping.folds().get(4).path());
		assertEquals(List.of("folds numbered 1-5 in the record, imported as fold_0 ... fold_4"), mapping.notes());
	}

	@Test
	void fiveFilesWithoutFoldNumbersAreTakenInPathOrder() {
		final FoldMapping mapping = FoldMapping.of(files("e.h5", "a.h5", "c.h5", "b.h5", "d.h5"), WHERE);
		assertEquals(List.of("a.h5", "b.h5", "c.h5", "d.h5", "e.h5"), mapping.folds().values().stream().map(
			ModelFile::path).toList());
		assertEquals(1, mapping.notes().size());
	}

	@Test
	void missingOrExtraFoldsAndOtherCountsAreRefusedListingTheFiles() {
		assertEquals(WHERE + ": cannot tell which model file is which fold: models for folds 0, 1, 2, not 0-4; found 3 " +
			"HDF5 files: fold_0.h5, fold_1.h5, fold_2.h5", refused("fold_2.h5", "fold_0.h5", "fold_1.h5"));
		assertTrue(refused("fold_0.h5", "fold_1.h5", "fold_2.h5", "fold_3.h5", "fold_4.h5", "fold_5.h5").contains(
			"models for folds 0, 1, 2, 3, 4, 5, not 0-4"));
		assertEquals(WHERE + ": cannot tell which model file is which fold: no fold numbers in the paths, and 2 files, " +
			"not 5; found 2 HDF5 files: a.h5, b.h5", refused("b.h5", "a.h5"));
		final String[] many = new String[20];
		for (int i = 0; i < many.length; i++) many[i] = String.format("m%02d.h5", i);
		assertTrue(refused(many).endsWith(": m00.h5, m01.h5, m02.h5, m03.h5, m04.h5, m05.h5, m06.h5, m07.h5, m08.h5, " +
			"m09.h5, m10.h5, m11.h5 and 8 more"));
	}

	private static RecordFile file(final String key) {
		return new RecordFile(key, 1, ExpectedDigest.md5("0".repeat(32), "t"), URI.create("https://x/" + key));
	}

	private static List<String> groups(final String... keys) {
		return FileChoice.groups(Arrays.stream(keys).map(FoldMappingTest::file).toList()).stream().map(g -> g
			.description() + ": " + String.join(" ", g.files().stream().map(RecordFile::key).toList())).toList();
	}

	@Test
	void hdf5FilesFirstThenArchivesNamedForModelsThenTheOthers() {
		assertEquals(List.of("HDF5 files: fold_0.hdf5 model_predictions.h5",
			"archives named for models: models.zip weights.tar.gz", "archives with neutral names: covid19.tgz",
			"archives named for the evaluation: evaluation.zip",
			"the other archives and HDF5 files: predictions.zip visualizations.tar predictions.h5 logs.zip"),
			groups("fold_0.hdf5", "README.md", "models.zip", "predictions.zip", "evaluation.zip", "visualizations.tar",
				"predictions.h5", "weights.tar.gz", "covid19.tgz", "model_predictions.h5", "logs.zip", "figure.png"));
		assertEquals(List.of("archives named for the evaluation: evaluation.zip",
			"the other archives and HDF5 files: predictions.zip visualization.zip"), groups("predictions.zip",
				"visualization.zip", "evaluation.zip", "scores.csv"));
		assertEquals(List.of(), groups("README.md", "scores.csv"));
		assertNull(FoldMapping.number("catalog.zip"));
	}
}
