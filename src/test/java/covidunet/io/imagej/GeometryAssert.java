package covidunet.io.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import covidunet.io.Affine;
import covidunet.io.Geometry;

/** Test helpers for geometries. */
final class GeometryAssert {

	private GeometryAssert() {}

	/** An oblique geometry with distinct qform and sform and unusual codes. */
	static Geometry oblique(final long... dims) {
		final double c = Math.cos(0.3), s = Math.sin(0.3);
		final Affine sform = Affine.ofRows(
			0.7 * c, -0.8 * s, 0, -123.456789012345,
			0.7 * s, 0.8 * c, 0.1, 87.1,
			0, 0, 2.5, -1e-7);
		final Affine qform = Affine.ofRows(0.7, 0, 0, 1, 0, 0.8, 0, 2, 0, 0, 2.5, 1.0 / 3);
		return new Geometry(dims, new double[] { 0.7, 0.8, 2.5 }, qform, Geometry.CODE_SCANNER, sform,
			Geometry.CODE_ALIGNED);
	}

	/** Asserts that every part of the two geometries is exactly equal. */
	static void assertSameGeometry(final Geometry expected, final Geometry actual) {
		assertArrayEquals(expected.dims(), actual.dims(), "dims");
		assertArrayEquals(expected.spacing(), actual.spacing(), "spacing");
		assertEquals(expected.qform(), actual.qform(), "qform");
		assertEquals(expected.qformCode(), actual.qformCode(), "qform_code");
		assertEquals(expected.sform(), actual.sform(), "sform");
		assertEquals(expected.sformCode(), actual.sformCode(), "sform_code");
	}
}
