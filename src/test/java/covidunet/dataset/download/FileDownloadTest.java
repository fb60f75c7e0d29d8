package covidunet.dataset.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.EnvironmentException;
import covidunet.Progress;
import covidunet.testing.Cancelling;

/** One file against a server on 127.0.0.1: resume, ranges ignored or unsatisfiable, bad digests. */
class FileDownloadTest {

	private static final String NAME = "data.zip";
	private static final byte[] CONTENT = TestZips.random(300_000, 7);
	private static final ExpectedDigest DIGEST = new ExpectedDigest(TestZips.sha256(CONTENT), "the test");

	@TempDir
	Path dir;

	private LocalServer server;
	private Path target;
	private Path part;
	private URI url;

	@BeforeEach
	void start() throws IOException {
		server = new LocalServer();
		server.serve(NAME, CONTENT);
		target = dir.resolve(NAME);
		part = dir.resolve(NAME + ".part");
		url = URI.create(server.baseUrl() + "/" + NAME);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private FileDownload.Result fetch() {
		return new FileDownload().fetch(url, target, DIGEST, Progress.NONE);
	}

	private static void assertOneLine(final RuntimeException e) {
		assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
	}

	@Test
	void downloadsVerifiesAndRenames() throws IOException {
		final List<String> reports = new ArrayList<>();
		final FileDownload.Result result =
			new FileDownload().fetch(url, target, DIGEST, (task, done, total) -> reports.add(task + " " + done + "/" + total));
		assertArrayEquals(CONTENT, Files.readAllBytes(target));
		assertEquals(new FileDownload.Result(target, DIGEST.hex(), true, CONTENT.length), result);
		assertFalse(Files.exists(part));
		assertEquals(List.of(new LocalServer.Request("/files/" + NAME, null)), server.requests());
		assertEquals("data.zip: 0.0 of 300.0 kB 0/300000", reports.get(0));
		assertTrue(reports.get(reports.size() - 1).startsWith("data.zip: 300.0 of 300.0 kB"), reports.toString());
		assertTrue(reports.get(reports.size() - 1).endsWith(" 300000/300000"), reports.toString());
	}

	@Test
	void aCutTransferResumesWithARangeRequest() throws IOException {
		server.cutAfter(NAME, 100_000);
		final EnvironmentException e = assertThrows(EnvironmentException.class, this::fetch);
		assertOneLine(e);
		assertTrue(e.getMessage().contains("the transfer stopped after"), e.getMessage());
		assertTrue(e.getMessage().endsWith("run the same command again to resume " + part), e.getMessage());
		assertFalse(Files.exists(target));
		final long kept = Files.size(part);
		assertTrue(kept > 0 && kept <= 100_000, "kept " + kept);

		final FileDownload.Result result = fetch();
		assertArrayEquals(CONTENT, Files.readAllBytes(target));
		assertEquals(CONTENT.length - kept, result.bytesTransferred());
		assertEquals(new LocalServer.Request("/files/" + NAME, "bytes=" + kept + "-"), server.requests().get(1));
		assertEquals(2, server.requests().size());
		assertFalse(Files.exists(part));
	}

	@Test
	void aServerThatIgnoresTheRangeMakesThePartStartOver() throws IOException {
		Files.write(part, java.util.Arrays.copyOf(CONTENT, 1000));
		server.ignoreRanges(true);
		final List<String> reports = new ArrayList<>();
		final FileDownload.Result result =
			new FileDownload().fetch(url, target, DIGEST, (task, done, total) -> reports.add(task));
		assertArrayEquals(CONTENT, Files.readAllBytes(target));
		assertEquals(CONTENT.length, result.bytesTransferred());
		assertEquals("bytes=1000-", server.requests().get(0).range());
		assertTrue(reports.contains("data.zip: the server does not resume downloads; starting over"), reports.toString());
	}

	@Test
	void aCompletePartIsAnsweredWith416AndVerifiedWithoutABody() throws IOException {
		Files.write(part, CONTENT);
		final FileDownload.Result result = fetch();
		assertEquals(0, result.bytesTransferred());
		assertTrue(result.downloaded());
		assertArrayEquals(CONTENT, Files.readAllBytes(target));
		assertEquals(List.of(new LocalServer.Request("/files/" + NAME, "bytes=" + CONTENT.length + "-")), server.requests());
	}

	@Test
	void aPartLongerThanTheFileStartsOver() throws IOException {
		Files.write(part, TestZips.random(CONTENT.length + 10, 8));
		fetch();
		assertArrayEquals(CONTENT, Files.readAllBytes(target));
		assertEquals(2, server.requests().size());
		assertNull(server.requests().get(1).range());
	}

	@Test
	void aCorruptDownloadIsReportedKeptAsCorruptAndNotUsed() throws IOException {
		final byte[] other = TestZips.random(CONTENT.length, 9);
		server.serve(NAME, other);
		final BadInputException e = assertThrows(BadInputException.class, this::fetch);
		assertOneLine(e);
		assertEquals(target + ": SHA-256 of the download is " + TestZips.sha256(other) + ", expected " + DIGEST.hex() +
			" (the test); kept as data.zip.corrupt, not used", e.getMessage());
		assertFalse(Files.exists(target));
		assertFalse(Files.exists(part));
		assertArrayEquals(other, Files.readAllBytes(dir.resolve(NAME + ".corrupt")));

		server.serve(NAME, CONTENT);
		fetch();
		assertArrayEquals(CONTENT, Files.readAllBytes(target));
	}

	@Test
	void aPrefixIsCheckedAndNamedInTheMessage() {
		final ExpectedDigest prefix = new ExpectedDigest("a5060480", "Zenodo record 3757476, prefix only");
		final BadInputException e =
			assertThrows(BadInputException.class, () -> new FileDownload().fetch(url, target, prefix, Progress.NONE));
		assertTrue(e.getMessage().contains("expected a5060480… (Zenodo record 3757476, prefix only)"), e.getMessage());
		assertTrue(e.getMessage().contains("is " + DIGEST.hex() + ","), e.getMessage());
		final ExpectedDigest right = new ExpectedDigest(DIGEST.hex().substring(0, 8), "a prefix");
		assertTrue(new FileDownload().fetch(url, target, right, Progress.NONE).downloaded());
	}

	@Test
	void aResumedPartWithWrongBytesIsCaughtByTheDigest() throws IOException {
		Files.write(part, TestZips.random(1000, 10));
		final BadInputException e = assertThrows(BadInputException.class, this::fetch);
		assertTrue(e.getMessage().contains("kept as data.zip.corrupt"), e.getMessage());
		assertEquals("bytes=1000-", server.requests().get(0).range());
		assertFalse(Files.exists(target));
	}

	@Test
	void aVerifiedFileIsNotDownloadedAgain() {
		fetch();
		final FileDownload.Result again = fetch();
		assertFalse(again.downloaded());
		assertEquals(DIGEST.hex(), again.sha256());
		assertEquals(1, server.requests().size());
	}

	@Test
	void anExistingFileWithAnotherDigestIsKeptAndReported() throws IOException {
		Files.writeString(target, "the user's own file");
		final BadInputException e = assertThrows(BadInputException.class, this::fetch);
		assertOneLine(e);
		assertTrue(e.getMessage().startsWith(target + ": exists, but its SHA-256 is "), e.getMessage());
		assertTrue(e.getMessage().endsWith("move it away to download it again"), e.getMessage());
		assertEquals("the user's own file", Files.readString(target));
		assertEquals(List.of(), server.requests());
	}

	@Test
	void cancellingKeepsThePartForALaterResume() throws IOException {
		final Progress cancelSoon = new Cancelling(2);
		final CancelledException e =
			assertThrows(CancelledException.class, () -> new FileDownload().fetch(url, target, DIGEST, cancelSoon));
		assertEquals("data.zip: download cancelled; " + part + " is kept for the next run to resume", e.getMessage());
		final long kept = Files.size(part);
		assertTrue(kept > 0 && kept < CONTENT.length, "kept " + kept);
		fetch();
		assertArrayEquals(CONTENT, Files.readAllBytes(target));
		assertEquals("bytes=" + kept + "-", server.requests().get(1).range());
	}

	@Test
	void httpErrorsAreReportedInOneLine() {
		final URI missing = URI.create(server.baseUrl() + "/missing.zip");
		final BadInputException e = assertThrows(BadInputException.class,
			() -> new FileDownload().fetch(missing, dir.resolve("missing.zip"), DIGEST, Progress.NONE));
		assertEquals(missing + ": the server answered HTTP 404 Not Found", e.getMessage());
		assertFalse(Files.exists(dir.resolve("missing.zip")));
		assertFalse(Files.exists(dir.resolve("missing.zip.part")));
	}

	@Test
	void anUnreachableServerIsAnEnvironmentProblem() {
		final int port = URI.create(server.origin()).getPort();
		server.close();
		final EnvironmentException e = assertThrows(EnvironmentException.class,
			() -> new FileDownload().fetch(URI.create("http://127.0.0.1:" + port + "/files/" + NAME), target, DIGEST,
				Progress.NONE));
		assertOneLine(e);
		assertTrue(e.getMessage().startsWith("cannot download http://127.0.0.1:" + port), e.getMessage());
		assertFalse(Files.exists(part), "an empty part is not left behind");
	}

	@Test
	void redirectsAreFollowedOnlyWhereAllowed() throws IOException {
		server.redirect("/moved/" + NAME, "/files/" + NAME);
		new FileDownload().fetch(URI.create(server.origin() + "/moved/" + NAME), target, DIGEST, Progress.NONE);
		assertArrayEquals(CONTENT, Files.readAllBytes(target));

		server.redirect("/away/" + NAME, "http://example.invalid/" + NAME);
		final Path other = dir.resolve("other.zip");
		final BadInputException e = assertThrows(BadInputException.class,
			() -> new FileDownload().fetch(URI.create(server.origin() + "/away/" + NAME), other, DIGEST, Progress.NONE));
		assertEquals(server.origin() + "/away/" + NAME + ": redirected to http://example.invalid/" + NAME +
			", which is not https://; refused", e.getMessage());
	}

	@Test
	void plainHttpElsewhereIsRefusedBeforeAnyConnection() {
		final BadInputException e = assertThrows(BadInputException.class,
			() -> new FileDownload().fetch(URI.create("http://example.invalid/files/" + NAME), target, DIGEST, Progress.NONE));
		assertEquals("refused to download http://example.invalid/files/data.zip: only https://, or plain http:// " +
			"to this machine", e.getMessage());
		assertFalse(Files.exists(part));
	}
}
