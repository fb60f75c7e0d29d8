package covidunet.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.cli.Main;
import covidunet.dataset.FoldSplitter;
import covidunet.dataset.Folds;
import covidunet.dataset.IntensityKind;
import covidunet.dataset.TestDatasets;

/** {@code covid-unet folds} through the launcher, in this JVM. */
class PrepareFoldsCommandTest {

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {}

	private static Run folds(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final String[] all = new String[args.length + 1];
		all[0] = "folds";
		System.arraycopy(args, 0, all, 1, args.length);
		final int code;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
			PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8))
		{
			code = Main.run(all, o, e);
		}
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static void assertOneErrorLine(final Run run, final String start) {
		assertEquals(2, run.code(), run.err());
		assertEquals(1, run.err().lines().count(), run.err());
		assertTrue(run.err().startsWith("error: " + start), run.err());
	}

	@Test
	void aSeededSplitIsWrittenAndSummarised() throws IOException {
		final Map<String, IntensityKind> cases = TestDatasets.hu("coronacases_001", "coronacases_002", "coronacases_003",
			"coronacases_004");
		cases.put("radiopaedia_4_85506_1", IntensityKind.RESCALED_0_255);
		cases.put("radiopaedia_7_85703_0", IntensityKind.RESCALED_0_255);
		final Path dataset = TestDatasets.zenodo(dir.resolve("data"), cases);
		final Path json = dir.resolve("out/folds.json");
		final Run run = folds("--dataset", dataset.toString(), "--output", json.toString(), "--folds", "3", "--seed", "11");
		assertEquals("", run.err());
		assertEquals(0, run.code());
		final Folds written = Folds.read(json);
		assertEquals(FoldSplitter.split(cases, 3, 11), written);
		assertTrue(Files.isRegularFile(dir.resolve("out/folds.csv")));
		assertTrue(run.out().contains("6 cases (4 hu, 2 rescaled_0_255) in 3 folds, seed 11\n"), run.out());
		assertTrue(run.out().contains("fold 0: 4 training, validation " + String.join(", ", written.fold(0).validation()) +
			"\n"), run.out());
		assertTrue(run.out().contains("wrote " + json + " and " + dir.resolve("out/folds.csv") + System.lineSeparator()),
			run.out());

		assertOneErrorLine(folds("--dataset", dataset.toString(), "--output", json.toString()),
			json + " and " + dir.resolve("out/folds.csv") + " exist; give --overwrite true to replace them");
		assertEquals(0, folds("--dataset", dataset.toString(), "--output", json.toString(), "--overwrite", "true").code());
		assertEquals(5, Folds.read(json).k(), "the default K");
	}

	@Test
	void aBadDatasetFailsInOneLineNamingTheCasesAndWritesNothing() throws IOException {
		final Path dataset = TestDatasets.zenodo(dir.resolve("data"),
			TestDatasets.hu("coronacases_001", "coronacases_002", "coronacases_003"));
		Files.delete(TestDatasets.zenodoMask(dataset, "coronacases_002"));
		Files.writeString(TestDatasets.zenodoImage(dataset, "coronacases_003"), "not a volume");
		final Path json = dir.resolve("folds.json");
		final Run run = folds("--dataset", dataset.toString(), "--output", json.toString());
		assertOneErrorLine(run, "dataset " + dataset + ": 2 problems: coronacases_002 has no mask; coronacases_003: image: ");
		assertEquals(List.of("data"), List.of(dir.toFile().list()));

		assertOneErrorLine(folds("--dataset", dir.resolve("empty").toString(), "--output", json.toString()),
			"dataset " + dir.resolve("empty") + ": no such folder");
		assertFalse(Files.exists(json));
	}

	@Test
	void foldsOutOfRangeAreNamed() throws IOException {
		final Path dataset = TestDatasets.simple(dir.resolve("data"), TestDatasets.hu("a", "b", "c"));
		final String json = dir.resolve("folds.json").toString();
		assertOneErrorLine(folds("--dataset", dataset.toString(), "--output", json, "--folds", "4"),
			"bad value '4' for --folds: must be at most 3, the number of cases");
		assertOneErrorLine(folds("--dataset", dataset.toString(), "--output", json, "--folds", "1"),
			"bad value '1' for --folds: must be at least 2");
		assertFalse(Files.exists(Path.of(json)));
	}

	@Test
	void theBenchmarkSplitIsImported() throws IOException {
		final Path splits = Path.of("").toAbsolutePath().resolveSibling("shared")
			.resolve("data/real/benchmark_task1_splits.json");
		assumeTrue(Files.isRegularFile(splits), "no benchmark splits at " + splits);
		final Path dataset = TestDatasets.zenodo(dir.resolve("data"), TestDatasets.realKinds());
		final Path json = dir.resolve("benchmark.json");
		final Run run = folds("--dataset", dataset.toString(), "--output", json.toString(), "--benchmark", splits.toString());
		assertEquals("", run.err());
		assertEquals(0, run.code());
		assertTrue(run.out().contains("20 cases (10 hu, 10 rescaled_0_255) in 5 folds, benchmark set " +
			"Task1_COVID_82_datasplit.pkl\nfold 0: 16 training, validation coronacases_007, coronacases_008, " +
			"radiopaedia_36_86526_0, radiopaedia_4_85506_1\n"), run.out());
		assertEquals("Task1_COVID_82_datasplit.pkl", Folds.read(json).benchmarkSet());

		final Run other = folds("--dataset", dataset.toString(), "--output", json.toString(), "--overwrite", "true",
			"--benchmark", splits.toString(), "--benchmark_set", "Task1_COVID_datasplit.pkl");
		assertEquals(0, other.code(), other.err());
		assertEquals(4, Folds.read(json).fold(0).train().size());

		assertOneErrorLine(folds("--dataset", dataset.toString(), "--output", json.toString(), "--benchmark",
			splits.toString(), "--benchmark_set", "Task2"), "bad value 'Task2' for --benchmark_set: expected one of ");
	}
}
