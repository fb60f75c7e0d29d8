package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import covidunet.dataset.IntensityKind;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.UntrainedModels;
import covidunet.preprocess.PreprocessedCase;
import covidunet.preprocess.Preprocessor;

/**
 * The segmentation's geometry and anatomy, whatever the scan's orientation: a phantom whose left
 * lung (patient's left, negative x in RAS+ world coordinates) is darker than the body and whose
 * right lung is brighter (so that no partial-volume voxel at a lung's edge has the other lung's
 * intensity), segmented by a fake model that labels by intensity, written in RAS, LPS and an
 * oblique orientation: the labels keep the scan's grid and geometry, and the left-lung label lies
 * at negative world x in every version. No body mask: the phantom's intensities are not a body's.
 */
class SegmenterAnatomyTest {

	private static final int NX = 40, NY = 32, NZ = 20;
	private static final double[] SPACING = { 2.0, 2.0, 3.0 };
	private static final float LEFT_HU = -950, BODY_HU = -600, RIGHT_HU = 40;
	private static final PreprocessConfig CONFIG = PreprocessConfig.REFERENCE.toBuilder()
		.targetSpacing(2.5, 2.5, 3.5).build();

	@TempDir
	static Path tmp;

	private static Path model;

	/** A model directory (an untrained tiny U-Net; the test replaces its predictions). */
	@BeforeAll
	static void exportModel() {
		final UNetConfig net = UntrainedModels.tiny(Norm.NONE);
		model = tmp.resolve("model");
		UntrainedModels.export(model, net, 1, CONFIG);
	}

	/** HU of the phantom at canonical (RAS) voxel (x, y, z): left lung at low x, right lung at high x. */
	private static float hu(final int x, final int y, final int z) {
		final boolean rows = y >= 8 && y < 24 && z >= 4 && z < 16;
		if (rows && x >= 4 && x < 16) return LEFT_HU;
		if (rows && x >= 24 && x < 36) return RIGHT_HU;
		return BODY_HU;
	}

	/** The phantom in RAS voxel order with a diagonal RAS affine (origin such that x = 0 mm is the middle). */
	private static Volume<FloatType> ras() {
		final float[] v = new float[NX * NY * NZ];
		for (int z = 0; z < NZ; z++) {
			for (int y = 0; y < NY; y++) {
				for (int x = 0; x < NX; x++) v[(z * NY + y) * NX + x] = hu(x, y, z);
			}
		}
		final Affine a = Affine.ofRows(SPACING[0], 0, 0, -(NX - 1) * SPACING[0] / 2, 0, SPACING[1], 0, -30, 0, 0, SPACING[2],
			-20);
		return volume(v, a);
	}

	/** The same scan stored in LPS voxel order: x and y reversed, the affine adjusted. */
	private static Volume<FloatType> lps() {
		final float[] v = new float[NX * NY * NZ];
		for (int z = 0; z < NZ; z++) {
			for (int y = 0; y < NY; y++) {
				for (int x = 0; x < NX; x++) v[(z * NY + y) * NX + x] = hu(NX - 1 - x, NY - 1 - y, z);
			}
		}
		final Affine a = Affine.ofRows(-SPACING[0], 0, 0, (NX - 1) * SPACING[0] / 2, 0, -SPACING[1], 0, -30 + (NY - 1) *
			SPACING[1], 0, 0, SPACING[2], -20);
		return volume(v, a);
	}

	/** The RAS voxels with an affine rotated 12° about z: an oblique acquisition. */
	private static Volume<FloatType> oblique() {
		final Volume<FloatType> ras = ras();
		final double c = Math.cos(Math.toRadians(12)), s = Math.sin(Math.toRadians(12));
		final Affine a = Affine.ofRows(c * SPACING[0], -s * SPACING[1], 0, -(NX - 1) * SPACING[0] / 2 * c, s * SPACING[0],
			c * SPACING[1], 0, -30, 0, 0, SPACING[2], -20);
		return new Volume<>(ras.image(), Geometry.fromAffine(dims(), a, Geometry.CODE_SCANNER));
	}

	private static long[] dims() {
		return new long[] { NX, NY, NZ };
	}

	private static Volume<FloatType> volume(final float[] v, final Affine a) {
		return new Volume<>(ArrayImgs.floats(v, dims()), Geometry.fromAffine(dims(), a, Geometry.CODE_SCANNER));
	}

	/** A window model labelling by the preprocessed intensity: thresholds halfway between the phantom's values. */
	private static WindowModel byIntensity() {
		final PreprocessedCase c = Preprocessor.preprocess("calibration", ras(), null, IntensityKind.HU, CONFIG);
		final float[] img = c.imageArray();
		final int[] s = c.size();
		final float left = img[(6 * s[1] + 12) * s[0] + 4], right = img[(6 * s[1] + 12) * s[0] + 24], body = img[0];
		final float lowCut = (left + body) / 2, highCut = (body + right) / 2;
		assertTrue(left < body && body < right, "the phantom's intensities keep their order");
		return new FakeModel(4, (value, x, y, z, window) -> certain(value < lowCut ? 1 : value > highCut ? 2 : 0));
	}

	/** Probability 1 for {@code label}, 0 for the other three classes. */
	private static float[] certain(final int label) {
		final float[] p = new float[4];
		p[label] = 1;
		return p;
	}

	private static Volume<UnsignedByteType> segment(final Volume<FloatType> scan) {
		try (ModelSet set = ModelSet.load(model, 1)) {
			final WindowModel fake = byIntensity();
			return new Segmenter(set, new Segmenter.Options(null, 2, null, false, false, false, false), m -> fake).segment(
				"phantom", scan, covidunet.Progress.NONE).labels();
		}
	}

	/**
	 * A model that calls every voxel left lung, on {@link BodyMaskTest}'s drawn chest: with the body
	 * mask (the default) nothing outside the body is labelled and nearly everything inside is; without
	 * it, everything is.
	 */
	@Test
	void withTheBodyMaskNothingOutsideTheBodyIsLabelled() {
		final WindowModel everythingLung = new FakeModel(4, (value, x, y, z, window) -> certain(1));
		final Volume<FloatType> chest = BodyMaskTest.drawnChest();
		final BodyMask body = BodyMask.of(chest);
		try (ModelSet set = ModelSet.load(model, 1)) {
			final Volume<UnsignedByteType> masked = new Segmenter(set, Segmenter.Options.defaults(), m -> everythingLung)
				.segment("chest", chest, covidunet.Progress.NONE).labels();
			final Volume<UnsignedByteType> unmasked = new Segmenter(set, new Segmenter.Options(null, 2, null, false, false,
				false, false), m -> everythingLung).segment("chest", chest, covidunet.Progress.NONE).labels();
			final var m = masked.image().randomAccess();
			final var u = unmasked.image().randomAccess();
			long inside = 0, labelled = 0;
			for (int z = 0; z < BodyMaskTest.NZ; z++) {
				for (int y = 0; y < BodyMaskTest.NY; y++) {
					for (int x = 0; x < BodyMaskTest.NX; x++) {
						m.setPosition(new int[] { x, y, z });
						u.setPosition(new int[] { x, y, z });
						assertEquals(1, u.get().get(), "without the mask at " + x + "," + y + "," + z);
						if (!body.contains(x, y, z)) assertEquals(0, m.get().get(), "outside the body at " + x + "," + y + "," + z);
						else {
							inside++;
							labelled += m.get().get();
						}
					}
				}
			}
			assertTrue(inside > 0 && inside < body.size()[0] * body.size()[1] * body.size()[2], inside + " voxels inside");
			assertTrue(labelled >= 0.95 * inside, labelled + " of the " + inside + " voxels inside labelled (the mask on " +
				"the network's coarser grid may take a voxel at the skin)");
		}
	}

	/** Mean world x (mm) of the voxels with {@code label}. */
	private static double meanWorldX(final Volume<UnsignedByteType> labels, final int label) {
		final Affine a = labels.geometry().affine();
		double sum = 0;
		long n = 0;
		int i = 0;
		for (final UnsignedByteType t : Views.flatIterable(labels.image())) {
			if (t.get() == label) {
				sum += a.apply(i % NX, i / NX % NY, i / (NX * NY))[0];
				n++;
			}
			i++;
		}
		assertTrue(n > 500, "label " + label + " has " + n + " voxels");
		return sum / n;
	}

	@Test
	void leftStaysLeftAndTheGeometryIsTheScansInEveryOrientation() {
		for (final Volume<FloatType> scan : new Volume[] { ras(), lps(), oblique() }) {
			final Volume<UnsignedByteType> labels = segment(scan);
			final String orientation = scan.geometry().orientation();
			assertArrayEquals(scan.geometry().dims(), labels.geometry().dims(), orientation);
			assertEquals(scan.geometry().affine(), labels.geometry().affine(), orientation);
			assertEquals(scan.geometry().qformCode(), labels.geometry().qformCode());
			assertEquals(scan.geometry().sformCode(), labels.geometry().sformCode());
			assertTrue(meanWorldX(labels, 1) < -10, orientation + ": the left lung at negative x, got " + meanWorldX(labels,
				1));
			assertTrue(meanWorldX(labels, 2) > 10, orientation + ": the right lung at positive x");
		}
	}

	@Test
	void theLabelsMatchThePhantomVoxelForVoxelInsideTheLungs() {
		final Volume<UnsignedByteType> labels = segment(lps());
		final int[] counts = new int[3];
		int i = 0, wrong = 0;
		for (final UnsignedByteType t : Views.flatIterable(labels.image())) {
			final int x = NX - 1 - i % NX, y = NY - 1 - i / NX % NY, z = i / (NX * NY);
			final int truth = hu(x, y, z) == LEFT_HU ? 1 : hu(x, y, z) == RIGHT_HU ? 2 : 0;
			if (t.get() != truth) wrong++;
			counts[truth]++;
			i++;
		}
		assertTrue(wrong < 0.05 * (counts[1] + counts[2]), wrong + " voxels differ of " + Arrays.toString(counts));
	}
}
