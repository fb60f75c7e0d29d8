package covidunet.dataset.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.BadInputException;
import covidunet.dataset.IntensityKind;
import covidunet.io.Geometry;
import covidunet.testing.Python;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiWriter;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** {@link CaseExplorer} against hand-made cases and against NumPy on a real CT. */
class CaseExplorerTest {

	private static final long[] DIMS = { 4, 3, 2 };

	@TempDir
	Path dir;

	@Test
	void countsAndVolumesOfAHandMadeCase() {
		final short[] hu = { -1000, -1000, -850, -850, -860, -840, -300, 40, 40, 40, 500, 1000,
			-1000, -900, -900, -800, -820, -600, -100, 40, 40, 40, 30, 20 };
		final byte[] labels = { 0, 0, 1, 1, 2, 2, 3, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 0, 0, 0, 0, 0 };
		final CaseExploration e = explore(hu, labels, new double[] { 2, 2, 5 });
		assertArrayEquals(new long[] { 13, 4, 4, 3 }, e.voxels());
		assertEquals(0.02, e.voxelMl(), 1e-12);
		assertEquals(0.08, e.millilitres(1), 1e-12);
		assertEquals(0.22, e.lungMillilitres(), 1e-12);
		assertEquals(100.0 * 3 / 11, e.infectionPercent(), 1e-12);
		assertEquals(-1000, e.min());
		assertEquals(1000, e.max());
		long sum = 0;
		for (final short v : hu) sum += v;
		assertEquals((double) sum / hu.length, e.mean(), 1e-9);
		assertEquals(IntensityKind.HU, e.kind());
		assertEquals(1, e.histogram()[3][HuHistogram.bin(-300)]);
		assertEquals(1, e.histogram()[0][HuHistogram.BINS - 1] - 1, "500 and 1000 HU are clipped into the last bin");
	}

	@Test
	void rescaledImagesAreRecognisedAndMappedBackToHu() {
		final short[] values = new short[24];
		for (int i = 0; i < values.length; i++) values[i] = (short) (i * 10);
		final CaseExploration e = explore(values, new byte[24], new double[] { 1, 1, 1 });
		assertEquals(IntensityKind.RESCALED_0_255, e.kind());
		assertEquals(1, e.histogram()[0][HuHistogram.bin(HuHistogram.fromRescaled(230))]);
		assertEquals(-1250, HuHistogram.fromRescaled(0));
		assertEquals(250, HuHistogram.fromRescaled(255));
	}

	@Test
	void aMaskWithOtherValuesIsRefused() {
		final byte[] labels = new byte[24];
		labels[5] = 7;
		final BadInputException e = assertThrows(BadInputException.class,
			() -> explore(new short[24], labels, new double[] { 1, 1, 1 }));
		assertTrue(e.getMessage().contains("labels 0-3"), e.getMessage());
	}

	@Test
	void gridsMustAgree() {
		final Path image = dir.resolve("image.nii.gz");
		NiftiWriter.write(new Volume<>(ArrayImgs.shorts(new short[24], DIMS), Geometry.ofSpacing(DIMS,
			new double[] { 1, 1, 1 })), image, NiftiDatatype.INT16, "");
		final ArrayImg<UnsignedByteType, ByteArray> mask = ArrayImgs.unsignedBytes(4, 3, 3);
		final Path maskFile = dir.resolve("mask.nii.gz");
		NiftiWriter.write(new Volume<>(mask, Geometry.ofSpacing(new long[] { 4, 3, 3 }, new double[] { 1, 1, 1 })),
			maskFile, NiftiDatatype.UINT8, "");
		final BadInputException e = assertThrows(BadInputException.class, () -> CaseExplorer.explore("c", image, maskFile));
		assertTrue(e.getMessage().contains("image 4x3x2 but mask 4x3x3"), e.getMessage());
	}

	@Test
	void realCtAgreesWithNumPy() {
		final Path real = Path.of("").toAbsolutePath().resolveSibling("shared").resolve("data/real");
		Assumptions.assumeTrue(Files.isDirectory(real), "no shared fixtures at " + real);
		final Path mask = dir.resolve("lungs.nii.gz");
		final JsonObject numpy = numpy(real.resolve("example_ct_sm.nii.gz"), real.resolve("example_seg.nii.gz"), mask);
		final CaseExploration e = CaseExplorer.explore("example", real.resolve("example_ct_sm.nii.gz"), mask);
		for (int c = 0; c < 4; c++) {
			assertEquals(numpy.getAsJsonArray("voxels").get(c).getAsLong(), e.voxels()[c], "voxels of class " + c);
			assertEquals(numpy.getAsJsonArray("ml").get(c).getAsDouble(), e.millilitres(c), 1e-6, "mL of class " + c);
		}
		assertEquals(numpy.get("min").getAsDouble(), e.min());
		assertEquals(numpy.get("max").getAsDouble(), e.max());
		assertEquals(numpy.get("mean").getAsDouble(), e.mean(), 1e-6);
		assertEquals(numpy.get("infection_percent").getAsDouble(), e.infectionPercent(), 1e-9);
		assertTrue(e.voxels()[1] > 0 && e.voxels()[2] > 0, "the lung bases are in the scan");
	}

	/**
	 * NumPy's numbers for a CT and a TotalSegmentator segmentation whose lobes are mapped to
	 * left (10, 11) and right (12–14) lungs; the mapped mask is written to {@code mappedMask}.
	 */
	private static JsonObject numpy(final Path ct, final Path segmentation, final Path mappedMask) {
		final String script = String.join("\n",
			"import sys, json, numpy as np, nibabel as nib",
			"ct = nib.load(sys.argv[1]); seg = nib.load(sys.argv[2])",
			"s = np.asarray(seg.dataobj)",
			"m = np.zeros(s.shape, np.uint8); m[np.isin(s, [10, 11])] = 1; m[np.isin(s, [12, 13, 14])] = 2",
			"nib.save(nib.Nifti1Image(m, seg.affine, seg.header), sys.argv[3])",
			"d = np.asarray(ct.get_fdata()); ml = float(np.prod(ct.header.get_zooms()[:3])) / 1000",
			"v = [int((m == c).sum()) for c in range(4)]",
			"print(json.dumps({'voxels': v, 'ml': [x * ml for x in v], 'min': float(d.min()), 'max': float(d.max()),",
			"  'mean': float(d.mean()), 'infection_percent': 100.0 * v[3] / max(1, v[1] + v[2] + v[3])}))");
		return JsonParser.parseString(Python.lastLine(script, ct.toString(), segmentation.toString(),
			mappedMask.toString())).getAsJsonObject();
	}

	private CaseExploration explore(final short[] hu, final byte[] labels, final double[] spacing) {
		final Geometry geometry = Geometry.ofSpacing(DIMS, spacing);
		final Path image = dir.resolve("image.nii.gz");
		NiftiWriter.write(new Volume<>(ArrayImgs.shorts(hu, DIMS), geometry), image, NiftiDatatype.INT16, "");
		final Path mask = dir.resolve("mask.nii.gz");
		NiftiWriter.write(new Volume<>(ArrayImgs.unsignedBytes(labels, DIMS), geometry), mask, NiftiDatatype.UINT8, "");
		return CaseExplorer.explore("case", image, mask);
	}
}
