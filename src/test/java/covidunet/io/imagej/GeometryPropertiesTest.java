package covidunet.io.imagej;

import static covidunet.io.imagej.GeometryAssert.assertSameGeometry;
import static covidunet.io.imagej.GeometryAssert.oblique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import ij.ImagePlus;
import ij.process.ByteProcessor;

class GeometryPropertiesTest {

	private static ImagePlus image() {
		return new ImagePlus("props", new ByteProcessor(3, 2));
	}

	@Test
	void obliqueGeometryRoundTripsExactly() {
		final ImagePlus imp = image();
		final Geometry geometry = oblique(3, 2, 1);
		GeometryProperties.write(imp, geometry);
		assertSameGeometry(geometry, GeometryProperties.read(imp).orElseThrow());
	}

	@Test
	void lpsGeometryRoundTripsExactly() {
		final ImagePlus imp = image();
		final Affine lps = Affine.ofRows(-0.625, 0, 0, 160, 0, -0.625, 0, 150.3, 0, 0, 1.25, -300.1);
		final Geometry geometry = Geometry.fromAffine(new long[] { 3, 2, 1 }, lps, Geometry.CODE_SCANNER);
		GeometryProperties.write(imp, geometry);
		final Geometry back = GeometryProperties.read(imp).orElseThrow();
		assertSameGeometry(geometry, back);
		assertEquals("LPS", back.orientation());
	}

	@Test
	void writesOnlyPrefixedStringProperties() {
		final ImagePlus imp = image();
		GeometryProperties.write(imp, oblique(3, 2, 1));
		final String[] props = imp.getPropertiesAsArray();
		assertEquals(12, props.length);
		for (int i = 0; i < props.length; i += 2) {
			assertTrue(props[i].startsWith(GeometryProperties.PREFIX), props[i]);
		}
		assertEquals("3 2 1", imp.getProp(GeometryProperties.DIMS));
	}

	@Test
	void missingPropertiesGiveNothing() {
		assertFalse(GeometryProperties.read(image()).isPresent());
		final ImagePlus imp = image();
		GeometryProperties.write(imp, oblique(3, 2, 1));
		imp.setProp(GeometryProperties.SFORM_CODE, null);
		assertFalse(GeometryProperties.read(imp).isPresent());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
		"covidunet.dims|3 2",
		"covidunet.dims|3 2 x",
		"covidunet.dims|3 2 0",
		"covidunet.spacing|0.7 -0.8 2.5",
		"covidunet.spacing|0.7 NaN 2.5",
		"covidunet.qform|1 2 3",
		"covidunet.sform|1 0 0 0 0 1 0 0 0 0 1 Infinity",
		"covidunet.qform_code|one",
		"covidunet.sform_code|''" })
	void garbledPropertiesGiveNothing(final String key, final String value) {
		final ImagePlus imp = image();
		GeometryProperties.write(imp, oblique(3, 2, 1));
		imp.setProp(key, value);
		assertFalse(GeometryProperties.read(imp).isPresent(), key + "=" + value);
	}
}
