package covidunet.dataset.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.EnvironmentException;
import covidunet.Progress;

/** Downloads checked by MD5 (Zenodo's checksums) and by size, and small documents fetched into memory. */
class Md5AndDocumentTest {

	private static final String NAME = "model.best.hdf5";
	private static final byte[] CONTENT = TestZips.random(200_000, 11);

	@TempDir
	Path dir;

	private LocalServer server;
	private Path target;
	private URI url;

	@BeforeEach
	void start() throws IOException {
		server = new LocalServer();
		server.serve(NAME, CONTENT);
		target = dir.resolve(NAME);
		url = URI.create(server.baseUrl() + "/" + NAME);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	static String md5(final byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
		}
		catch (final NoSuchAlgorithmException exc) {
			throw new IllegalStateException(exc);
		}
	}

	private static ExpectedDigest md5Of(final byte[] bytes) {
		return ExpectedDigest.md5(md5(bytes), "the record");
	}

	@Test
	void anMd5IsCheckedAndTheResultStillCarriesTheSha256() throws IOException {
		final FileDownload.Result result = new FileDownload().fetch(url, target, md5Of(CONTENT), CONTENT.length,
			Progress.NONE);
		assertEquals(new FileDownload.Result(target, TestZips.sha256(CONTENT), true, CONTENT.length), result);
		assertArrayEquals(CONTENT, Files.readAllBytes(target));
		final FileDownload.Result again = new FileDownload().fetch(url, target, md5Of(CONTENT), CONTENT.length,
			Progress.NONE);
		assertFalse(again.downloaded());
		assertEquals(TestZips.sha256(CONTENT), again.sha256());
		assertEquals(1, server.requests().size());
	}

	@Test
	void aWrongMd5NamesBothDigestsAndKeepsTheDownloadAsCorrupt() throws IOException {
		final byte[] other = TestZips.random(CONTENT.length, 12);
		server.serve(NAME, other);
		final BadInputException e = assertThrows(BadInputException.class,
			() -> new FileDownload().fetch(url, target, md5Of(CONTENT), CONTENT.length, Progress.NONE));
		assertEquals(target + ": MD5 of the download is " + md5(other) + ", expected " + md5(CONTENT) +
			" (the record); kept as " + NAME + ".corrupt, not used", e.getMessage());
		assertArrayEquals(other, Files.readAllBytes(dir.resolve(NAME + ".corrupt")));
		assertEquals(List.of(NAME + ".corrupt"), List.of(dir.toFile().list()));
	}

	@Test
	void aWrongSizeIsRefusedLikeAWrongDigest() throws IOException {
		final byte[] longer = java.util.Arrays.copyOf(CONTENT, CONTENT.length + 1);
		server.serve(NAME, longer);
		final BadInputException e = assertThrows(BadInputException.class,
			() -> new FileDownload().fetch(url, target, md5Of(CONTENT), CONTENT.length, Progress.NONE));
		assertEquals(target + ": MD5 of the download is " + md5(longer) + ", expected " + md5(CONTENT) +
			" (the record); size of the download is " + longer.length + " bytes, expected " + CONTENT.length +
			"; kept as " + NAME + ".corrupt, not used", e.getMessage());
		server.serve(NAME, CONTENT);
		final BadInputException size = assertThrows(BadInputException.class,
			() -> new FileDownload().fetch(url, target, md5Of(CONTENT), CONTENT.length - 1, Progress.NONE));
		assertEquals(target + ": size of the download is " + CONTENT.length + " bytes, expected " + (CONTENT.length -
			1) + " (the record); kept as " + NAME + ".corrupt, not used", size.getMessage());
		assertFalse(Files.exists(target));
	}

	@Test
	void anExistingFileIsCheckedByMd5AndSize() throws IOException {
		Files.write(target, CONTENT);
		final BadInputException e = assertThrows(BadInputException.class,
			() -> new FileDownload().fetch(url, target, md5Of(new byte[1]), -1, Progress.NONE));
		assertTrue(e.getMessage().startsWith(target + ": exists, but its MD5 is " + md5(CONTENT) + ", expected "),
			e.getMessage());
		assertEquals(0, server.requests().size());
	}

	@Test
	void md5DigestsAreFullAndHex() {
		assertEquals(ExpectedDigest.Algorithm.MD5, md5Of(CONTENT).algorithm());
		assertThrows(IllegalArgumentException.class, () -> ExpectedDigest.md5("0123456789abcdef", "s"));
		assertThrows(IllegalArgumentException.class, () -> ExpectedDigest.md5("0".repeat(64), "s"));
		assertThrows(IllegalArgumentException.class, () -> ExpectedDigest.md5("x".repeat(32), "s"));
		assertEquals(ExpectedDigest.Algorithm.SHA256, new ExpectedDigest("0".repeat(64), "s").algorithm());
	}

	@Test
	void aDocumentIsFetchedIntoMemory() {
		server.serve("record.json", "{\"id\": 1}".getBytes());
		assertArrayEquals("{\"id\": 1}".getBytes(), new DocumentDownload().fetch(URI.create(server.baseUrl() +
			"/record.json"), "application/json", "a record"));
	}

	@Test
	void documentFailures() {
		final DocumentDownload documents = new DocumentDownload();
		final URI missing = URI.create(server.baseUrl() + "/none.json");
		assertEquals(missing + ": the server answered HTTP 404 Not Found", assertThrows(BadInputException.class,
			() -> documents.fetch(missing, "application/json", "a record")).getMessage());
		server.serve("huge.json", new byte[DocumentDownload.MAX_BYTES + 1]);
		final URI huge = URI.create(server.baseUrl() + "/huge.json");
		assertEquals(huge + ": more than " + DocumentDownload.MAX_BYTES + " bytes, too large for a record",
			assertThrows(BadInputException.class, () -> documents.fetch(huge, "application/json", "a record"))
				.getMessage());
		final URI elsewhere = URI.create("http://example.invalid/api/records/1");
		assertEquals("refused to download " + elsewhere + ": only https://, or plain http:// to this machine",
			assertThrows(BadInputException.class, () -> documents.fetch(elsewhere, null, "a record")).getMessage());
		server.answer("/files/busy.json", 429);
		final URI busy = URI.create(server.baseUrl() + "/busy.json");
		assertEquals(busy + ": the server answered HTTP 429; try again later", assertThrows(
			EnvironmentException.class, () -> documents.fetch(busy, null, "a record")).getMessage());
		final URI closed = URI.create(server.origin().replaceAll(":\\d+$", ":1") + "/x.json");
		final EnvironmentException down = assertThrows(EnvironmentException.class,
			() -> documents.fetch(closed, null, "a record"));
		assertTrue(down.getMessage().startsWith("cannot download " + closed + ": "), down.getMessage());
	}
}
