package covidunet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiWriter;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** Scoring volumes and files, and the refusals of what cannot be scored. */
class CaseMetricsInputTest {

	private static final double[] MM = { 1, 1, 1 };
	private static final Affine OBLIQUE = Affine.ofRows(0.7, 0.01, 0, -10, 0, -0.7, 0, 20, 0, 0, 2.5, -30);

	@Test
	void volumesScoreAsTheirArrays() {
		final LabelGrid truth = new LabelGrid(6, 5, 4).fill(1, 1, 1, 3, 3, 2, 1).set(2, 2, 2, 3);
		final LabelGrid prediction = new LabelGrid(6, 5, 4).fill(1, 1, 1, 4, 3, 2, 1).set(4, 2, 2, 3);
		final Geometry geometry = Geometry.fromAffine(new long[] { 6, 5, 4 }, OBLIQUE, Geometry.CODE_SCANNER);
		final CaseMetrics fromVolumes = CaseMetrics.of(volume(truth, geometry), volume(prediction, geometry));
		final CaseMetrics fromArrays = CaseMetrics.of(truth.labels, prediction.labels, truth.size, geometry.spacing());
		for (final EvaluatedClass c : EvaluatedClass.values()) {
			for (final Metric m : Metric.values()) {
				assertEquals(fromArrays.value(c, m), fromVolumes.value(c, m), c.key() + " " + m.key());
			}
		}
	}

	@Test
	void affinesMayDifferByRounding() {
		final LabelGrid labels = new LabelGrid(2, 2, 2).set(0, 0, 0, 1);
		final Geometry rounded = Geometry.fromAffine(new long[] { 2, 2, 2 }, Affine.ofRows(0.7, 0.01, 0, -10.00005, 0,
			-0.7, 0, 20, 0, 0, 2.5, -30), Geometry.CODE_SCANNER);
		final Geometry geometry = Geometry.fromAffine(new long[] { 2, 2, 2 }, OBLIQUE, Geometry.CODE_SCANNER);
		assertEquals(1, CaseMetrics.of(volume(labels, geometry), volume(labels, rounded)).value(EvaluatedClass.LUNG_L,
			Metric.DSC));
	}

	@Test
	void refusesOtherGrids() {
		final LabelGrid labels = new LabelGrid(2, 2, 2);
		final Geometry geometry = Geometry.fromAffine(new long[] { 2, 2, 2 }, OBLIQUE, Geometry.CODE_SCANNER);
		final Geometry moved = Geometry.fromAffine(new long[] { 2, 2, 2 }, Affine.ofRows(0.7, 0.01, 0, -10.001, 0, -0.7,
			0, 20, 0, 0, 2.5, -30), Geometry.CODE_SCANNER);
		assertEquals("prediction lies elsewhere than truth: affine " + moved.affine() + " against " + geometry.affine(),
			assertThrows(BadInputException.class, () -> CaseMetrics.of(volume(labels, geometry), volume(labels, moved)))
				.getMessage());
		final LabelGrid longer = new LabelGrid(3, 2, 2);
		assertEquals("prediction has 3x2x2 voxels but truth 2x2x2", assertThrows(BadInputException.class,
			() -> CaseMetrics.of(volume(labels, geometry), volume(longer, geometry.withDims(new long[] { 3, 2, 2 }))))
				.getMessage());
	}

	@Test
	void filesAreNamed(@TempDir final Path folder) {
		final Geometry geometry = Geometry.fromAffine(new long[] { 4, 3, 2 }, OBLIQUE, Geometry.CODE_SCANNER);
		final Path truth = folder.resolve("truth.nii.gz"), prediction = folder.resolve("prediction.nii.gz");
		NiftiWriter.write(volume(new LabelGrid(4, 3, 2).fill(0, 0, 0, 1, 2, 1, 2), geometry), truth, "truth");
		NiftiWriter.write(volume(new LabelGrid(4, 3, 2).fill(0, 0, 0, 2, 2, 1, 2), geometry), prediction, "prediction");
		assertEquals(0.8, CaseMetrics.read(truth, prediction).value(EvaluatedClass.LUNG_R, Metric.DSC), 1e-12);
		final Path other = folder.resolve("other.nii.gz");
		NiftiWriter.write(volume(new LabelGrid(4, 3, 3), geometry.withDims(new long[] { 4, 3, 3 })), other, "other");
		assertEquals("prediction " + other + " has 4x3x3 voxels but truth " + truth + " 4x3x2", assertThrows(
			BadInputException.class, () -> CaseMetrics.read(truth, other)).getMessage());
	}

	@Test
	void refusesArraysThatDoNotFit() {
		final byte[] eight = new byte[8];
		assertEquals("size: 2x2x2 is 8 voxels, but the truth has 8 and the prediction 7", assertThrows(
			BadInputException.class, () -> CaseMetrics.of(eight, new byte[7], new int[] { 2, 2, 2 }, MM)).getMessage());
		assertEquals("spacing: [1.0, 0.0, 1.0] is not three positive finite mm", assertThrows(BadInputException.class,
			() -> CaseMetrics.of(eight, eight, new int[] { 2, 2, 2 }, new double[] { 1, 0, 1 })).getMessage());
		assertEquals("size: [2, 4] is not three positive numbers", assertThrows(BadInputException.class,
			() -> CaseMetrics.of(eight, eight, new int[] { 2, 4 }, MM)).getMessage());
	}

	@Test
	void refusesOtherLabels() {
		final LabelGrid prediction = new LabelGrid(2, 2, 2).set(1, 0, 1, 4);
		assertEquals("prediction: holds the label 4 at voxel (1, 0, 1); labels are 0-3", assertThrows(
			BadInputException.class, () -> CaseMetrics.of(new byte[8], prediction.labels, prediction.size, MM))
				.getMessage());
		final LabelGrid truth = new LabelGrid(2, 2, 2).set(0, 1, 0, 200);
		assertEquals("truth: holds the label 200 at voxel (0, 1, 0); labels are 0-3", assertThrows(
			BadInputException.class, () -> CaseMetrics.of(truth.labels, new byte[8], truth.size, MM)).getMessage());
	}

	private static Volume<UnsignedByteType> volume(final LabelGrid grid, final Geometry geometry) {
		return new Volume<>(ArrayImgs.unsignedBytes(grid.labels, grid.size[0], grid.size[1], grid.size[2]), geometry);
	}
}
