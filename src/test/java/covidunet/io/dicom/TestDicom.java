package covidunet.io.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * A minimal DICOM file for tests: preamble, {@code DICM}, a group 0002 meta header and the
 * dataset tags ImageJ needs for a grey-level 16-bit CT slice (or an 8-bit RGB one), in explicit
 * VR little endian. Setters return the builder; {@link #write} can be called repeatedly.
 */
final class TestDicom {

	/** Explicit VR little endian, the uncompressed transfer syntax written by default. */
	static final String EXPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

	private String transferSyntax = EXPLICIT_LITTLE_ENDIAN;
	private String seriesUid = "1.2.826.0.1.3680043.2.1125.1";
	private double[] position = { 0, 0, 0 };
	private double[] orientation = { 1, 0, 0, 0, 1, 0 };
	private double[] pixelSpacing = { 1, 1 };
	private Double thickness;
	private int columns = 4;
	private int rows = 3;
	private boolean signed = true;
	private boolean rgb;
	private Double slope;
	private Double intercept;
	private int[] stored = new int[12];

	/** Transfer Syntax UID in the meta header (the dataset stays explicit VR little endian). */
	TestDicom transferSyntax(final String uid) {
		transferSyntax = uid;
		return this;
	}

	/** Series Instance UID. */
	TestDicom series(final String uid) {
		seriesUid = uid;
		return this;
	}

	/** Image Position (Patient), {@code null} to leave it out. */
	TestDicom position(final double... xyz) {
		position = xyz;
		return this;
	}

	/** Image Orientation (Patient), {@code null} to leave it out. */
	TestDicom orientation(final double... cosines) {
		orientation = cosines;
		return this;
	}

	/** Pixel Spacing: between rows, then between columns. */
	TestDicom pixelSpacing(final double betweenRows, final double betweenColumns) {
		pixelSpacing = new double[] { betweenRows, betweenColumns };
		return this;
	}

	/** Slice Thickness; without this call the tag is not written. */
	TestDicom thickness(final double mm) {
		thickness = mm;
		return this;
	}

	/** Size and stored values, row by row ({@code columns × rows} of them). */
	TestDicom pixels(final int columns, final int rows, final int... values) {
		if (values.length != columns * rows) throw new IllegalArgumentException("need " + columns * rows + " values");
		this.columns = columns;
		this.rows = rows;
		this.stored = values.clone();
		return this;
	}

	/** Pixel Representation: signed (1) or unsigned (0) storage. */
	TestDicom signed(final boolean isSigned) {
		signed = isSigned;
		return this;
	}

	/** An 8-bit RGB slice instead of a grey-level one (the stored values become all three samples). */
	TestDicom rgb() {
		rgb = true;
		return this;
	}

	/** Rescale Slope and Intercept; without this call neither tag is written. */
	TestDicom rescale(final double slopeValue, final double interceptValue) {
		slope = slopeValue;
		intercept = interceptValue;
		return this;
	}

	/** Writes the file. */
	void write(final Path file) throws IOException {
		final ByteArrayOutputStream data = new ByteArrayOutputStream();
		element(data, 0x0008, 0x0060, "CS", text("CT"));
		if (thickness != null) element(data, 0x0018, 0x0050, "DS", text(number(thickness)));
		element(data, 0x0020, 0x000E, "UI", uid(seriesUid));
		if (position != null) element(data, 0x0020, 0x0032, "DS", text(numbers(position)));
		if (orientation != null) element(data, 0x0020, 0x0037, "DS", text(numbers(orientation)));
		element(data, 0x0028, 0x0002, "US", uint16(rgb ? 3 : 1));
		element(data, 0x0028, 0x0004, "CS", text(rgb ? "RGB" : "MONOCHROME2"));
		if (rgb) element(data, 0x0028, 0x0006, "US", uint16(0));
		element(data, 0x0028, 0x0010, "US", uint16(rows));
		element(data, 0x0028, 0x0011, "US", uint16(columns));
		element(data, 0x0028, 0x0030, "DS", text(numbers(pixelSpacing)));
		final int bits = rgb ? 8 : 16;
		element(data, 0x0028, 0x0100, "US", uint16(bits));
		element(data, 0x0028, 0x0101, "US", uint16(bits));
		element(data, 0x0028, 0x0102, "US", uint16(bits - 1));
		element(data, 0x0028, 0x0103, "US", uint16(signed && !rgb ? 1 : 0));
		if (intercept != null) element(data, 0x0028, 0x1052, "DS", text(number(intercept)));
		if (slope != null) element(data, 0x0028, 0x1053, "DS", text(number(slope)));
		element(data, 0x7FE0, 0x0010, rgb ? "OB" : "OW", pixelData());
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[128]);
		out.write("DICM".getBytes(StandardCharsets.US_ASCII));
		out.write(meta());
		data.writeTo(out);
		Files.write(file, out.toByteArray());
	}

	private byte[] meta() throws IOException {
		final ByteArrayOutputStream group = new ByteArrayOutputStream();
		element(group, 0x0002, 0x0001, "OB", new byte[] { 0, 1 });
		element(group, 0x0002, 0x0002, "UI", uid("1.2.840.10008.5.1.4.1.1.2"));
		element(group, 0x0002, 0x0003, "UI", uid(seriesUid + ".1"));
		element(group, 0x0002, 0x0010, "UI", uid(transferSyntax));
		final ByteArrayOutputStream meta = new ByteArrayOutputStream();
		element(meta, 0x0002, 0x0000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
			.putInt(group.size()).array());
		group.writeTo(meta);
		return meta.toByteArray();
	}

	private byte[] pixelData() {
		if (rgb) {
			final byte[] bytes = new byte[3 * stored.length];
			for (int p = 0; p < bytes.length; p++) {
				bytes[p] = (byte) stored[p / 3];
			}
			return bytes;
		}
		final ByteBuffer buffer = ByteBuffer.allocate(2 * stored.length).order(ByteOrder.LITTLE_ENDIAN);
		for (final int v : stored) {
			buffer.putShort((short) v);
		}
		return buffer.array();
	}

	private static void element(final ByteArrayOutputStream out, final int group, final int element,
		final String vr, final byte[] value) throws IOException
	{
		final boolean longForm = vr.equals("OB") || vr.equals("OW");
		final ByteBuffer head = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
		head.putShort((short) group).putShort((short) element);
		head.put(vr.getBytes(StandardCharsets.US_ASCII));
		if (longForm) head.putShort((short) 0).putInt(value.length);
		else head.putShort((short) value.length);
		out.write(head.array());
		out.write(value);
	}

	private static byte[] text(final String s) {
		return (s.length() % 2 == 0 ? s : s + " ").getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] uid(final String s) {
		return (s.length() % 2 == 0 ? s : s + "\0").getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] uint16(final int v) {
		return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
	}

	private static String number(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	private static String numbers(final double[] values) {
		final StringJoiner joined = new StringJoiner("\\");
		for (final double v : values) {
			joined.add(number(v));
		}
		return joined.toString();
	}
}
