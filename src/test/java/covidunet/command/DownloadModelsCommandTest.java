package covidunet.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

import covidunet.cli.Launch;
import covidunet.cli.Main;
import covidunet.cli.Subcommands;
import covidunet.dataset.download.LocalServer;

/**
 * {@code covid-unet download-model} in-process against a records API on 127.0.0.1: the refusals
 * that come before any import, each exit 2 with one line (the imports themselves are tested with
 * a fake importer in {@code PublishedModelsTest}, and with the real one in
 * {@code DownloadModelImportTest}).
 */
class DownloadModelsCommandTest {

	private static final String RECORD = "api/records/3902293";

	@TempDir
	Path dir;

	private LocalServer server;
	private Path output;

	@BeforeEach
	void start() throws IOException {
		server = new LocalServer();
		output = dir.resolve("models");
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private static Launch launch(final String... args) {
		return Launch.with(new Main(Subcommands.standard()), args);
	}

	private String url() {
		return server.baseUrl() + "/" + RECORD;
	}

	private static void assertOneErrorLine(final Launch run, final int code, final String start) {
		assertEquals(code, run.code(), run.err());
		assertTrue(run.err().startsWith("error: " + start), run.err());
		assertEquals(1, run.err().lines().count(), run.err());
	}

	/** A record of five HDF5 files, described in the current shape; returns its JSON. */
	private String serveRecord(final byte[]... contents) {
		final StringBuilder files = new StringBuilder();
		for (int k = 0; k < contents.length; k++) {
			final String key = "fold_" + k + ".hdf5";
			final String path = RECORD + "/files/" + key + "/content";
			server.serve(path, contents[k]);
			files.append(k == 0 ? "" : ",").append("{\"key\": \"").append(key).append("\", \"size\": ").append(
				contents[k].length).append(", \"checksum\": \"md5:").append(md5(contents[k])).append(
					"\", \"links\": {\"self\": \"").append(server.baseUrl()).append('/').append(path).append("\"}}");
		}
		final String json = "{\"id\": 3902293, \"metadata\": {\"title\": \"Models\", \"license\": {\"id\": " +
			"\"cc-by-4.0\"}}, \"files\": [" + files + "]}";
		server.serve(RECORD, json.getBytes());
		return json;
	}

	private static String md5(final byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
		}
		catch (final NoSuchAlgorithmException exc) {
			throw new IllegalStateException(exc);
		}
	}

	@Test
	void plainHttpToAnotherHostIsRefusedWithoutAnyRequest() {
		final Launch run = launch("download-model", "--output", output.toString(), "--base_url",
			"http://zenodo.org/api/records/3902293");
		assertEquals(2, run.code());
		assertEquals("error: bad value 'http://zenodo.org/api/records/3902293' for --base_url: plain http:// is allowed " +
			"only to this machine (localhost, 127.0.0.1, [::1]); use https://" + System.lineSeparator(), run.err());
		assertFalse(Files.exists(output));
	}

	@Test
	void somethingElseThanARecordIsRefusedNamingTheUrl() {
		server.serve(RECORD, "<html><body>Maintenance</body></html>".getBytes());
		final Launch run = launch("--run", "Download Published Models", "output='" + output + "',base_url='" + url() +
			"'");
		assertEquals(2, run.code(), run.err());
		assertEquals("error: " + url() + ": not a Zenodo record (not JSON)" + System.lineSeparator(), run.err());
		assertFalse(Files.exists(output));
		assertOneErrorLine(launch("download-model", "--output", output.toString(), "--base_url", server.baseUrl() +
			"/nothing"), 2, server.baseUrl() + "/nothing: the server answered HTTP 404");
	}

	@Test
	void aWrongMd5ExitsWith2NamingTheFileAndBothDigests() throws IOException {
		serveRecord("one".getBytes(), "two".getBytes(), "three".getBytes(), "four".getBytes(), "five".getBytes());
		server.serve(RECORD + "/files/fold_1.hdf5/content", "TWO".getBytes());
		final Launch run = launch("download-model", "--output", output.toString(), "--base_url", url());
		final Path file = output.toAbsolutePath().resolve("downloads").resolve("fold_1.hdf5");
		assertOneErrorLine(run, 2, file + ": MD5 of the download is " + md5("TWO".getBytes()) + ", expected " + md5(
			"two".getBytes()) + " (Zenodo's records API, " + url() + "); kept as fold_1.hdf5.corrupt, not used");
		assertEquals(List.of("fold_1.hdf5.corrupt"), List.of(output.resolve("downloads").toFile().list()));
		assertEquals(List.of("downloads"), List.of(output.toFile().list()));
		assertTrue(run.out().contains("fold_0.hdf5: 0.0 of 0.0 kB"), run.out());
	}

	@Test
	void aCutTransferExitsWith1AndTheNextRunResumesIt() throws IOException {
		final byte[] big = new byte[200_000];
		serveRecord(big, big, big, big, big);
		server.cutAfter(RECORD + "/files/fold_0.hdf5/content", 100_000);
		final Path part = output.toAbsolutePath().resolve("downloads").resolve("fold_0.hdf5.part");
		assertOneErrorLine(launch("download-model", "--output", output.toString(), "--base_url", url()), 1, server
			.baseUrl() + "/" + RECORD + "/files/fold_0.hdf5/content: the transfer stopped after ");
		final long kept = Files.size(part);
		launch("download-model", "--output", output.toString(), "--base_url", url());
		assertTrue(server.requests().contains(new LocalServer.Request("/files/" + RECORD + "/files/fold_0.hdf5/content",
			"bytes=" + kept + "-")), server.requests().toString());
	}
}
