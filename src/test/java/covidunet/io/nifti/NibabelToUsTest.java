package covidunet.io.nifti;

import static covidunet.io.nifti.NibabelOracle.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
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
import net.imglib2.img.planar.PlanarImg;

/**
 * nibabel writes, we read: every datatype, both byte orders, scaling, qform and sform in every
 * combination, extensions, {@code .nii} and {@code .nii.gz}, RAS, LPS, left-handed and oblique
 * grids, 2-D and one-time-point 4-D files, non-millimetre units. Each file is compared with
 * nibabel's own reading of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NibabelToUsTest {

	private static final int[] SHAPE = { 7, 6, 5 };

	@TempDir
	static Path dir;

	private final Map<String, Map<String, Object>> specs = new LinkedHashMap<>();
	private final Map<String, NibabelOracle.Reading> readings = new LinkedHashMap<>();

	@BeforeAll
	void writeWithNibabel() throws IOException {
		add("uint8", "uint8", ".nii.gz", "sform", Affines.RAS, "sform_code", 1);
		add("int8", "int8", ".nii", "qform", Affines.LPS, "qform_code", 1);
		add("int16", "int16", ".nii.gz", "qform", Affines.RAS, "qform_code", 1, "sform", Affines.RAS, "sform_code", 2);
		add("uint16", "uint16", ".nii", "sform", Affines.OBLIQUE, "sform_code", 2);
		add("int32", "int32", ".nii.gz", "qform", Affines.OBLIQUE, "qform_code", 1);
		add("uint32", "uint32", ".nii", "sform", Affines.LAS, "sform_code", 1);
		add("int64", "int64", ".nii.gz", "sform", Affines.LPS, "sform_code", 1);
		add("float32", "float32", ".nii", "specials", true, "sform", Affines.RAS, "sform_code", 1);
		add("float64", "float64", ".nii.gz", "specials", true, "qform", Affines.LAS, "qform_code", 2);
		add("int16_big_endian", "int16", ".nii.gz", "byteorder", ">", "sform", Affines.LPS, "sform_code", 1);
		add("uint16_big_endian", "uint16", ".nii", "byteorder", ">", "qform", Affines.OBLIQUE, "qform_code", 1);
		add("int32_big_endian", "int32", ".nii.gz", "byteorder", ">", "sform", Affines.RAS, "sform_code", 1);
		add("int64_big_endian", "int64", ".nii", "byteorder", ">");
		add("float32_big_endian", "float32", ".nii.gz", "byteorder", ">", "specials", true, "qform", Affines.LPS,
			"qform_code", 1);
		add("float64_big_endian", "float64", ".nii", "byteorder", ">", "specials", true);
		add("uint8_big_endian_scaled", "uint8", ".nii", "byteorder", ">", "slope", 0.25, "inter", 3.0);
		add("int16_scaled_ct", "int16", ".nii.gz", "slope", 0.5, "inter", -1024.0, "sform", Affines.RAS, "sform_code", 1);
		add("int16_big_endian_scaled", "int16", ".nii.gz", "byteorder", ">", "slope", 0.5, "inter", -1024.0);
		add("uint8_scaled_unit", "uint8", ".nii", "slope", 1 / 255.0, "inter", 0.0);
		add("int32_scaled", "int32", ".nii.gz", "slope", 2.0, "inter", 10.0);
		add("float32_scaled", "float32", ".nii", "slope", 2.0, "inter", 1.0);
		add("float64_scaled", "float64", ".nii.gz", "slope", -1.5, "inter", 100.0);
		add("slope_zero_means_unscaled", "int16", ".nii", "raw_slope", 0.0, "raw_inter", 5.0);
		add("slope_nan_means_unscaled", "int16", ".nii", "raw_slope", Double.NaN, "raw_inter", 5.0);
		add("identity_scaling", "int16", ".nii.gz", "slope", 1.0, "inter", 0.0);
		add("qform_only_oblique", "float32", ".nii.gz", "qform", Affines.OBLIQUE, "qform_code", 1);
		add("qform_only_left_handed_oblique", "int16", ".nii", "qform", Affines.OBLIQUE_LEFT, "qform_code", 1);
		add("sform_only_oblique", "int16", ".nii.gz", "sform", Affines.OBLIQUE, "sform_code", 2);
		add("sform_only_shear", "int16", ".nii", "sform", Affines.SHEAR, "sform_code", 3);
		add("both_sform_wins", "int16", ".nii.gz", "qform", Affines.LPS, "qform_code", 1, "sform", Affines.OBLIQUE,
			"sform_code", 4);
		add("neither_code", "int16", ".nii", "zooms", new double[] { 0.5, 0.6, 0.7 });
		add("codes_zero_with_transforms", "int16", ".nii", "qform", Affines.LPS, "qform_code", 0, "sform", Affines.OBLIQUE,
			"sform_code", 0);
		add("extension_nii", "int16", ".nii", "extension", true, "sform", Affines.RAS, "sform_code", 1);
		add("extension_gz", "uint8", ".nii.gz", "extension", true, "byteorder", ">", "qform", Affines.LPS, "qform_code", 1);
		add("four_d_one_time_point", "int16", ".nii.gz", "shape", new int[] { 6, 5, 4, 1 }, "zooms",
			new double[] { 1.5, 1.5, 3, 2 });
		add("two_d", "float32", ".nii", "shape", new int[] { 9, 8 }, "zooms", new double[] { 0.4, 0.5 });
		add("micron_units", "int16", ".nii", "units", "micron", "sform", Affines.RAS, "sform_code", 1);
		add("meter_units", "int16", ".nii.gz", "units", "meter", "qform", Affines.OBLIQUE, "qform_code", 1);
		add("descrip", "uint8", ".nii", "descrip", "written by nibabel for the oracle test");
		if (!NibabelOracle.available()) return;
		NibabelOracle.write(dir, new ArrayList<>(specs.values()));
		final List<Path> paths = new ArrayList<>();
		for (final String name : specs.keySet()) paths.add(path(name));
		final List<NibabelOracle.Reading> results = NibabelOracle.read(dir, paths);
		int i = 0;
		for (final String name : specs.keySet()) readings.put(name, results.get(i++));
	}

	Stream<String> cases() {
		return specs.keySet().stream();
	}

	@ParameterizedTest
	@MethodSource("cases")
	void readsWhatNibabelReads(final String name) {
		NibabelOracle.assumeAvailable();
		final NibabelOracle.Reading oracle = readings.get(name);
		final Volume<?> volume = NiftiReader.read(path(name));
		final Geometry g = volume.geometry();
		assertArrayEquals(oracle.volumeDims(), g.dims(), "dims");
		final double unit = unit(oracle);
		final double[] expectedSpacing = new double[3];
		for (int d = 0; d < 3; d++) {
			expectedSpacing[d] = (d < oracle.zooms().length ? oracle.zooms()[d] : oracle.pixdim()[d + 1]) * unit;
		}
		assertArrayEquals(expectedSpacing, g.spacing(), 1e-6 * unit, "spacing");
		assertEquals(oracle.qformCode(), g.qformCode(), "qform_code");
		assertEquals(oracle.sformCode(), g.sformCode(), "sform_code");
		if (g.qformCode() > 0) Checks.assertAffine(scale(oracle.qform(), unit), g.qform(), 1e-4 * unit, "qform");
		if (g.sformCode() > 0) Checks.assertAffine(scale(oracle.sform(), unit), g.sform(), 1e-4 * unit, "sform");
		final double[][] expectedAffine = g.sformCode() > 0 ? oracle.sform() : g.qformCode() > 0 ? oracle.qform()
			: Checks.diagonal(oracle.pixdim()[1], oracle.pixdim()[2], oracle.pixdim()[3]);
		Checks.assertAffine(scale(expectedAffine, unit), g.affine(), 1e-4 * unit, "affine");
		if (g.sformCode() > 0 || g.qformCode() > 0) {
			Checks.assertAffine(scale(oracle.affine(), unit), g.affine(), 1e-4 * unit, "affine vs img.affine");
		}
		assertTrue(volume.image() instanceof PlanarImg, "a planar image");
		assertEquals(expectedType(oracle), NiftiDatatype.forType(volume.type()).orElseThrow(), "voxel type");
		final boolean exact = expectedType(oracle).numpyName().equals(oracle.dtype());
		Checks.assertValues(oracle.values(), Checks.values(volume), exact ? 0 : 1e-6, "values");
	}

	@ParameterizedTest
	@MethodSource("cases")
	void streamsStoredValuesAndHeaderFields(final String name) {
		NibabelOracle.assumeAvailable();
		final NibabelOracle.Reading oracle = readings.get(name);
		final double[] values = new double[oracle.values().length];
		final int[] nextZ = { 0 };
		final NiftiHeader header = NiftiReader.readSlices(path(name), new SliceVisitor() {

			private NiftiHeader h;

			@Override
			public void header(final NiftiHeader first) {
				h = first;
			}

			@Override
			public void slice(final int z, final Object voxels) {
				assertEquals(nextZ[0]++, z, "slices in order");
				final int length = (int) (h.dims()[0] * h.dims()[1]);
				final double[] slice = new double[length];
				h.datatype().toDouble(voxels, slice);
				for (int i = 0; i < length; i++) values[z * length + i] = slice[i] * h.slope() + h.intercept();
			}
		});
		assertEquals(oracle.volumeDims()[2], nextZ[0], "slices visited");
		Checks.assertValues(oracle.values(), values, 1e-12, "streamed values");
		assertEquals(oracle.dtype(), header.datatype().numpyName(), "datatype");
		assertSame(oracle.byteorder().equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, header.byteOrder());
		assertEquals((long) oracle.voxOffset(), header.voxOffset(), "vox_offset");
		assertEquals(oracle.descrip(), header.descrip(), "descrip");
		final NiftiHeader alone = NiftiReader.readHeader(path(name));
		assertArrayEquals(header.toBytes(), alone.toBytes(), "readHeader gives the same header");
		final boolean scaled = !Double.isNaN(oracle.slope()) && (oracle.slope() != 1 || oracle.inter() != 0);
		assertEquals(scaled, header.isScaled(), "scaled");
		if (scaled) {
			assertEquals(oracle.slope(), header.slope(), 1e-7 * Math.abs(oracle.slope()), "slope");
			assertEquals(oracle.inter(), header.intercept(), 1e-7 * Math.abs(oracle.inter()), "intercept");
		}
	}

	private void add(final String name, final String dtype, final String extension, final Object... keyValues) {
		final List<Object> rest = new ArrayList<>(List.of(keyValues));
		int[] shape = SHAPE;
		final int at = rest.indexOf("shape");
		if (at >= 0) {
			shape = (int[]) rest.get(at + 1);
			rest.remove(at + 1);
			rest.remove(at);
		}
		rest.add("seed");
		rest.add(specs.size());
		specs.put(name, spec(dir.resolve(name + extension), dtype, shape, rest.toArray()));
	}

	private Path path(final String name) {
		return Path.of((String) specs.get(name).get("path"));
	}

	private static NiftiDatatype expectedType(final NibabelOracle.Reading oracle) {
		final NiftiDatatype stored = NiftiDatatype.forCode(codeOf(oracle.dtype())).orElseThrow();
		final boolean scaled = !Double.isNaN(oracle.slope()) && (oracle.slope() != 1 || oracle.inter() != 0);
		if (!scaled) return stored;
		return stored.bytesPerVoxel() <= 2 || stored == NiftiDatatype.FLOAT32 ? NiftiDatatype.FLOAT32
			: NiftiDatatype.FLOAT64;
	}

	private static int codeOf(final String numpyName) {
		for (final NiftiDatatype t : NiftiDatatype.values()) {
			if (t.numpyName().equals(numpyName)) return t.code();
		}
		throw new AssertionError("unknown dtype " + numpyName);
	}

	private static double unit(final NibabelOracle.Reading oracle) {
		switch (oracle.xyzUnits()) {
			case "meter":
				return 1000;
			case "micron":
				return 0.001;
			default:
				return 1;
		}
	}

	private static double[][] scale(final double[][] m, final double factor) {
		final double[][] scaled = new double[4][4];
		for (int r = 0; r < 4; r++) {
			for (int c = 0; c < 4; c++) scaled[r][c] = r < 3 ? m[r][c] * factor : m[r][c];
		}
		return scaled;
	}
}
