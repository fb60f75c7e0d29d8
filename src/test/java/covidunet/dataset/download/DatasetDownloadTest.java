package covidunet.dataset.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.EnvironmentException;
import covidunet.Progress;

/** The four zips from a server on 127.0.0.1 into the dataset's layout. */
class DatasetDownloadTest {

	@TempDir
	Path dir;

	private final TestDataset dataset = new TestDataset();
	private LocalServer server;
	private Path output;
	private Path checksums;

	@BeforeEach
	void start() throws IOException {
		server = new LocalServer();
		dataset.serveOn(server);
		output = dir.resolve("dataset");
		checksums = dataset.writeChecksums(dir.resolve("SHA256SUMS"));
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private List<String> download() {
		return DatasetDownload.fromOptions(server.baseUrl(), checksums, null).into(output, Progress.NONE);
	}

	private static List<String> names(final Path folder) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	private void assertLayout() throws IOException {
		for (final Map.Entry<String, Map<String, byte[]>> folder : dataset.folders.entrySet()) {
			final Path path = output.resolve(folder.getKey());
			final List<String> expected = folder.getValue().keySet().stream().sorted().collect(Collectors.toList());
			assertEquals(expected, names(path), path.toString());
			for (final Map.Entry<String, byte[]> file : folder.getValue().entrySet()) {
				assertArrayEquals(file.getValue(), Files.readAllBytes(path.resolve(file.getKey())), file.getKey());
			}
		}
	}

	@Test
	void downloadsVerifiesAndExtractsIntoTheLayout() throws IOException {
		final List<String> lines = download();
		assertLayout();
		assertEquals(List.of("COVID-19-CT-Seg_20cases", "COVID-19-CT-Seg_20cases.zip", "Infection_Mask",
			"Infection_Mask.zip", "Lung_Mask", "Lung_Mask.zip", "Lung_and_Infection_Mask", "Lung_and_Infection_Mask.zip"),
			names(output));
		assertEquals(8, lines.size());
		final byte[] images = dataset.zips.get("COVID-19-CT-Seg_20cases.zip");
		assertTrue(lines.get(0).startsWith("COVID-19-CT-Seg_20cases.zip: downloaded " + TransferProgress.size(images.length) +
			", SHA-256 "), lines.get(0));
		assertTrue(lines.get(0).endsWith("SHA-256 " + TestZips.sha256(dataset.zips.get("COVID-19-CT-Seg_20cases.zip")) +
			" matches --checksums " + checksums), lines.get(0));
		assertEquals(output.resolve("Lung_Mask") + ": extracted from Lung_Mask.zip", lines.get(6));
		assertEquals(4, server.requests().size());
	}

	@Test
	void aSecondRunDownloadsAndExtractsNothing() throws IOException {
		download();
		final List<String> lines = download();
		assertEquals(4, server.requests().size());
		assertTrue(lines.get(1).startsWith("Lung_and_Infection_Mask.zip: already there, SHA-256 "), lines.get(1));
		assertEquals(output.resolve("Infection_Mask") + ": exists, not extracted again", lines.get(7));
		assertLayout();
	}

	@Test
	void aCutTransferFailsThenResumes() throws IOException {
		server.cutAfter("COVID-19-CT-Seg_20cases.zip", 50_000);
		assertThrows(EnvironmentException.class, this::download);
		assertEquals(List.of("COVID-19-CT-Seg_20cases.zip.part"), names(output));
		final long kept = Files.size(output.resolve("COVID-19-CT-Seg_20cases.zip.part"));

		download();
		assertLayout();
		assertEquals("bytes=" + kept + "-", server.requests().get(1).range());
	}

	@Test
	void aCorruptZipIsDetectedAndNothingIsExtracted() throws IOException {
		final byte[] good = dataset.zips.get("Lung_and_Infection_Mask.zip");
		final byte[] bad = good.clone();
		bad[bad.length / 2] ^= 1;
		server.serve("Lung_and_Infection_Mask.zip", bad);
		final BadInputException e = assertThrows(BadInputException.class, this::download);
		assertEquals(output.resolve("Lung_and_Infection_Mask.zip") + ": SHA-256 of the download is " + TestZips.sha256(bad) +
			", expected " + TestZips.sha256(good) + " (--checksums " + checksums +
			"); kept as Lung_and_Infection_Mask.zip.corrupt, not used", e.getMessage());
		assertEquals(List.of("COVID-19-CT-Seg_20cases.zip", "Lung_and_Infection_Mask.zip.corrupt"), names(output));
	}

	@Test
	void withoutChecksumsTheKnownPrefixesAreCheckedAndSaidToBeOnlyPrefixes() {
		final BadInputException e = assertThrows(BadInputException.class,
			() -> DatasetDownload.fromOptions(server.baseUrl(), null, null).into(output, Progress.NONE));
		assertTrue(e.getMessage().contains(", expected a5060480… (Zenodo record 3757476, prefix only);"), e.getMessage());
	}

	@Test
	void aPrefixMatchIsReportedAsSuch() throws IOException {
		final String sha = TestZips.sha256(dataset.zips.get("Lung_Mask.zip"));
		final DatasetFile lungs = ZenodoRecord.LUNG_MASKS.withDigest(new ExpectedDigest(sha.substring(0, 8), "the prefix"));
		final List<String> lines =
			new DatasetDownload(BaseUrl.parse(server.baseUrl()), List.of(lungs)).into(output, Progress.NONE);
		assertEquals("Lung_Mask.zip: downloaded " + TransferProgress.size(dataset.zips.get("Lung_Mask.zip").length) +
			", SHA-256 " + sha + " matches the known prefix " + sha.substring(0, 8) + " (the prefix; the full digest is " +
			"not known here, so only this prefix was checked: give full digests with --checksums for a complete check)",
			lines.get(0));
	}

	@Test
	void someFilesOnly() throws IOException {
		DatasetDownload.fromOptions(server.baseUrl(), checksums, "COVID-19-CT-Seg_20cases, Lung_and_Infection_Mask.zip")
			.into(output, Progress.NONE);
		assertEquals(List.of("COVID-19-CT-Seg_20cases", "COVID-19-CT-Seg_20cases.zip", "Lung_and_Infection_Mask",
			"Lung_and_Infection_Mask.zip"), names(output));
	}

	@Test
	void plainHttpToAnotherHostIsRefusedWithoutAnyRequest() {
		final BadInputException e = assertThrows(BadInputException.class,
			() -> DatasetDownload.fromOptions("http://example.invalid/", checksums, null).into(output, Progress.NONE));
		assertEquals("bad value 'http://example.invalid/' for --base_url: plain http:// is allowed only to this machine " +
			"(localhost, 127.0.0.1, [::1]); use https://", e.getMessage());
		assertEquals(List.of(), server.requests());
		assertFalse(Files.exists(output));
	}

	@Test
	void anOutputThatIsAFileIsRefused() throws IOException {
		Files.writeString(output, "a file");
		final BadInputException e = assertThrows(BadInputException.class, this::download);
		assertEquals("--output " + output + ": not a folder", e.getMessage());
	}
}
