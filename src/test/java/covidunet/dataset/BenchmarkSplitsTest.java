package covidunet.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.Progress;

class BenchmarkSplitsTest {

	@TempDir
	Path dir;

	/** The benchmark's splits in {@code ../shared/data/real}; skips the test without them. */
	static Path realSplits() {
		final Path file = Path.of("").toAbsolutePath().resolveSibling("shared")
			.resolve("data/real/benchmark_task1_splits.json");
		assumeTrue(Files.isRegularFile(file), "no benchmark splits at " + file);
		return file;
	}

	@Test
	void theRealSixteenFourSetMapsOntoADatasetOfTheRealNames() throws IOException {
		final Dataset dataset = Dataset.open(TestDatasets.zenodo(dir, TestDatasets.realKinds()));
		final BenchmarkSplits splits = BenchmarkSplits.read(realSplits(), BenchmarkSplits.DEFAULT_SET, dataset.ids());
		assertEquals("Task1_COVID_82_datasplit.pkl", splits.set());
		assertEquals(5, splits.size());
		assertEquals(dataset.ids(), splits.cases());
		final Folds folds = splits.toFolds(dataset.intensityKinds(Progress.NONE));
		assertEquals(TestDatasets.realKinds(), folds.kinds());
		assertEquals("Task1_COVID_82_datasplit.pkl", folds.benchmarkSet());
		assertEquals(null, folds.seed());
		assertTrue(folds.isPartition());
		assertEquals(List.of("coronacases_007", "coronacases_008", "radiopaedia_36_86526_0", "radiopaedia_4_85506_1"),
			folds.fold(0).validation());
		assertEquals(List.of("coronacases_002", "coronacases_006", "radiopaedia_10_85902_3", "radiopaedia_29_86490_1"),
			folds.fold(4).validation());
		for (final Fold fold : folds.folds()) assertEquals(16, fold.train().size());
		final Path json = dir.resolve("benchmark.json");
		folds.write(json, false);
		assertEquals(folds, Folds.read(json));
	}

	@Test
	void theFourSixteenSetIsNoPartition() {
		final BenchmarkSplits splits =
			BenchmarkSplits.read(realSplits(), BenchmarkSplits.SET_4_16, TestDatasets.REAL_IDS);
		final Folds folds = splits.toFolds(TestDatasets.realKinds());
		assertFalse(folds.isPartition());
		assertEquals(List.of("coronacases_007", "coronacases_008", "radiopaedia_36_86526_0", "radiopaedia_4_85506_1"),
			folds.fold(0).train());
		for (final Fold fold : folds.folds()) assertEquals(16, fold.validation().size());
	}

	@Test
	void namesTheDatasetLacksAreListed() {
		final List<String> ids = new ArrayList<>(TestDatasets.REAL_IDS);
		ids.remove("radiopaedia_7_85703_0");
		ids.remove("coronacases_003");
		final Path file = realSplits();
		assertEquals(file + ": Task1_COVID_82_datasplit.pkl names 2 cases the dataset lacks: coronacases_003, " +
			"radiopaedia_7_85703_0",
			assertThrows(BadInputException.class, () -> BenchmarkSplits.read(file, BenchmarkSplits.SET_16_4, ids)).getMessage());
	}

	@Test
	void aDatasetCaseTheBenchmarkDoesNotNameIsLeftOut() throws IOException {
		final Path file = Files.writeString(dir.resolve("splits.json"),
			"{\"s\": [{\"train\": [\"a\", \"b\"], \"val\": [\"c\"]}, {\"train\": [\"c\"], \"val\": [\"a\", \"b\"]}]}");
		final BenchmarkSplits splits = BenchmarkSplits.read(file, "s", List.of("a", "b", "c", "d"));
		assertEquals(List.of("a", "b", "c"), splits.cases());
		final Folds folds = splits.toFolds(TestDatasets.hu("a", "b", "c", "d"));
		assertEquals(List.of("a", "b", "c"), folds.cases());
		assertTrue(folds.isPartition());
	}

	@Test
	void badBenchmarkFilesAreNamed() throws IOException {
		final Path file = dir.resolve("splits.json");
		final List<String> ids = List.of("a", "b", "c");
		final Map<String, String> cases = Map.of(
			"{\"x\": [], \"y\": []}", "has no split set s (it has: x, y)",
			"{\"s\": {}}", "the top level: 's' is not a list of objects",
			"{\"s\": [{\"train\": [\"a\"], \"val\": [\"b\"]}]}", "s has 1 folds, at least 2 are needed",
			"{\"s\": [{\"train\": [\"a\"]}]}", "s fold 0 has no 'val'",
			"{\"s\": [{\"train\": [\"a\", 3], \"val\": [\"b\"]}]}", "s fold 0: 'train' is not a list of strings",
			"{\"s\": [{\"train\": [\"a\", \"b\"], \"val\": [\"b\"]}]}",
			"s: fold 0 has b both for training and for validation",
			"{\"s\": [{\"train\": [\"a\"], \"val\": [\"b\"]}, {\"train\": [\"a\"], \"val\": [\"c\"]}]}",
			"s fold 1 does not use the same cases as fold 0");
		for (final Map.Entry<String, String> c : cases.entrySet()) {
			Files.writeString(file, c.getKey());
			assertEquals(file + ": " + c.getValue(),
				assertThrows(BadInputException.class, () -> BenchmarkSplits.read(file, "s", ids)).getMessage(), c.getKey());
		}
	}
}
