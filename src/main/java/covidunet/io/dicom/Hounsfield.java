package covidunet.io.dicom;

import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * The rescaled values ({@code slope × stored + intercept}, HU for CT) of a slice decoded by
 * ImageJ's {@link ij.io.FileOpener}, which keeps the stored values (signed 16-bit data + 32768,
 * with the calibration function {@code value - 32768}).
 * <p>
 * ImageJ's DICOM reader is not asked for the pixels: what it returns depends on the slope and on
 * three of the user's DICOM options (16-bit values with a calibration function, or 32-bit ones,
 * rescaled or not), and for a slope other than 1 it runs a menu command, which fails headless.
 */
final class Hounsfield {

	private Hounsfield() {}

	/**
	 * The slice's rescaled values, row by row.
	 *
	 * @param stored a one-slice grey-level image from {@link ij.io.FileOpener}
	 * @param slope Rescale Slope (1 if absent)
	 * @param intercept Rescale Intercept (0 if absent)
	 */
	static float[] values(final ImagePlus stored, final double slope, final double intercept) {
		final ImageProcessor ip = stored.getProcessor();
		final float[] function = ip instanceof FloatProcessor ? null : stored.getCalibration().getCTable();
		final float[] values = new float[ip.getPixelCount()];
		for (int p = 0; p < values.length; p++) {
			final float raw = ip.getf(p);
			values[p] = (float) (slope * (function == null ? raw : function[(int) raw]) + intercept);
		}
		return values;
	}
}
