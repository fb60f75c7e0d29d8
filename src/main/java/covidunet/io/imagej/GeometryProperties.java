package covidunet.io.imagej;

import java.util.Optional;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import ij.ImagePlus;

/**
 * Stores a {@link Geometry} in the string properties of an {@link ImagePlus} (ImageJ 1.53+
 * {@code setProp}/{@code getProp}), which ImageJ keeps when it saves and reopens a TIFF. So a
 * volume read from NIfTI, saved by Fiji as TIFF, reopened and exported again keeps its qform and
 * sform exactly, which ImageJ's {@link ij.measure.Calibration} cannot express.
 * <p>
 * Every key starts with {@link #PREFIX}. Numbers are written with {@link Double#toString(double)}
 * (which reads back to the same double) and separated by single spaces; an affine is its first
 * three rows, row-major (12 numbers).
 */
public final class GeometryProperties {

	/** The prefix of every key this class writes. */
	public static final String PREFIX = "covidunet.";

	/** Key of the grid size along x, y, z (3 integers). */
	public static final String DIMS = PREFIX + "dims";

	/** Key of the voxel size along x, y, z in mm (3 numbers). */
	public static final String SPACING = PREFIX + "spacing";

	/** Key of the qform (12 numbers). */
	public static final String QFORM = PREFIX + "qform";

	/** Key of the qform's NIfTI code. */
	public static final String QFORM_CODE = PREFIX + "qform_code";

	/** Key of the sform (12 numbers). */
	public static final String SFORM = PREFIX + "sform";

	/** Key of the sform's NIfTI code. */
	public static final String SFORM_CODE = PREFIX + "sform_code";

	private GeometryProperties() {}

	/** Stores {@code geometry} in the image's properties, replacing any stored before. */
	public static void write(final ImagePlus imp, final Geometry geometry) {
		imp.setProp(DIMS, join(geometry.dims()));
		imp.setProp(SPACING, join(geometry.spacing()));
		imp.setProp(QFORM, join(rows(geometry.qform())));
		imp.setProp(QFORM_CODE, Integer.toString(geometry.qformCode()));
		imp.setProp(SFORM, join(rows(geometry.sform())));
		imp.setProp(SFORM_CODE, Integer.toString(geometry.sformCode()));
	}

	/**
	 * The geometry stored in the image's properties, or empty if any of them is missing or
	 * cannot be read as a valid geometry (never throws for bad properties).
	 */
	public static Optional<Geometry> read(final ImagePlus imp) {
		try {
			final long[] dims = longs(imp.getProp(DIMS), 3);
			final double[] spacing = doubles(imp.getProp(SPACING), 3);
			final Affine qform = Affine.ofRows(doubles(imp.getProp(QFORM), 12));
			final int qformCode = Integer.parseInt(fields(imp.getProp(QFORM_CODE), 1)[0]);
			final Affine sform = Affine.ofRows(doubles(imp.getProp(SFORM), 12));
			final int sformCode = Integer.parseInt(fields(imp.getProp(SFORM_CODE), 1)[0]);
			return Optional.of(new Geometry(dims, spacing, qform, qformCode, sform, sformCode));
		}
		catch (final IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static double[] rows(final Affine affine) {
		final double[] values = new double[12];
		for (int i = 0; i < 12; i++) {
			values[i] = affine.get(i / 4, i % 4);
		}
		return values;
	}

	private static String join(final long[] values) {
		final StringBuilder s = new StringBuilder();
		for (final long v : values) {
			s.append(s.length() == 0 ? "" : " ").append(v);
		}
		return s.toString();
	}

	private static String join(final double[] values) {
		final StringBuilder s = new StringBuilder();
		for (final double v : values) {
			s.append(s.length() == 0 ? "" : " ").append(Double.toString(v));
		}
		return s.toString();
	}

	private static String[] fields(final String text, final int count) {
		if (text == null) throw new IllegalArgumentException("missing");
		final String[] fields = text.trim().split("\\s+");
		if (fields.length != count) {
			throw new IllegalArgumentException("expected " + count + " numbers, got " + fields.length);
		}
		return fields;
	}

	private static long[] longs(final String text, final int count) {
		final String[] fields = fields(text, count);
		final long[] values = new long[count];
		for (int i = 0; i < count; i++) {
			values[i] = Long.parseLong(fields[i]);
		}
		return values;
	}

	private static double[] doubles(final String text, final int count) {
		final String[] fields = fields(text, count);
		final double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			values[i] = Double.parseDouble(fields[i]);
		}
		return values;
	}
}
