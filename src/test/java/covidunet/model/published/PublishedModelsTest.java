package covidunet.model.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.EnvironmentException;
import covidunet.Progress;
import covidunet.dataset.download.DocumentDownload;
import covidunet.dataset.download.FileDownload;
import covidunet.dataset.download.LocalServer;
import covidunet.dataset.download.TestTars;
import covidunet.dataset.download.TestZips;
import covidunet.io.FileTrees;
import covidunet.io.UserCache;
import covidunet.model.keras.KerasImport;
import covidunet.preprocess.CaseCache;

/**
 * Downloading the published models from a records API on 127.0.0.1 with a fake importer: which
 * files are fetched, how they map to folds, resume, digests, reruns, cancel and what a failure
 * leaves.
 */
class PublishedModelsTest {

	@TempDir
	Path tmp;

	private LocalServer server;
	private FakeImporter importer;
	private Path out;

	@BeforeEach
	void start() throws IOException {
		server = new LocalServer();
		importer = new FakeImporter();
		out = tmp.resolve("models");
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private PublishedModels models(final URI url) {
		return new PublishedModels(url, new DocumentDownload(), new FileDownload(), importer);
	}

	private List<String> download(final URI url) {
		return models(url).into(out, Progress.NONE);
	}

	/** A payload a little larger than one transfer chunk, so that a transfer can be cut inside it. */
	private static byte[] payload(final String text) {
		final StringBuilder s = new StringBuilder(text);
		while (s.length() < 100_000) s.append(" padding");
		return s.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The reference's layout: {@code evaluation/fold_k/model.best.hdf5} and {@code model.latest.hdf5}. */
	private static Map<String, byte[]> evaluationFolders() {
		final Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int k = 0; k < 5; k++) {
			entries.put("evaluation/fold_" + k + "/model.latest.hdf5", ("latest " + k).getBytes());
			entries.put("evaluation/fold_" + k + "/model.best.hdf5", ("best " + k).getBytes());
			entries.put("evaluation/fold_" + k + "/logs.csv", "epoch,loss\n".getBytes());
		}
		return entries;
	}

	private static Set<String> names(final Path folder) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static Set<String> folds() {
		final Set<String> folds = new TreeSet<>();
		for (int k = 0; k < 5; k++) folds.add("fold_" + k);
		return folds;
	}

	private Set<String> requested() {
		return server.requests().stream().map(LocalServer.Request::path).collect(Collectors.toCollection(TreeSet::new));
	}

	private void assertImported(final String... contents) throws IOException {
		for (int k = 0; k < contents.length; k++) {
			assertEquals("{\"fake\": \"" + contents[k] + "\"}", Files.readString(out.resolve("fold_" + k).resolve(
				"model.json")));
		}
	}

	@Test
	void fiveHdf5FilesOfTheCurrentShapeOnlyTheBestDownloaded() throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT).file("README.md", "read me".getBytes());
		for (int k = 0; k < 5; k++) {
			record.file("model.fold_" + k + ".best.hdf5", ("best " + k).getBytes());
			record.file("model.fold_" + k + ".latest.hdf5", ("latest " + k).getBytes());
		}
		record.file("predictions.zip", TestZips.random(1000, 1));
		final URI url = record.serveOn(server);
		final List<String> lines = download(url);

		assertImported("best 0", "best 1", "best 2", "best 3", "best 4");
		final Set<String> expected = folds();
		expected.add(PublishedModels.RECORD_JSON);
		assertEquals(expected, names(out));
		final Set<String> fetched = new TreeSet<>(Set.of("/files/" + TestRecord.RECORD_PATH));
		for (int k = 0; k < 5; k++) fetched.add("/files/" + record.path("model.fold_" + k + ".best.hdf5"));
		assertEquals(fetched, requested());
		assertTrue(lines.get(0).startsWith("Zenodo record 3902293, \"COVID-19 segmentation via MIScnn: models, " +
			"predictions, visualizations and evaluation\" (version 1.0), licence cc-by-4.0 (Creative Commons Attribution " +
			"4.0 International); its description is saved as " + out.toAbsolutePath().resolve("zenodo-record.json")),
			lines.get(0));
		assertTrue(lines.contains("model.fold_0.best.hdf5: downloaded 0.0 kB; size and MD5 " + TestRecord.md5(
			"best 0".getBytes()) + " as the record says; SHA-256 " + TestZips.sha256("best 0".getBytes())), lines.toString());
		assertTrue(lines.contains(out.toAbsolutePath().resolve("fold_3") + ": imported from model.fold_3.best.hdf5"), lines
			.toString());
		assertEquals(record.json(server).toString(), Files.readString(out.resolve(PublishedModels.RECORD_JSON)));
		final KerasImport.Origin origin = importer.calls.get(2).origin();
		assertEquals(new KerasImport.Origin("3902293", 2, server.baseUrl() + "/" + record.path("model.fold_2.best.hdf5")),
			origin);
		assertTrue(PublishedModels.isComplete(out));
	}

	@Test
	void aLegacyRecordWithTheReferencesZipSkipsPredictionsAndVisualizations() throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.LEGACY).file("predictions.zip", TestZips.random(5000, 2))
			.file("models.zip", TestZips.zip(evaluationFolders())).file("visualizations.zip", TestZips.random(5000, 3));
		final URI url = record.serveOn(server);
		final List<String> lines = download(url);
		assertImported("best 0", "best 1", "best 2", "best 3", "best 4");
		assertEquals(Set.of("/files/" + TestRecord.RECORD_PATH, "/files/" + record.path("models.zip")), requested());
		assertTrue(lines.get(0).contains("licence CC-BY-4.0; "), lines.get(0));
		assertTrue(lines.contains(out.toAbsolutePath().resolve("fold_4") +
			": imported from models.zip/evaluation/fold_4/model.best.hdf5"), lines.toString());
		assertEquals(new KerasImport.Origin("3902293", 0, server.baseUrl() + "/" + record.path("models.zip") +
			"!/evaluation/fold_0/model.best.hdf5"), importer.calls.get(0).origin());
		assertFalse(Files.exists(out.resolve(PublishedModels.DOWNLOADS)));
	}

	@Test
	void archivesWithOtherNamesAreOpenedOnlyIfTheEarlierOnesHoldNoModels() throws IOException {
		final TestTars tar = new TestTars();
		for (final Map.Entry<String, byte[]> e : evaluationFolders().entrySet()) tar.file(e.getKey(), e.getValue());
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT).file("predictions.zip", TestZips.zip(Map.of(
			"coronacases_001.nii.gz", new byte[10]))).file("supplement.zip", TestZips.zip(Map.of("notes.txt", new byte[3])))
			.file("evaluation.tar.gz", tar.tarGz()).file("visualizations.zip", TestZips.random(100, 4));
		final URI url = record.serveOn(server);
		final List<String> lines = download(url);
		assertImported("best 0", "best 1", "best 2", "best 3", "best 4");
		assertEquals(Set.of("/files/" + TestRecord.RECORD_PATH, "/files/" + record.path("supplement.zip"), "/files/" +
			record.path("evaluation.tar.gz")), requested());
		assertTrue(lines.contains("no HDF5 files in the archives with neutral names (supplement.zip); looking further"),
			lines.toString());
	}

	@Test
	void aCutTransferResumesWithARangeRequest() throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT);
		for (int k = 0; k < 5; k++) record.file("fold_" + k + ".hdf5", payload("model " + k));
		final URI url = record.serveOn(server);
		server.cutAfter(record.path("fold_2.hdf5"), 70_000);
		final EnvironmentException e = assertThrows(EnvironmentException.class, () -> download(url));
		final Path part = out.resolve("downloads").resolve("fold_2.hdf5.part");
		assertTrue(e.getMessage().endsWith("run the same command again to resume " + part.toAbsolutePath()), e
			.getMessage());
		assertEquals(Set.of("fold_0.hdf5", "fold_1.hdf5", "fold_2.hdf5.part"), names(out.resolve("downloads")));
		final long kept = Files.size(part);
		assertTrue(kept > 0 && kept <= 70_000, "kept " + kept);
		assertEquals(List.of(), importer.calls);

		download(url);
		final List<LocalServer.Request> requests = server.requests();
		assertTrue(requests.contains(new LocalServer.Request("/files/" + record.path("fold_2.hdf5"), "bytes=" + kept +
			"-")), requests.toString());
		assertEquals(1, requests.stream().filter(r -> r.path().equals("/files/" + record.path("fold_0.hdf5"))).count());
		assertEquals(5, importer.calls.size());
		assertTrue(importer.contents().get(2).startsWith("model 2 padding"));
	}

	@Test
	void aWrongMd5KeepsTheDownloadAsCorruptAndImportsNothing() throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT);
		for (int k = 0; k < 5; k++) record.file("fold_" + k + ".hdf5", ("model " + k).getBytes());
		final URI url = record.serveOn(server);
		server.serve(record.path("fold_3.hdf5"), "MODEL 3".getBytes());
		final BadInputException e = assertThrows(BadInputException.class, () -> download(url));
		final Path target = out.toAbsolutePath().resolve("downloads").resolve("fold_3.hdf5");
		assertEquals(target + ": MD5 of the download is " + TestRecord.md5("MODEL 3".getBytes()) + ", expected " +
			TestRecord.md5("model 3".getBytes()) + " (Zenodo's records API, " + url + "); kept as fold_3.hdf5.corrupt, " +
			"not used", e.getMessage());
		assertEquals(Set.of("downloads"), names(out));
		assertEquals(Set.of("fold_3.hdf5.corrupt"), names(out.resolve("downloads")));
		assertEquals(List.of(), importer.calls);
	}

	@Test
	void aFileTheImporterRefusesLeavesNoFoldAndRemovesAnOutputItCreated() throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT);
		for (int k = 0; k < 5; k++) record.file("fold_" + k + ".hdf5", (k == 0 ? "bad model" : "model " + k).getBytes());
		final URI url = record.serveOn(server);
		final BadInputException e = assertThrows(BadInputException.class, () -> download(url));
		assertEquals(out.toAbsolutePath().resolve("downloads").resolve("fold_0.hdf5") + ": not a Keras model file (fake)",
			e.getMessage());
		assertFalse(Files.exists(out));

		Files.createDirectories(out);
		Files.writeString(out.resolve("mine.txt"), "the user's");
		assertThrows(BadInputException.class, () -> download(url));
		assertEquals(Set.of("mine.txt"), names(out));
	}

	@Test
	void aFailureAfterSomeFoldsKeepsThemAndARunAgainSkipsThem() throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT);
		for (int k = 0; k < 5; k++) record.file("fold_" + k + ".hdf5", ("model " + k).getBytes());
		final URI url = record.serveOn(server);
		importer.refused.add("model 3");
		assertThrows(BadInputException.class, () -> download(url));
		assertEquals(new TreeSet<>(Set.of("fold_0", "fold_1", "fold_2", "downloads", PublishedModels.RECORD_JSON)),
			names(out));

		importer.refused.clear();
		final int before = server.requests().size();
		final List<String> lines = download(url);
		assertEquals(List.of("model 0", "model 1", "model 2", "model 3", "model 3", "model 4"), importer.contents());
		assertTrue(lines.contains(out.toAbsolutePath().resolve("fold_1") + ": imported already, skipped"), lines
			.toString());
		assertTrue(lines.contains("fold_4.hdf5: downloaded before; size and MD5 " + TestRecord.md5("model 4".getBytes()) +
			" as the record says; SHA-256 " + TestZips.sha256("model 4".getBytes())), lines.toString());
		assertEquals(List.of("/files/" + TestRecord.RECORD_PATH), paths(server.requests().subList(before, server
			.requests().size())));
		final Set<String> all = folds();
		all.add(PublishedModels.RECORD_JSON);
		assertEquals(all, names(out));

		FileTrees.delete(out.resolve("fold_2"));
		final int again = server.requests().size();
		download(url);
		assertEquals(List.of("/files/" + TestRecord.RECORD_PATH, "/files/" + record.path("fold_2.hdf5")), paths(server
			.requests().subList(again, server.requests().size())));
		assertEquals(all, names(out));

		final int done = server.requests().size();
		assertEquals(List.of(out.toAbsolutePath() + ": all 5 folds are imported already; nothing to do (Zenodo record " +
			"3902293, \"COVID-19 segmentation via MIScnn: models, predictions, visualizations and evaluation\" (version " +
			"1.0), licence cc-by-4.0 (Creative Commons Attribution 4.0 International))"), download(url));
		assertEquals(done, server.requests().size());
	}

	private static List<String> paths(final List<LocalServer.Request> requests) {
		return requests.stream().map(LocalServer.Request::path).toList();
	}

	@Test
	void cancellingKeepsTheFinishedDownloadsAndARunAgainFetchesOnlyTheRest() throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT);
		for (int k = 0; k < 5; k++) record.file("fold_" + k + ".hdf5", payload("model " + k));
		final URI url = record.serveOn(server);
		final List<String> tasks = new ArrayList<>();
		final Progress cancelAtTheThirdFile = new Progress() {

			@Override
			public void report(final String task, final long done, final long total) {
				tasks.add(task);
			}

			@Override
			public boolean isCancelled() {
				return tasks.stream().anyMatch(t -> t.startsWith("fold_2.hdf5:"));
			}
		};
		assertThrows(CancelledException.class, () -> models(url).into(out, cancelAtTheThirdFile));
		assertEquals(Set.of("fold_0.hdf5", "fold_1.hdf5"), names(out.resolve("downloads")));
		final int before = server.requests().size();
		download(url);
		assertEquals(3, server.requests().size() - before - 1);
		assertTrue(PublishedModels.isComplete(out));
	}

	@Test
	void cancellingAnImportKeepsTheFoldsDone() throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT);
		for (int k = 0; k < 5; k++) record.file("fold_" + k + ".hdf5", ("model " + k).getBytes());
		final URI url = record.serveOn(server);
		final Progress cancelAtTheThirdImport = new Progress() {

			@Override
			public void report(final String task, final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return importer.calls.size() == 2;
			}
		};
		assertThrows(CancelledException.class, () -> models(url).into(out, cancelAtTheThirdImport));
		assertEquals(new TreeSet<>(Set.of("fold_0", "fold_1", "downloads", PublishedModels.RECORD_JSON)), names(out));
		download(url);
		assertEquals(List.of("model 0", "model 1", "model 2", "model 3", "model 4"), importer.contents());
	}

	@Test
	void notARecordAndAnAmbiguousRecordLeaveNothing() throws IOException {
		server.serve(TestRecord.RECORD_PATH, "{\"hits\": {\"hits\": []}}".getBytes());
		final URI url = TestRecord.url(server);
		assertEquals(url + ": not a Zenodo record (no 'metadata' object)", assertThrows(BadInputException.class,
			() -> download(url)).getMessage());
		assertFalse(Files.exists(out));

		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT).file("a.h5", "a".getBytes()).file("b.h5",
			"b".getBytes());
		record.serveOn(server);
		assertEquals("Zenodo record 3902293 (" + url + "): cannot tell which model file is which fold: no fold numbers " +
			"in the paths, and 2 files, not 5; found 2 HDF5 files: a.h5, b.h5", assertThrows(BadInputException.class,
				() -> download(url)).getMessage());
		assertFalse(Files.exists(out));

		final TestRecord zipped = new TestRecord(TestRecord.Shape.CURRENT).file("models.zip", TestZips.zip(Map.of(
			"fold_0/m.h5", new byte[1], "fold_1/m.h5", new byte[1])));
		zipped.serveOn(server);
		final String message = assertThrows(BadInputException.class, () -> download(url)).getMessage();
		assertTrue(message.endsWith("models for folds 0, 1, not 0-4; found 2 HDF5 files: models.zip/fold_0/m.h5, " +
			"models.zip/fold_1/m.h5"), message);
		assertFalse(Files.exists(out));
	}

	@Test
	void aRecordWithoutModelsOrWithAnUnsafeZipIsRefused() throws IOException {
		final TestRecord none = new TestRecord(TestRecord.Shape.CURRENT).file("README.md", "x".getBytes()).file(
			"evaluation.zip", TestZips.zip(Map.of("scores.csv", new byte[2])));
		final URI url = none.serveOn(server);
		assertEquals("Zenodo record 3902293 (" + url + "): no Keras HDF5 model files (.hdf5, .h5) among its files or " +
			"in its archives (README.md, evaluation.zip)", assertThrows(BadInputException.class, () -> download(url))
				.getMessage());
		assertFalse(Files.exists(out));

		final TestRecord unsafe = new TestRecord(TestRecord.Shape.CURRENT).file("models.zip", TestZips.zip(Map.of(
			"../fold_0.h5", new byte[1])));
		unsafe.serveOn(server);
		final String message = assertThrows(BadInputException.class, () -> download(url)).getMessage();
		assertTrue(message.startsWith(out.toAbsolutePath().resolve("downloads").resolve("models.zip") +
			": refused: entry '../fold_0.h5' escapes the target folder (..)"), message);
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(tmp.resolve("fold_0.h5")));
	}

	@Test
	void aFoldFolderWithoutAModelAndAFileAsOutputAreRefusedBeforeAnyDownload() throws IOException {
		Files.createDirectories(out.resolve("fold_2"));
		final URI url = TestRecord.url(server);
		assertEquals(out.toAbsolutePath().resolve("fold_2") + ": exists but holds no model (no model.json); move it " +
			"away to import fold 2 again", assertThrows(BadInputException.class, () -> download(url)).getMessage());
		final Path file = Files.writeString(tmp.resolve("file"), "x");
		assertEquals(file.toAbsolutePath() + ": exists and is not a folder", assertThrows(BadInputException.class,
			() -> models(url).into(file, Progress.NONE)).getMessage());
		assertEquals(List.of(), server.requests());
	}

	@Test
	void anotherRunHoldingTheFolderIsRefused() throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT);
		for (int k = 0; k < 5; k++) record.file("fold_" + k + ".hdf5", ("model " + k).getBytes());
		final URI url = record.serveOn(server);
		Files.createDirectories(out);
		try (FolderLock lock = FolderLock.take(out.toAbsolutePath())) {
			assertEquals(out.toAbsolutePath() + ": another run is downloading or importing the published models into " +
				"it; wait for it to end", assertThrows(BadInputException.class, () -> download(url)).getMessage());
		}
		download(url);
		assertTrue(PublishedModels.isComplete(out));
		assertFalse(Files.exists(out.resolve(FolderLock.NAME)));
	}

	@Test
	void theUserFolderFollowsTheCaseCache() {
		assertEquals(UserCache.folder().resolve("models/zenodo-3902293"), PublishedModels.userFolder());
	}
}
