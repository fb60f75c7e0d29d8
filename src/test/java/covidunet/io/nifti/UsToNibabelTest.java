package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * We write, nibabel reads: every datatype in RAS, LPS, left-handed, oblique and sheared
 * geometries with either transform or both, {@code .nii} and {@code .nii.gz}, plus converted and
 * scaled writes. nibabel must see the same dims, zooms, datatype, codes, transforms and values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsToNibabelTest {

	private static final long[] DIMS = { 6, 5, 4 };

	@TempDir
	static Path dir;

	private final Map<String, Case> cases = new LinkedHashMap<>();
	private final Map<String, NibabelOracle.Reading> readings = new LinkedHashMap<>();

	/** A written file and what nibabel should find in it. */
	private static final class Case {

		final Path file;
		final Volume<?> volume;
		final NiftiDatatype type;
		final String descrip;
		final double slope;
		final double inter;

		Case(final Path file, final Volume<?> volume, final NiftiDatatype type, final String descrip,
			final double slope, final double inter)
		{
			this.file = file;
			this.volume = volume;
			this.type = type;
			this.descrip = descrip;
			this.slope = slope;
			this.inter = inter;
		}
	}

	@BeforeAll
	void writeAndAskNibabel() throws IOException {
		add("uint8_ras_gz", NiftiDatatype.UINT8, ".nii.gz", TestVolumes.geometry(DIMS, Affines.RAS, 1, 1));
		add("int8_lps", NiftiDatatype.INT8, ".nii", TestVolumes.geometry(DIMS, Affines.LPS, 1, 0));
		add("int16_oblique_gz", NiftiDatatype.INT16, ".nii.gz", TestVolumes.geometry(DIMS, Affines.OBLIQUE, 1, 2));
		add("int16_ras", NiftiDatatype.INT16, ".nii", TestVolumes.geometry(DIMS, Affines.RAS, 1, 2));
		add("int16_lps_gz", NiftiDatatype.INT16, ".nii.gz", TestVolumes.geometry(DIMS, Affines.LPS, 1, 1));
		add("uint16_las", NiftiDatatype.UINT16, ".nii", TestVolumes.geometry(DIMS, Affines.LAS, 2, 0));
		add("int32_oblique_left_gz", NiftiDatatype.INT32, ".nii.gz", TestVolumes.geometry(DIMS, Affines.OBLIQUE_LEFT, 1, 0));
		add("uint32_sform_only", NiftiDatatype.UINT32, ".nii", TestVolumes.sformOnly(DIMS, Affines.OBLIQUE, 2));
		add("int64_lps_gz", NiftiDatatype.INT64, ".nii.gz", TestVolumes.geometry(DIMS, Affines.LPS, 0, 1));
		add("float32_ras", NiftiDatatype.FLOAT32, ".nii", TestVolumes.geometry(DIMS, Affines.RAS, 1, 1));
		add("float32_oblique_gz", NiftiDatatype.FLOAT32, ".nii.gz", TestVolumes.geometry(DIMS, Affines.OBLIQUE, 1, 1));
		add("float32_lps_gz", NiftiDatatype.FLOAT32, ".nii.gz", TestVolumes.geometry(DIMS, Affines.LPS, 1, 0));
		add("float64_shear_sform", NiftiDatatype.FLOAT64, ".nii", TestVolumes.sformOnly(DIMS, Affines.SHEAR, 4));
		add("uint8_no_codes", NiftiDatatype.UINT8, ".nii", Geometry.ofSpacing(DIMS, new double[] { 0.7, 0.8, 2.5 }));
		final Geometry oblique = TestVolumes.geometry(DIMS, Affines.OBLIQUE, 1, 1);
		final ArrayImg<FloatType, FloatArray> hu = ArrayImgs.floats(DIMS);
		int i = 0;
		for (final FloatType v : hu) v.setReal(-1024 + 37.5 * (i++ % 90));
		cases.put("float_as_scaled_int16", new Case(dir.resolve("float_as_scaled_int16.nii.gz"),
			new Volume<>(hu, oblique), NiftiDatatype.INT16, "scaled", 0.5, -1024));
		cases.put("float_array_img_as_uint8", new Case(dir.resolve("float_array_img_as_uint8.nii"),
			new Volume<>(ArrayImgs.floats(new float[] { 0, 1, 2, 3, 254, 255, 0.4f, 2.5f }, 2, 2, 2),
				TestVolumes.geometry(new long[] { 2, 2, 2 }, Affines.LPS, 1, 1)), NiftiDatatype.UINT8, "converted", 1, 0));
		cases.put("long_descrip", new Case(dir.resolve("long_descrip.nii"),
			TestVolumes.random(NiftiDatatype.UINT8, oblique, 99), NiftiDatatype.UINT8, "d".repeat(100), 1, 0));
		for (final Case c : cases.values()) {
			NiftiWriter.write(TestVolumes.real(c.volume), c.file, c.type, c.descrip, c.slope, c.inter);
		}
		if (!NibabelOracle.available()) return;
		final List<Path> files = new ArrayList<>();
		for (final Case c : cases.values()) files.add(c.file);
		final List<NibabelOracle.Reading> results = NibabelOracle.read(dir, files);
		i = 0;
		for (final String name : cases.keySet()) readings.put(name, results.get(i++));
	}

	Stream<String> cases() {
		return cases.keySet().stream();
	}

	@ParameterizedTest
	@MethodSource("cases")
	void nibabelReadsWhatWeWrote(final String name) {
		NibabelOracle.assumeAvailable();
		final Case c = cases.get(name);
		final NibabelOracle.Reading oracle = readings.get(name);
		final Geometry g = c.volume.geometry();
		assertArrayEquals(g.dims(), oracle.shape(), "shape");
		assertArrayEquals(g.spacing(), oracle.zooms(), 1e-6 * g.spacing()[0], "zooms");
		assertEquals(c.type.numpyName(), oracle.dtype(), "dtype");
		assertEquals("<", oracle.byteorder(), "byte order");
		assertEquals(g.qformCode(), oracle.qformCode(), "qform_code");
		assertEquals(g.sformCode(), oracle.sformCode(), "sform_code");
		Checks.assertAffine(oracle.qform(), g.qform(), 1e-4, "qform");
		Checks.assertAffine(oracle.sform(), g.sform(), 1e-4, "sform");
		if (g.qformCode() > 0 || g.sformCode() > 0) Checks.assertAffine(oracle.affine(), g.affine(), 1e-4, "img.affine");
		assertEquals(352, oracle.voxOffset(), "vox_offset");
		assertEquals(0, oracle.extensions(), "extensions");
		assertEquals("mm", oracle.xyzUnits(), "units");
		assertEquals(c.descrip.substring(0, Math.min(79, c.descrip.length())), oracle.descrip(), "descrip");
		assertEquals(c.slope, oracle.slope(), 0, "slope");
		assertEquals(c.inter, oracle.inter(), 0, "inter");
		final double[] written = Checks.values(c.volume);
		if (c.slope == 1 && c.inter == 0) {
			final double[] expected = new double[written.length];
			for (int i = 0; i < written.length; i++) expected[i] = c.type.isInteger() ? Math.rint(written[i]) : written[i];
			Checks.assertValues(expected, oracle.values(), 0, "values");
		}
		else {
			for (int i = 0; i < written.length; i++) {
				assertEquals(written[i], oracle.values()[i], c.slope / 2 + 1e-9, "scaled value " + i);
			}
		}
	}

	private void add(final String name, final NiftiDatatype type, final String extension, final Geometry geometry) {
		cases.put(name, new Case(dir.resolve(name + extension), TestVolumes.random(type, geometry, cases.size()), type,
			"written by the oracle test: " + name, 1, 0));
	}
}
