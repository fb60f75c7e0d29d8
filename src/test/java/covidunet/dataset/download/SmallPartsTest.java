package covidunet.dataset.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;

/** Checksum lists, file selection, digests, Content-Range and the progress line. */
class SmallPartsTest {

	@TempDir
	Path dir;

	private static final String A = "a".repeat(64);
	private static final String B = "0123456789ABCDEF".repeat(4);

	@Test
	void checksumListsInSha256sumFormat() throws IOException {
		final Path list = Files.writeString(dir.resolve("SHA256SUMS"),
			A + "  Lung_Mask.zip\n\n" + B + " *dl/Infection_Mask.zip\r\n" + A + "  Lung_Mask.zip\n");
		final Map<String, ExpectedDigest> digests = Checksums.read(list);
		assertEquals(List.of("Lung_Mask.zip", "Infection_Mask.zip"), List.copyOf(digests.keySet()));
		assertEquals(B.toLowerCase(), digests.get("Infection_Mask.zip").hex());
		assertFalse(digests.get("Lung_Mask.zip").isPrefix());

		final List<DatasetFile> files = Checksums.apply(ZenodoRecord.FILES, digests, "--checksums x");
		assertEquals(ZenodoRecord.IMAGES, files.get(0));
		assertEquals(A, files.get(2).sha256().hex());
		assertEquals("--checksums " + list, files.get(2).sha256().source());
	}

	@Test
	void badChecksumLists() throws IOException {
		final Path list = Files.writeString(dir.resolve("sums"), A + "  Lung_Mask.zip\n" + "abc  Infection_Mask.zip\n");
		assertEquals("--checksums " + list + ": line 2 is not '<sha256>  <file name>' (sha256sum's format)",
			assertThrows(BadInputException.class, () -> Checksums.read(list)).getMessage());
		Files.writeString(list, A + "  Lung_Mask.zip\n" + B + "  Lung_Mask.zip\n");
		assertEquals("--checksums " + list + ": two different digests for Lung_Mask.zip",
			assertThrows(BadInputException.class, () -> Checksums.read(list)).getMessage());
		Files.writeString(list, A + "  other.zip\n");
		assertEquals("--checksums x: lists none of the files to download (Lung_Mask.zip)",
			assertThrows(BadInputException.class,
				() -> Checksums.apply(List.of(ZenodoRecord.LUNG_MASKS), Checksums.read(list), "--checksums x")).getMessage());
		final Path missing = dir.resolve("missing");
		assertTrue(assertThrows(BadInputException.class, () -> Checksums.read(missing)).getMessage()
			.startsWith("--checksums " + missing + ": cannot read it"));
	}

	@Test
	void fileSelection() {
		assertEquals(ZenodoRecord.FILES, ZenodoRecord.select("all"));
		assertEquals(ZenodoRecord.FILES, ZenodoRecord.select(null));
		assertEquals(List.of(ZenodoRecord.IMAGES, ZenodoRecord.INFECTION_MASKS),
			ZenodoRecord.select("Infection_Mask.zip,COVID-19-CT-Seg_20cases"));
		assertEquals("bad value 'Lung' for --files: 'Lung' is not a file of Zenodo record 3757476 (expected all or " +
			"some of COVID-19-CT-Seg_20cases, Lung_and_Infection_Mask, Lung_Mask, Infection_Mask)",
			assertThrows(BadInputException.class, () -> ZenodoRecord.select("Lung")).getMessage());
	}

	@Test
	void expectedDigests() {
		final ExpectedDigest prefix = new ExpectedDigest("A5060480", "s");
		assertTrue(prefix.isPrefix());
		assertEquals("a5060480…", prefix.toString());
		assertTrue(prefix.matches("a5060480" + "0".repeat(56)));
		assertFalse(prefix.matches("a5060480"));
		assertFalse(prefix.matches("b5060480" + "0".repeat(56)));
		assertThrows(IllegalArgumentException.class, () -> new ExpectedDigest("a50604", "s"));
		assertThrows(IllegalArgumentException.class, () -> new ExpectedDigest("g".repeat(64), "s"));
		assertEquals("COVID-19-CT-Seg_20cases", ZenodoRecord.IMAGES.folder());
		assertThrows(IllegalArgumentException.class, () -> new DatasetFile("../x.zip", prefix));
	}

	@Test
	void contentRanges() {
		assertEquals(new ContentRange(100, 199, 200), ContentRange.parse("bytes 100-199/200"));
		assertEquals(new ContentRange(-1, -1, 200), ContentRange.parse("bytes */200"));
		assertEquals(new ContentRange(0, 9, -1), ContentRange.parse("bytes 0-9/*"));
		assertNull(ContentRange.parse("bytes 10-9/200"));
		assertNull(ContentRange.parse("bytes 0-200/200"));
		assertNull(ContentRange.parse("items 0-1/2"));
		assertNull(ContentRange.parse(null));
	}

	@Test
	void progressLines() {
		assertEquals("COVID-19-CT-Seg_20cases.zip: 120.3 of 1007.0 MB, 11.2 MB/s, 1:19 left",
			TransferProgress.text("COVID-19-CT-Seg_20cases.zip", 120_300_000, 1_007_000_000, 11.2e6));
		assertEquals("a.zip: 0.0 of 300.0 kB", TransferProgress.text("a.zip", 0, 300_000, Double.NaN));
		assertEquals("a.zip: 2.5 MB, 500.0 kB/s", TransferProgress.text("a.zip", 2_500_000, -1, 5e5));
		assertEquals("1:02:03", TransferProgress.duration(3723));
		assertEquals("0:07", TransferProgress.duration(6.6));
	}

	@Test
	void progressIsReportedAtTheStartEveryFewSecondsAndAtTheEnd() {
		final long[] now = { 0 };
		final List<String> lines = new ArrayList<>();
		final TransferProgress progress = new TransferProgress("a.zip", 1_000_000, 11_000_000,
			(task, done, total) -> lines.add(task + " " + done + "/" + total), () -> now[0]);
		now[0] = 1_000_000_000L;
		progress.add(1_000_000);
		now[0] = 2_000_000_000L;
		progress.add(1_000_000);
		now[0] = 2_500_000_000L;
		progress.add(1_000_000);
		progress.finish();
		assertEquals(List.of("a.zip: 1.0 of 11.0 MB 1000000/11000000",
			"a.zip: 3.0 of 11.0 MB, 1.0 MB/s, 0:08 left 3000000/11000000",
			"a.zip: 4.0 of 11.0 MB, 1.2 MB/s, 0:06 left 4000000/11000000"), lines);
	}
}
