package covidunet.io.dicom;

import static covidunet.io.dicom.DicomSeriesTest.axial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.Progress;

/** Folders that are not one readable series are refused with one line naming the problem. */
class DicomSeriesRefusalsTest {

	@TempDir
	Path folder;

	private String refusal() {
		final String message = assertThrows(BadInputException.class, () -> DicomSeries.read(folder, Progress.NONE))
			.getMessage();
		assertFalse(message.contains("\n"), "one line: " + message);
		return message;
	}

	@Test
	void folderWithoutDicomFiles() throws IOException {
		Files.writeString(folder.resolve("notes.txt"), "not a DICOM file");
		assertEquals(folder + ": holds no DICOM files", refusal());
	}

	@Test
	void severalSeries() throws IOException {
		axial(0, 0).series("1.2.3").write(folder.resolve("a.dcm"));
		axial(1, 2.5).series("1.2.4").write(folder.resolve("b.dcm"));
		final String message = refusal();
		assertTrue(message.startsWith(folder + ": holds several series"), message);
		assertTrue(message.contains("1.2.3 in a.dcm") && message.contains("1.2.4 in b.dcm"), message);
	}

	@Test
	void unevenSpacing() throws IOException {
		axial(0, 0).write(folder.resolve("a.dcm"));
		axial(1, 2.5).write(folder.resolve("b.dcm"));
		axial(2, 7.5).write(folder.resolve("c.dcm"));
		assertEquals(folder + ": slices are not evenly spaced (2.5 mm and 5.0 mm between b.dcm and c.dcm): " +
			"a missing slice?", refusal());
	}

	@Test
	void twoSlicesAtOnePosition() throws IOException {
		axial(0, 0).write(folder.resolve("a.dcm"));
		axial(1, 2.5).write(folder.resolve("b.dcm"));
		axial(2, 2.5).write(folder.resolve("c.dcm"));
		assertTrue(refusal().contains("b.dcm and c.dcm are at the same position"));
	}

	@Test
	void slicesOfDifferentSizes() throws IOException {
		axial(0, 0).write(folder.resolve("a.dcm"));
		axial(1, 2.5).pixels(2, 2, 0, 1, 2, 3).write(folder.resolve("b.dcm"));
		assertEquals(folder + ": slices differ in size (columns × rows 4 × 3 in a.dcm, 2 × 2 in b.dcm)", refusal());
	}

	@Test
	void missingPositionInSeveralSlices() throws IOException {
		axial(0, 0).write(folder.resolve("a.dcm"));
		axial(1, 2.5).position((double[]) null).write(folder.resolve("b.dcm"));
		assertEquals(folder.resolve("b.dcm") + ": has no Image Position (Patient) (0020,0032), which a series " +
			"of several slices needs", refusal());
	}

	@Test
	void missingOrientationInSeveralSlices() throws IOException {
		axial(0, 0).orientation((double[]) null).write(folder.resolve("a.dcm"));
		axial(1, 2.5).write(folder.resolve("b.dcm"));
		assertTrue(refusal().startsWith(folder.resolve("a.dcm") + ": has no Image Orientation (Patient)"));
	}

	@Test
	void compressedTransferSyntax() throws IOException {
		axial(0, 0).transferSyntax("1.2.840.10008.1.2.4.70").write(folder.resolve("jpeg.dcm"));
		assertEquals(folder.resolve("jpeg.dcm") + ": compressed or unsupported DICOM (Transfer Syntax UID " +
			"1.2.840.10008.1.2.4.70), which ImageJ cannot decode", refusal());
	}

	@Test
	void colourSlice() throws IOException {
		axial(0, 0).rgb().write(folder.resolve("rgb.dcm"));
		assertEquals(folder.resolve("rgb.dcm") + ": a colour DICOM image; grey-level slices are needed", refusal());
	}

	@Test
	void unusableOrientation() throws IOException {
		axial(0, 0).orientation(1, 0, 0, 1, 0, 0).write(folder.resolve("a.dcm"));
		assertEquals(folder.resolve("a.dcm") + ": Image Orientation (Patient) (0020,0037) is \"1\\0\\0\\1\\0\\0\", " +
			"which cannot be used", refusal());
	}

	@Test
	void pixelDataCutShort() throws IOException {
		final Path file = folder.resolve("a.dcm");
		axial(0, 0).write(file);
		final byte[] bytes = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(bytes, bytes.length - 2));
		assertTrue(refusal().startsWith(file + ": pixel data cut short"));
	}
}
