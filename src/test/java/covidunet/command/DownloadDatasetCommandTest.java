package covidunet.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.cli.Main;
import covidunet.dataset.download.LocalServer;
import covidunet.dataset.download.TestDataset;

/** {@code covid-unet download} in-process, against a server on 127.0.0.1. */
class DownloadDatasetCommandTest {

	@TempDir
	Path dir;

	private LocalServer server;
	private Path checksums;
	private Path output;

	private record Run(int code, String out, String err) {}

	@BeforeEach
	void start() throws IOException {
		final TestDataset dataset = new TestDataset();
		server = new LocalServer();
		dataset.serveOn(server);
		checksums = dataset.writeChecksums(dir.resolve("SHA256SUMS"));
		output = dir.resolve("data");
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private static Run launch(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int code;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
			PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8))
		{
			code = Main.run(args, o, e);
		}
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void downloadsWithProgressLines() {
		final Run run = launch("download", "--output", output.toString(), "--base_url", server.baseUrl(),
			"--checksums", checksums.toString());
		assertEquals("", run.err());
		assertEquals(0, run.code());
		assertTrue(run.out().contains("COVID-19-CT-Seg_20cases.zip: 0.0 of "), run.out());
		assertTrue(run.out().contains("extracting Lung_and_Infection_Mask.zip (2/2)"), run.out());
		assertTrue(run.out().contains("Infection_Mask.zip: downloaded "), run.out());
		assertTrue(run.out().contains(output.resolve("COVID-19-CT-Seg_20cases") + ": extracted from COVID-19-CT-Seg_20cases.zip"),
			run.out());
		assertTrue(Files.isRegularFile(output.resolve("Lung_and_Infection_Mask/coronacases_001.nii.gz")));
	}

	@Test
	void aCorruptZipExitsWith2AndOneErrorLine() {
		server.serve("Lung_Mask.zip", new byte[] { 'P', 'K', 0, 0 });
		final Run run = launch("--run", "Download Dataset", "output='" + output + "',base_url='" + server.baseUrl() +
			"',checksums='" + checksums + "'");
		assertEquals(2, run.code());
		assertTrue(run.err().startsWith("error: " + output.resolve("Lung_Mask.zip") + ": SHA-256 of the download is "),
			run.err());
		assertEquals(1, run.err().lines().count(), run.err());
		assertFalse(Files.exists(output.resolve("Lung_Mask")));
		assertFalse(Files.exists(output.resolve("COVID-19-CT-Seg_20cases")));
	}

	@Test
	void plainHttpToAnotherHostExitsWith2WithoutAnyRequest() {
		final Run run = launch("download", "--output", output.toString(), "--base_url", "http://example.invalid/");
		assertEquals(2, run.code());
		assertEquals("error: bad value 'http://example.invalid/' for --base_url: plain http:// is allowed only to this " +
			"machine (localhost, 127.0.0.1, [::1]); use https://" + System.lineSeparator(), run.err());
		assertEquals(0, server.requests().size());
	}
}
