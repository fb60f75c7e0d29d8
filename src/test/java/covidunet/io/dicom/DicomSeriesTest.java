package covidunet.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import ij.plugin.DICOM;
import ij.util.DicomTools;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.real.FloatType;

/** Reading a folder of DICOM slices: order, values, geometry, and which folders are series. */
class DicomSeriesTest {

	private static final Path REAL_SLICE = Path.of("../shared/data/real/chest_slice_512.dcm");

	@TempDir
	Path folder;

	/** Slice k of the axial test series: stored value -1000 + 100 k + 10 j + i, 4 × 3 pixels. */
	static TestDicom axial(final int k, final double z) {
		final int[] stored = new int[12];
		for (int j = 0; j < 3; j++) {
			for (int i = 0; i < 4; i++) {
				stored[4 * j + i] = -1000 + 100 * k + 10 * j + i;
			}
		}
		return new TestDicom().pixels(4, 3, stored).pixelSpacing(0.8, 0.7).position(-100, -120, z)
			.rescale(1, -1024);
	}

	static float value(final Volume<FloatType> v, final int i, final int j, final int k) {
		final RandomAccess<FloatType> access = v.image().randomAccess();
		access.setPosition(new long[] { i, j, k });
		return access.get().get();
	}

	@Test
	void ordersShuffledFilesByPositionWithHounsfieldValues() throws IOException {
		axial(2, 15).write(folder.resolve("a.dcm"));
		axial(0, 10).write(folder.resolve("b.dcm"));
		axial(1, 12.5).write(folder.resolve("IM3"));
		final AtomicLong done = new AtomicLong(-1);
		final Volume<FloatType> v = DicomSeries.read(folder, (task, d, total) -> done.set(total - d));
		assertEquals(0, done.get(), "the last report says all slices are read");
		assertArrayEquals(new long[] { 4, 3, 3 }, v.geometry().dims());
		for (int k = 0; k < 3; k++) {
			for (int j = 0; j < 3; j++) {
				for (int i = 0; i < 4; i++) {
					assertEquals(-1000 + 100 * k + 10 * j + i - 1024, value(v, i, j, k), "voxel " + i + "," + j + "," + k);
				}
			}
		}
		assertArrayEquals(new double[] { 0.7, 0.8, 2.5 }, v.geometry().spacing(), 1e-9);
		assertEquals("LPS", v.geometry().orientation());
		assertEquals(Geometry.CODE_SCANNER, v.geometry().sformCode());
		assertEquals(Geometry.CODE_SCANNER, v.geometry().qformCode());
		assertArrayEquals(new double[] { 99.3, 118.4, 15 }, v.geometry().affine().apply(1, 2, 2), 1e-9,
			"LPS (-99.3, -118.4, 15) in RAS");
	}

	@Test
	void obliqueOrientationGivesItsAffine() throws IOException {
		final double a = Math.toRadians(30), b = Math.toRadians(20);
		final double[] r = { Math.cos(a), Math.sin(a), 0 };
		final double[] c = { -Math.sin(a) * Math.cos(b), Math.cos(a) * Math.cos(b), Math.sin(b) };
		final double[] n = { Math.sin(a) * Math.sin(b), -Math.cos(a) * Math.sin(b), Math.cos(b) };
		final double[] p = { 10, -20, 30 };
		for (int k = 0; k < 4; k++) {
			new TestDicom().orientation(r[0], r[1], r[2], c[0], c[1], c[2]).pixelSpacing(0.8, 0.7)
				.position(p[0] + 3 * k * n[0], p[1] + 3 * k * n[1], p[2] + 3 * k * n[2])
				.write(folder.resolve("slice" + (9 - k)));
		}
		final Affine expected = Affine.ofRows(
			-0.7 * r[0], -0.8 * c[0], -3 * n[0], -p[0],
			-0.7 * r[1], -0.8 * c[1], -3 * n[1], -p[1],
			0.7 * r[2], 0.8 * c[2], 3 * n[2], p[2]);
		final Geometry g = DicomSeries.read(folder, Progress.NONE).geometry();
		assertTrue(g.affine().approximatelyEquals(expected, 1e-9), g.affine() + " vs " + expected);
		assertArrayEquals(new double[] { 0.7, 0.8, 3 }, g.spacing(), 1e-9);
	}

	@Test
	void singleSliceTakesItsThicknessAsDepth() throws IOException {
		axial(0, 5).thickness(1.25).write(folder.resolve("only.dcm"));
		assertArrayEquals(new double[] { 0.7, 0.8, 1.25 }, DicomSeries.read(folder, Progress.NONE).geometry()
			.spacing(), 1e-9);
		axial(0, 5).write(folder.resolve("only.dcm"));
		assertEquals(1, DicomSeries.read(folder, Progress.NONE).geometry().spacing()[2], "1 mm without a thickness");
	}

	@Test
	void stopsWhenCancelled() throws IOException {
		axial(0, 0).write(folder.resolve("a.dcm"));
		final Progress cancelled = new Progress() {

			@Override
			public void report(final String task, final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(CancelledException.class, () -> DicomSeries.read(folder, cancelled));
	}

	@Test
	void seriesFoldersHoldDicomFilesAndNoNifti() throws IOException {
		assertFalse(DicomSeries.isSeriesFolder(folder), "empty");
		assertFalse(DicomSeries.isSeriesFolder(folder.resolve("absent")), "missing");
		Files.writeString(folder.resolve("notes.txt"), "not a DICOM file");
		assertFalse(DicomSeries.isSeriesFolder(folder), "no DICOM file");
		axial(0, 0).write(folder.resolve("IM0001"));
		assertTrue(DicomSeries.isSeriesFolder(folder), "a DICOM file without extension");
		Files.write(folder.resolve("case.nii.gz"), new byte[200]);
		assertFalse(DicomSeries.isSeriesFolder(folder), "a NIfTI file beside it");
	}

	@Test
	void readsTheRealSliceInHounsfieldUnits() throws IOException {
		Assumptions.assumeTrue(Files.isReadable(REAL_SLICE), "fixture " + REAL_SLICE.toAbsolutePath() + " is missing");
		Files.copy(REAL_SLICE, folder.resolve("slice.dcm"));
		final DICOM header = new DICOM();
		header.open(REAL_SLICE.toString());
		final double slope = Double.parseDouble(DicomTools.getTag(header, "0028,1053").trim());
		final double intercept = Double.parseDouble(DicomTools.getTag(header, "0028,1052").trim());
		final Volume<FloatType> v = DicomSeries.read(folder, Progress.NONE);
		assertArrayEquals(new long[] { 512, 512, 1 }, v.geometry().dims());
		assertArrayEquals(new double[] { 0.625, 0.625, 1 }, v.geometry().spacing(), 1e-9);
		assertEquals("LPS", v.geometry().orientation());
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final FloatType t : v.image()) {
			min = Math.min(min, t.get());
			max = Math.max(max, t.get());
		}
		assertEquals(-2048 * slope + intercept, min, "stored minimum -2048 rescaled");
		assertEquals(1502 * slope + intercept, max, "stored maximum 1502 rescaled");
	}
}
