package covidunet.io.imagej;

import java.awt.Color;
import java.awt.image.IndexColorModel;

import ij.process.LUT;

/**
 * The fixed colours of label images (see the project's label contract), from the Okabe–Ito
 * palette, which stays distinguishable with the common colour-vision deficiencies:
 * <ul>
 * <li>0 background: black (transparent in overlays, see {@link LabelImages#overlay})</li>
 * <li>1 left lung (the patient's left): blue {@code #0072B2}</li>
 * <li>2 right lung: bluish green {@code #009E73}</li>
 * <li>3 infection: vermillion {@code #D55E00}</li>
 * <li>any other value: black</li>
 * </ul>
 */
public final class LabelLut {

	/** Label of the background. */
	public static final int BACKGROUND = 0;

	/** Label of the patient's left lung. */
	public static final int LEFT_LUNG = 1;

	/** Label of the patient's right lung. */
	public static final int RIGHT_LUNG = 2;

	/** Label of infection (in either lung). */
	public static final int INFECTION = 3;

	private static final Color[] COLOURS = {
		Color.BLACK,
		new Color(0x00, 0x72, 0xB2),
		new Color(0x00, 0x9E, 0x73),
		new Color(0xD5, 0x5E, 0x00) };

	private LabelLut() {}

	/** The colour of a label value: black for the background and for values above 3. */
	public static Color colour(final int label) {
		return label >= 0 && label < COLOURS.length ? COLOURS[label] : Color.BLACK;
	}

	/** A new 256-entry LUT that maps each 8-bit label value to its {@link #colour}. */
	public static LUT lut() {
		final byte[][] rgb = channels();
		return new LUT(rgb[0], rgb[1], rgb[2]);
	}

	/** The same colours as {@link #lut}, with the background (index 0) transparent. */
	public static IndexColorModel transparentBackground() {
		final byte[][] rgb = channels();
		return new IndexColorModel(8, 256, rgb[0], rgb[1], rgb[2], BACKGROUND);
	}

	private static byte[][] channels() {
		final byte[][] rgb = new byte[3][256];
		for (int label = 0; label < COLOURS.length; label++) {
			rgb[0][label] = (byte) COLOURS[label].getRed();
			rgb[1][label] = (byte) COLOURS[label].getGreen();
			rgb[2][label] = (byte) COLOURS[label].getBlue();
		}
		return rgb;
	}
}
