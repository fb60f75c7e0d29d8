package covidunet.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.CaseNames;
import covidunet.dataset.IntensityKind;
import covidunet.dataset.MaskReader;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiReader;
import covidunet.phantom.PhantomCase;
import covidunet.phantom.PhantomCohort;
import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The whole pipeline on small phantom cases (seed 3: case 0 is an LPS HU case with infection)
 * and on tiny synthetic volumes for the refusals.
 */
class PreprocessorTest {

	private static final PreprocessConfig CONFIG = PreprocessConfig.REFERENCE;

	@TempDir
	static Path dir;

	private static PhantomCase lps;
	private static CaseFiles lpsFiles;

	@BeforeAll
	static void writePhantom() {
		final Path cohort = dir.resolve("cohort");
		PhantomCohort.of(3, 1, "small").write(cohort, false, 2, Progress.NONE);
		lps = PhantomCohort.of(3, 1, "small").plan().get(0);
		lpsFiles = files(cohort, lps);
	}

	static CaseFiles files(final Path cohort, final PhantomCase c) {
		return new CaseFiles(c.id(), cohort.resolve(CaseNames.IMAGE_FOLDER).resolve(c.imageFileName()),
			cohort.resolve(CaseNames.MASK_FOLDER).resolve(c.maskFileName()));
	}

	@Test
	void aPhantomCaseComesOutCanonicalResampledAndZScored() {
		assertEquals("LPS", lps.orientation());
		assertFalse(lps.isRadiopaedia());
		final PreprocessedCase p = Preprocessor.preprocess(lpsFiles, IntensityKind.HU, CONFIG);
		final Geometry source = lps.geometry();
		final double[] target = CONFIG.targetSpacing();
		for (int d = 0; d < 3; d++) {
			assertEquals(Resampler.targetDim(source.dim(d), source.spacing()[d], target[d]), p.size()[d]);
		}
		assertEquals("RAS", p.geometry().orientation());
		assertArrayEquals(target, p.geometry().spacing());
		double sum = 0, squares = 0;
		for (final float v : p.imageArray()) {
			sum += v;
			squares += v * v;
		}
		final int n = p.imageArray().length;
		assertEquals(0, sum / n, 1e-4);
		assertEquals(1, Math.sqrt(squares / n - sq(sum / n)), 1e-3);
		final long[] before = histogram(MaskReader.read(lpsFiles.mask()));
		final long[] after = new long[256];
		for (final byte b : p.labelArray()) after[b & 0xff]++;
		for (int label = 0; label < 256; label++) {
			assertEquals(before[label] > 0, after[label] > 0, "label " + label);
		}
		assertTrue(before[3] > 0, "the case has infection");
		for (int label = 1; label <= 3; label++) {
			final double ml = after[label] * p.geometry().voxelVolumeMl();
			assertEquals(before[label] * source.voxelVolumeMl(), ml, 0.05 * ml + 2, "volume of label " + label);
		}
	}

	@Test
	void thePatientsLeftEndsUpAtLowXIndices() {
		final Volume<?> mask = MaskReader.read(lpsFiles.mask());
		final double[] rawLeft = centroid(mask, 1), rawRight = centroid(mask, 2);
		assertTrue(rawLeft[0] > rawRight[0], "stored LPS, the left lung lies at high x indices");
		final PreprocessedCase p = Preprocessor.preprocess(lpsFiles, IntensityKind.HU, CONFIG);
		final double[] left = centroid(p.labels(), 1), right = centroid(p.labels(), 2);
		assertTrue(left[0] < right[0]);
		assertTrue(left[0] < p.size()[0] / 2.0);
		final double[] worldBefore = lps.geometry().affine().apply(rawLeft[0], rawLeft[1], rawLeft[2]);
		final double[] worldAfter = p.geometry().affine().apply(left[0], left[1], left[2]);
		assertTrue(worldAfter[0] < 0, "the left lung lies at negative x in RAS+ world coordinates");
		assertArrayEquals(worldBefore, worldAfter, 1.0);
	}

	@Test
	void aRescaledCaseAndItsHuTwinGiveNearlyTheSameImage() {
		final Volume<?> hu = NiftiReader.read(lpsFiles.image());
		final float[] values = floats(hu);
		final byte[] rescaled = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			final double w = Math.max(-1250, Math.min(250, values[i]));
			rescaled[i] = (byte) Math.round((w + 1250) / 1500 * 255);
		}
		final Volume<?> twin = new Volume<>(ArrayImgs.unsignedBytes(rescaled, hu.geometry().dims()), hu.geometry());
		final PreprocessedCase a = Preprocessor.preprocess("hu", hu, null, IntensityKind.HU, CONFIG);
		final PreprocessedCase b = Preprocessor.preprocess("rescaled", twin, null, IntensityKind.RESCALED_0_255, CONFIG);
		assertFalse(a.hasLabels());
		assertArrayEquals(a.size(), b.size());
		double difference = 0;
		for (int i = 0; i < a.imageArray().length; i++) {
			difference += Math.abs(a.imageArray()[i] - b.imageArray()[i]);
		}
		assertTrue(difference / a.imageArray().length < 0.02, "mean difference " + difference / a.imageArray().length);
	}

	@Test
	void nanAndInfiniteVoxelsAreRefusedNamingTheCase() {
		final float[] v = new float[8 * 8 * 4];
		for (int i = 0; i < 12; i++) v[i * 9] = Float.NaN;
		final Volume<?> image = floatVolume(v, 8, 8, 4);
		assertEquals("coronacases_003: 12 NaN voxels in the image", assertThrows(BadInputException.class, () ->
			Preprocessor.preprocess("coronacases_003", image, null, IntensityKind.HU, CONFIG)).getMessage());
		v[1] = Float.NEGATIVE_INFINITY;
		assertEquals("coronacases_003: 12 NaN and 1 infinite voxels in the image", assertThrows(
			BadInputException.class, () -> Preprocessor.preprocess("coronacases_003", image, null, IntensityKind.HU,
				CONFIG)).getMessage());
	}

	@Test
	void aMaskOfAnotherShapeOrWithOtherValuesIsRefused() {
		final Volume<?> image = floatVolume(new float[8 * 8 * 4], 8, 8, 4);
		final Volume<?> mask = new Volume<>(ArrayImgs.unsignedBytes(8, 8, 5), Geometry.ofSpacing(new long[] { 8, 8, 5 },
			new double[] { 1, 1, 1 }));
		assertEquals("case_1: the image has 8x8x4 voxels but the mask 8x8x5", assertThrows(BadInputException.class,
			() -> Preprocessor.preprocess("case_1", image, mask, IntensityKind.HU, CONFIG)).getMessage());
		final byte[] labels = new byte[8 * 8 * 4];
		labels[8 * 8 + 8 + 2] = 4;
		final Volume<?> four = new Volume<>(ArrayImgs.unsignedBytes(labels, 8, 8, 4), image.geometry());
		assertEquals("case_1: the mask holds the value 4.0 at voxel (2, 1, 1); labels are 0-3", assertThrows(
			BadInputException.class, () -> Preprocessor.preprocess("case_1", image, four, IntensityKind.HU, CONFIG))
				.getMessage());
	}

	@Test
	void aConstantVolumeBecomesZeros() {
		final float[] v = new float[12 * 10 * 6];
		Arrays.fill(v, -300);
		final PreprocessedCase p = Preprocessor.preprocess("flat", floatVolume(v, 12, 10, 6), null, IntensityKind.HU,
			CONFIG.toBuilder().targetSpacing(2, 2, 2).build());
		assertArrayEquals(new int[] { 6, 5, 6 }, p.size());
		for (final float x : p.imageArray()) assertEquals(0, x);
	}

	@Test
	void theIntensityStagesFollowTheReference() {
		final float[] v = { -2000, -1250, 0, 250, 3000 };
		Preprocessor.window(v, IntensityKind.HU, CONFIG);
		assertArrayEquals(new float[] { -1250, -1250, 0, 250, 250 }, v);
		Preprocessor.minMax(v, 0, 255);
		assertArrayEquals(new float[] { 0, 0, 212.5f, 255, 255 }, v);
		final float[] rescaled = { 0, 51, 255 };
		Preprocessor.window(rescaled, IntensityKind.RESCALED_0_255, CONFIG);
		assertArrayEquals(new float[] { -1250, -950, 250 }, rescaled);
		final float[] kept = { 0, 51, 255 };
		Preprocessor.window(kept, IntensityKind.RESCALED_0_255, CONFIG.toBuilder().mapBack0255(false).build());
		assertArrayEquals(new float[] { 0, 51, 250 }, kept);
	}

	@Test
	void aWindowRescaleMapsHuTheSameWhateverTheFieldOfView() {
		final PreprocessConfig window = CONFIG.toBuilder().rescaleRange(RescaleRange.WINDOW).rescale(-2, 1.5)
			.zScore(false).targetSpacing(1, 1, 2).build();
		final float[] chest = { -870, -870, -870, -870, -1024, 40, 250, 900 };
		final float[] abdomen = { -870, -870, -870, -870, -300, 40, 60, 70 };
		final double lung = -2 + 3.5 * (-870 + 1250) / 1500;
		for (final float[] scan : new float[][] { chest, abdomen }) {
			final float[] out = Preprocessor.preprocess("scan", floatVolume(scan, 2, 2, 2), null, IntensityKind.HU, window)
				.imageArray();
			for (int i = 0; i < 4; i++) assertEquals(lung, out[i], 1e-5, "lung at voxel " + i);
		}
		final PreprocessConfig volume = window.toBuilder().rescaleRange(RescaleRange.VOLUME).build();
		final float[] c = Preprocessor.preprocess("chest", floatVolume(chest, 2, 2, 2), null, IntensityKind.HU, volume)
			.imageArray();
		final float[] d = Preprocessor.preprocess("abdomen", floatVolume(abdomen, 2, 2, 2), null, IntensityKind.HU,
			volume).imageArray();
		assertTrue(Math.abs(c[0] - d[0]) > 0.3, "the volume's own range moves the lung: " + c[0] + " and " + d[0]);
	}

	private static Volume<?> floatVolume(final float[] v, final long... dims) {
		return new Volume<>(ArrayImgs.floats(v, dims), Geometry.fromAffine(dims, Affine.ofRows(-1, 0, 0, 0, 0, -1, 0,
			0, 0, 0, 2, 0), Geometry.CODE_SCANNER));
	}

	private static double sq(final double v) {
		return v * v;
	}

	private static long[] histogram(final Volume<?> labels) {
		final long[] counts = new long[256];
		for (final float v : floats(labels)) counts[(int) v]++;
		return counts;
	}

	/** The mean voxel index of a label. */
	private static double[] centroid(final Volume<?> labels, final int label) {
		final float[] v = floats(labels);
		final long[] d = labels.geometry().dims();
		final double[] sum = new double[3];
		long count = 0;
		for (int i = 0; i < v.length; i++) {
			if (v[i] != label) continue;
			sum[0] += i % d[0];
			sum[1] += i / d[0] % d[1];
			sum[2] += i / (d[0] * d[1]);
			count++;
		}
		for (int k = 0; k < 3; k++) sum[k] /= count;
		return sum;
	}

	private static float[] floats(final Volume<?> volume) {
		return floatsOf(volume);
	}

	private static <T extends RealType<T>> float[] floatsOf(final Volume<T> volume) {
		final float[] out = new float[(int) volume.geometry().voxelCount()];
		final Cursor<T> c = Views.flatIterable(volume.image()).cursor();
		for (int i = 0; i < out.length; i++) out[i] = c.next().getRealFloat();
		return out;
	}
}
