package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import covidunet.Progress;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.NiftiWriter;
import covidunet.model.io.ModelCard;
import covidunet.phantom.PhantomCohort;
import covidunet.preprocess.Reorientation;
import covidunet.testing.KerasFixtures;

/**
 * A Keras model of the published size, imported with {@code import-keras}, segments a phantom
 * scan stored RAS and the same scan stored LPS with {@code segment}, as any model does: labels on
 * each input's own grid and geometry, the model's digest in the file, exit 0. (One window each:
 * the scans are a block of a phantom, so that the published-size network runs only twice.)
 */
class SegmentImportedModelTest {

	@TempDir
	Path dir;

	@Test
	void segmentsScansStoredRasAndLpsOnTheirOwnGrids() {
		final Path hdf5 = KerasFixtures.write(dir.resolve("published.hdf5"), "standard", 4, 32, 5);
		final Launch imported = Launch.of("import-keras", "--input", hdf5.toString(), "--output", dir.resolve("model")
			.toString());
		assertEquals(0, imported.code(), imported.err());
		final ModelCard card = ModelCard.read(dir.resolve("model/model.json"));
		assertEquals("stored", card.preprocessing().orientation());
		assertEquals("average", card.blending().orElseThrow());
		assertArrayEquals(new int[] { 160, 160, 80 }, card.patchSize());
		assertArrayEquals(new int[] { 80, 80, 30 }, card.overlap());

		final Volume<?> block = phantomBlock();
		for (final String code : new String[] { "RAS", "LPS" }) {
			final Path scan = write(block, code, dir.resolve("scan_" + code + ".nii.gz"));
			final Path labels = dir.resolve("labels_" + code + ".nii.gz");
			final Launch run = Launch.of("segment", "--input", scan.toString(), "--model", dir.resolve("model").toString(),
				"--output", labels.toString());
			assertEquals(0, run.code(), run.err());
			final NiftiHeader in = NiftiReader.readHeader(scan), out = NiftiReader.readHeader(labels);
			assertEquals(code, in.geometry().orientation());
			assertArrayEquals(in.geometry().dims(), out.geometry().dims());
			assertTrue(in.geometry().qform().approximatelyEquals(out.geometry().qform(), 1e-5), code + " qform");
			assertTrue(in.geometry().sform().approximatelyEquals(out.geometry().sform(), 1e-5), code + " sform");
			assertEquals(in.geometry().qformCode(), out.geometry().qformCode());
			assertEquals(in.geometry().sformCode(), out.geometry().sformCode());
			assertTrue(out.descrip().contains(card.savedModelSha256().orElseThrow().substring(0, 16)), out.descrip());
			final Volume<?> written = NiftiReader.read(labels);
			int max = 0;
			for (final Object t : Views.flatIterable(written.image())) max = Math.max(max, (int) ((RealType<?>) t)
				.getRealDouble());
			assertTrue(max <= 3, "labels 0-3, got " + max);
		}
	}

	/** A 112 × 112 × 24 block from the middle of a small phantom scan, with its exact geometry. */
	private Volume<?> phantomBlock() {
		final Path cohort = dir.resolve("cohort");
		PhantomCohort.of(3, 1, "small").write(cohort, false, 1, Progress.NONE);
		final Path image;
		try (var files = Files.walk(cohort)) {
			image = files.filter(p -> p.getFileName().toString().startsWith("coronacases_org_") || p.getFileName()
				.toString().startsWith("radiopaedia_org_")).findFirst().orElseThrow();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		final Volume<?> full = NiftiReader.read(image);
		final long[] dims = full.geometry().dims();
		final long[] size = { 112, 112, 24 };
		final long[] start = { (dims[0] - size[0]) / 2, (dims[1] - size[1]) / 2, (dims[2] - size[2]) / 2 };
		final float[] v = new float[(int) (size[0] * size[1] * size[2])];
		final var access = full.image().randomAccess();
		int i = 0;
		for (long z = 0; z < size[2]; z++) {
			for (long y = 0; y < size[1]; y++) {
				for (long x = 0; x < size[0]; x++) {
					access.setPosition(new long[] { start[0] + x, start[1] + y, start[2] + z });
					v[i++] = (float) ((RealType<?>) access.get()).getRealDouble();
				}
			}
		}
		final Affine a = full.geometry().affine();
		final double[] origin = a.apply(start[0], start[1], start[2]);
		final Affine moved = Affine.ofRows(a.get(0, 0), a.get(0, 1), a.get(0, 2), origin[0], a.get(1, 0), a.get(1, 1), a
			.get(1, 2), origin[1], a.get(2, 0), a.get(2, 1), a.get(2, 2), origin[2]);
		return new Volume<>(ArrayImgs.floats(v, size), Geometry.fromAffine(size, moved, Geometry.CODE_SCANNER));
	}

	/** {@code block} reordered (exactly, without interpolation) to the orientation {@code code}. */
	private static Path write(final Volume<?> block, final String code, final Path file) {
		final Reorientation r = Reorientation.to(block.geometry(), code);
		final float[] v = new float[(int) block.geometry().voxelCount()];
		int i = 0;
		for (final Object t : Views.flatIterable(block.image())) v[i++] = (float) ((RealType<?>) t).getRealDouble();
		NiftiWriter.write(new Volume<>(ArrayImgs.floats(r.apply(v), r.target().dims()), r.target()), file, "phantom " +
			code);
		return file;
	}
}
