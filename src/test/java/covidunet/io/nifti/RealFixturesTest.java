package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The real CT and segmentation files written by other tools, in {@code ../shared/data/real}:
 * what is known of them, and agreement with nibabel on everything.
 */
class RealFixturesTest {

	@TempDir
	Path dir;

	@Test
	void knownFactsOfTheFixtures() {
		final Path real = Checks.realData();
		final Volume<?> ct = NiftiReader.read(real.resolve("example_ct.nii.gz"));
		assertArrayEquals(new long[] { 122, 101, 112 }, ct.geometry().dims());
		assertTrue(ct.type() instanceof IntType, "example_ct is int32");
		assertEquals(0, ct.geometry().qformCode(), "example_ct has no qform");
		assertTrue(ct.geometry().sformCode() > 0, "example_ct has an sform");
		assertArrayEquals(new double[] { 3, 3, 3 }, ct.geometry().spacing(), 1e-6);
		assertEquals("RAS", ct.geometry().orientation());

		final Volume<?> small = NiftiReader.read(real.resolve("example_ct_sm.nii.gz"));
		assertArrayEquals(new long[] { 122, 101, 30 }, small.geometry().dims());
		assertTrue(small.type() instanceof ShortType, "example_ct_sm is int16");

		final Path seg = real.resolve("example_seg.nii.gz");
		final NiftiHeader header = NiftiReader.readHeader(seg);
		assertEquals(13168, header.voxOffset(), "example_seg's extension pushes its voxels to 13168");
		final Volume<?> labels = NiftiReader.read(seg);
		assertTrue(labels.type() instanceof UnsignedByteType, "example_seg is uint8");
		final boolean[] seen = new boolean[256];
		for (final double v : Checks.values(labels)) seen[(int) v] = true;
		for (int lobe = 10; lobe <= 14; lobe++) {
			if (lobe != 12) assertTrue(seen[lobe], "lung lobe label " + lobe);
		}
		assertFalse(seen[255], "no 255 label");
	}

	@ParameterizedTest
	@ValueSource(strings = { "example_ct.nii.gz", "example_ct_sm.nii.gz", "example_seg.nii.gz" })
	void agreesWithNibabel(final String name) throws IOException {
		final Path file = Checks.realData().resolve(name);
		NibabelOracle.assumeAvailable();
		final NibabelOracle.Reading oracle = NibabelOracle.read(dir, List.of(file)).get(0);
		final Volume<?> volume = NiftiReader.read(file);
		final Geometry g = volume.geometry();
		assertArrayEquals(oracle.volumeDims(), g.dims(), "dims");
		assertArrayEquals(oracle.zooms(), g.spacing(), 1e-6, "spacing");
		assertEquals(oracle.dtype(), NiftiDatatype.forType(volume.type()).orElseThrow().numpyName(), "datatype");
		assertEquals(oracle.qformCode(), g.qformCode(), "qform_code");
		assertEquals(oracle.sformCode(), g.sformCode(), "sform_code");
		Checks.assertAffine(oracle.affine(), g.affine(), 1e-4, "affine");
		Checks.assertAffine(oracle.sform(), g.sform(), 1e-4, "sform");
		Checks.assertValues(oracle.values(), Checks.values(volume), 0, "values");

		final double[] stats = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0 };
		NiftiReader.readSlices(file, new SliceVisitor() {

			private NiftiHeader header;
			private double[] values;

			@Override
			public void header(final NiftiHeader h) {
				header = h;
				values = new double[(int) (h.dims()[0] * h.dims()[1])];
			}

			@Override
			public void slice(final int z, final Object voxels) {
				header.datatype().toDouble(voxels, values);
				for (final double v : values) {
					stats[0] = Math.min(stats[0], v);
					stats[1] = Math.max(stats[1], v);
					stats[2] += v;
				}
			}
		});
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
		for (final double v : oracle.values()) {
			min = Math.min(min, v);
			max = Math.max(max, v);
			sum += v;
		}
		assertEquals(min, stats[0], "streamed min");
		assertEquals(max, stats[1], "streamed max");
		assertEquals(sum / oracle.values().length, stats[2] / g.voxelCount(), 1e-9, "streamed mean");
	}
}
