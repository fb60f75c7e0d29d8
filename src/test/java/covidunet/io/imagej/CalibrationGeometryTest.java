package covidunet.io.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import covidunet.BadInputException;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import ij.measure.Calibration;

class CalibrationGeometryTest {

	private static final long[] DIMS = { 4, 3, 2 };

	private static Calibration calibration(final double w, final double h, final double d,
		final String unit)
	{
		final Calibration cal = new Calibration();
		cal.pixelWidth = w;
		cal.pixelHeight = h;
		cal.pixelDepth = d;
		cal.setUnit(unit);
		return cal;
	}

	@Test
	void assumesDicomLpsAxesWithScannerCodes() {
		final Calibration cal = calibration(0.625, 0.7, 2.5, "mm");
		cal.xOrigin = 10;
		cal.yOrigin = 20;
		cal.zOrigin = 1;
		final Geometry g = CalibrationGeometry.assumed(cal, DIMS, "ct");
		assertEquals("LPS", g.orientation());
		assertEquals(Geometry.CODE_SCANNER, g.qformCode());
		assertEquals(Geometry.CODE_SCANNER, g.sformCode());
		assertArrayEquals(new double[] { 0.625, 0.7, 2.5 }, g.spacing());
		// The calibration's origin pixel is at the world origin.
		assertArrayEquals(new double[] { 0, 0, 0 }, g.affine().apply(10, 20, 1), 1e-12);
		// One pixel to the image's right is 0.625 mm towards the patient's left (-x in RAS).
		assertArrayEquals(new double[] { -0.625, 0, 0 }, g.affine().apply(11, 20, 1), 1e-12);
		assertArrayEquals(new double[] { 0, -0.7, 2.5 }, g.affine().apply(10, 21, 2), 1e-12);
	}

	@ParameterizedTest
	@CsvSource({ "mm, 1", "millimetre, 1", "\u00b5m, 0.001", "micron, 0.001", "um, 0.001",
		"cm, 10", "m, 1000", "inch, 25.4", "pixel, 1", "' ', 1", "none, 1" })
	void convertsUnitsToMillimetres(final String unit, final double mmPerUnit) {
		final Geometry g = CalibrationGeometry.assumed(calibration(2, 3, 4, unit), DIMS, "u");
		assertArrayEquals(new double[] { 2 * mmPerUnit, 3 * mmPerUnit, 4 * mmPerUnit }, g.spacing(),
			1e-12);
	}

	@Test
	void usesTheDepthUnit() {
		final Calibration cal = calibration(500, 500, 0.2, "\u00b5m");
		cal.setZUnit("cm");
		assertArrayEquals(new double[] { 0.5, 0.5, 2 },
			CalibrationGeometry.assumed(cal, DIMS, "z").spacing(), 1e-12);
	}

	@Test
	void refusesNonLengthUnitsAndBadSizes() {
		final BadInputException unit = assertThrows(BadInputException.class,
			() -> CalibrationGeometry.assumed(calibration(1, 1, 1, "sec"), DIMS, "timed"));
		assertTrue(unit.getMessage().contains("\"timed\"") && unit.getMessage().contains("sec"),
			unit.getMessage());
		final BadInputException size = assertThrows(BadInputException.class,
			() -> CalibrationGeometry.assumed(calibration(1, 0, 1, "mm"), DIMS, "flat"));
		assertTrue(size.getMessage().contains("\"flat\""), size.getMessage());
		assertEquals(1, size.getMessage().lines().count());
	}

	@Test
	void calibrationFromAnLpsGeometryGivesItBack() {
		final Affine lps = Affine.ofRows(-0.625, 0, 0, 12.5, 0, -0.75, 0, -30, 0, 0, 3, -45);
		final Geometry geometry = Geometry.fromAffine(DIMS, lps, Geometry.CODE_SCANNER);
		final Calibration cal = new Calibration();
		CalibrationGeometry.calibrate(cal, geometry);
		assertEquals("mm", cal.getUnit());
		assertEquals(0.625, cal.pixelWidth);
		assertEquals(0.75, cal.pixelHeight);
		assertEquals(3, cal.pixelDepth);
		final Geometry back = CalibrationGeometry.assumed(cal, DIMS, "lps");
		assertTrue(back.affine().approximatelyEquals(lps, 1e-12), back.affine().toString());
	}

	@Test
	void calibrationFromOtherGeometriesKeepsSpacingWithZeroOrigin() {
		final Calibration cal = calibration(1, 1, 1, "cm");
		cal.setZUnit("cm");
		cal.xOrigin = 5;
		CalibrationGeometry.calibrate(cal, GeometryAssert.oblique(DIMS));
		assertEquals("mm", cal.getZUnit());
		assertArrayEquals(new double[] { 0.7, 0.8, 2.5, 0, 0, 0 }, new double[] { cal.pixelWidth,
			cal.pixelHeight, cal.pixelDepth, cal.xOrigin, cal.yOrigin, cal.zOrigin });
	}
}
