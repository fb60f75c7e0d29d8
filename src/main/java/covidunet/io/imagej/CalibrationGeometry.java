package covidunet.io.imagej;

import java.util.Locale;

import covidunet.BadInputException;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import ij.measure.Calibration;

/**
 * Converts between ImageJ's spatial {@link Calibration} and a {@link Geometry}.
 * <p>
 * A calibration has voxel sizes and an origin but no orientation. ImageJ shows axial CT slices as
 * DICOM stores them: image x increases towards the patient's left, image y towards posterior,
 * and slices are taken to follow each other towards superior. So a geometry built from a
 * calibration assumes DICOM's LPS voxel axes: in NIfTI's RAS+ world the voxel (i, j, k) lies at
 * ({@code -dx (i - xOrigin)}, {@code -dy (j - yOrigin)}, {@code dz (k - zOrigin)}) mm, the
 * origins being ImageJ's (in pixels). That geometry's qform and sform are this affine with code
 * {@link Geometry#CODE_SCANNER}, as DICOM converters write them: with code 0, NIfTI readers would
 * take the spacing diagonal (RAS) and swap the patient's left and right.
 * <p>
 * Units: {@code mm} (or millimetre), {@code µm} (or micron, um), {@code nm}, {@code cm},
 * {@code m}, {@code inch}. The unit of an uncalibrated image ({@code pixel}, or none) is assumed
 * to be the millimetre, so such an image has 1 mm voxels.
 */
public final class CalibrationGeometry {

	private static final String[] AXIS = { "pixel width", "pixel height", "voxel depth" };

	private CalibrationGeometry() {}

	/**
	 * The geometry a calibration implies under the LPS assumption above.
	 *
	 * @param cal the image's calibration
	 * @param dims the grid size along x, y, z
	 * @param title the image's title, named in errors
	 * @throws BadInputException if a unit is not a length or a voxel size is not positive
	 */
	public static Geometry assumed(final Calibration cal, final long[] dims, final String title) {
		final double[] spacing = {
			millimetres(cal.pixelWidth, cal.getXUnit(), title, 0),
			millimetres(cal.pixelHeight, cal.getYUnit(), title, 1),
			millimetres(cal.pixelDepth, cal.getZUnit(), title, 2) };
		final double dx = spacing[0], dy = spacing[1], dz = spacing[2];
		final Affine lps = Affine.ofRows(
			-dx, 0, 0, dx * cal.xOrigin,
			0, -dy, 0, dy * cal.yOrigin,
			0, 0, dz, -dz * cal.zOrigin);
		return new Geometry(dims, spacing, lps, Geometry.CODE_SCANNER, lps, Geometry.CODE_SCANNER);
	}

	/**
	 * Sets a calibration from a geometry: voxel sizes in mm from its spacing and, if its affine has
	 * the LPS form of {@link #assumed}, the origin that gives that affine back; otherwise the origin
	 * is 0. The intensity calibration is left as it is.
	 */
	public static void calibrate(final Calibration cal, final Geometry geometry) {
		final double[] spacing = geometry.spacing();
		cal.setUnit("mm");
		cal.setYUnit("mm");
		cal.setZUnit("mm");
		cal.pixelWidth = spacing[0];
		cal.pixelHeight = spacing[1];
		cal.pixelDepth = spacing[2];
		final Affine a = geometry.affine();
		final boolean lps = a.approximatelyEquals(Affine.ofRows(
			-spacing[0], 0, 0, a.get(0, 3),
			0, -spacing[1], 0, a.get(1, 3),
			0, 0, spacing[2], a.get(2, 3)), 0);
		cal.xOrigin = lps ? a.get(0, 3) / spacing[0] : 0;
		cal.yOrigin = lps ? a.get(1, 3) / spacing[1] : 0;
		cal.zOrigin = lps ? -a.get(2, 3) / spacing[2] : 0;
	}

	/**
	 * Millimetres per one of {@code unit}, or {@code NaN} if it is not a known length unit. The
	 * units of an uncalibrated image ({@code pixel}, empty, {@code none}) count as mm.
	 */
	public static double millimetresPerUnit(final String unit) {
		final String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
		switch (u) {
			case "":
			case "pixel":
			case "pixels":
			case "none":
			case "mm":
			case "millimeter":
			case "millimeters":
			case "millimetre":
			case "millimetres":
				return 1;
			case "\u00b5m":
			case "\u03bcm":
			case "um":
			case "micron":
			case "microns":
				return 1e-3;
			case "nm":
				return 1e-6;
			case "cm":
				return 10;
			case "m":
			case "meter":
			case "metre":
				return 1000;
			case "inch":
			case "inches":
			case "in":
				return 25.4;
			default:
				return Double.NaN;
		}
	}

	private static double millimetres(final double size, final String unit, final String title,
		final int axis)
	{
		final double perUnit = millimetresPerUnit(unit);
		if (Double.isNaN(perUnit)) {
			throw new BadInputException("image \"" + title + "\" has " + AXIS[axis] + " in \"" + unit +
				"\", which is not a length unit");
		}
		final double mm = size * perUnit;
		if (!(mm > 0) || Double.isInfinite(mm)) {
			throw new BadInputException("image \"" + title + "\" has " + AXIS[axis] + " " + size + " " +
				unit + "; voxel sizes must be positive");
		}
		return mm;
	}
}
