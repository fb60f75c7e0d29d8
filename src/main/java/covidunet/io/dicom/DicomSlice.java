package covidunet.io.dicom;

import java.nio.file.Path;
import java.util.Objects;

import covidunet.BadInputException;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.plugin.DICOM;

/**
 * One DICOM file decoded by ImageJ 1.x: its pixels in rescaled values (HU for CT) and the
 * header values that place it in its series. Positions and directions are in DICOM's patient
 * coordinates (LPS, mm).
 */
final class DicomSlice {

	private static final String POSITION = "0020,0032";
	private static final String ORIENTATION = "0020,0037";

	private final Path file;
	private final String seriesUid;
	private final int columns;
	private final int rows;
	private final double[] pixelSpacing;
	private final double[] position;
	private final double[] orientation;
	private final double thickness;
	private final float[] values;

	private DicomSlice(final Path file, final DicomHeader header, final ImagePlus stored) {
		this.file = file;
		this.seriesUid = Objects.requireNonNullElse(header.text("0020,000E"), "");
		this.columns = stored.getWidth();
		this.rows = stored.getHeight();
		this.pixelSpacing = header.numbers("0028,0030", "Pixel Spacing", 2);
		if (pixelSpacing == null) throw new BadInputException(file + ": has no Pixel Spacing (0028,0030)");
		if (!(pixelSpacing[0] > 0 && pixelSpacing[1] > 0)) {
			throw header.invalid("0028,0030", "Pixel Spacing", header.text("0028,0030"));
		}
		this.position = header.numbers(POSITION, "Image Position (Patient)", 3);
		this.orientation = directions(header);
		this.thickness = header.number("0018,0050", "Slice Thickness", Double.NaN);
		this.values = Hounsfield.values(stored, header.number("0028,1053", "Rescale Slope", 1),
			header.number("0028,1052", "Rescale Intercept", 0));
	}

	/**
	 * Reads a file: its header with ImageJ's DICOM reader, its pixels with ImageJ's
	 * {@link FileOpener} (see {@link PixelLayout}).
	 *
	 * @throws BadInputException if ImageJ cannot decode it, it is compressed, in colour or has
	 *           several frames, or a header value it needs is missing or unusable
	 */
	static DicomSlice read(final Path file) {
		final DicomHeader header = new DicomHeader(headerText(file), file);
		return new DicomSlice(file, header, decode(PixelLayout.of(header, file), file));
	}

	/** The file it was read from. */
	Path file() {
		return file;
	}

	/** Its Series Instance UID, empty if it has none. */
	String seriesUid() {
		return seriesUid;
	}

	/** Its width in pixels. */
	int columns() {
		return columns;
	}

	/** Its height in pixels. */
	int rows() {
		return rows;
	}

	/** Pixel Spacing as DICOM gives it: between rows, then between columns (mm). */
	double[] pixelSpacing() {
		return pixelSpacing.clone();
	}

	/** Image Position (Patient): where the first pixel's centre lies, or {@code null} if absent. */
	double[] position() {
		return position == null ? null : position.clone();
	}

	/**
	 * Image Orientation (Patient) as unit vectors: the direction along a row (increasing column),
	 * then along a column (increasing row); {@code null} if absent.
	 */
	double[] orientation() {
		return orientation == null ? null : orientation.clone();
	}

	/** Slice Thickness in mm, {@code NaN} if absent. */
	double thickness() {
		return thickness;
	}

	/** The rescaled pixel values, row by row; the array itself, not a copy. */
	float[] values() {
		return values;
	}

	/**
	 * Requires the position and orientation that placing it among several slices needs.
	 *
	 * @throws BadInputException naming the file and the missing tag
	 */
	void requirePlacement() {
		if (position == null) throw missing("Image Position (Patient) (" + POSITION + ")");
		if (orientation == null) throw missing("Image Orientation (Patient) (" + ORIENTATION + ")");
	}

	private static String headerText(final Path file) {
		try {
			final String info = new DICOM().getInfo(file.toAbsolutePath().toString());
			if (info != null && !info.isBlank()) return info;
		}
		catch (final RuntimeException e) {
			throw undecodable(file, e);
		}
		throw undecodable(file, null);
	}

	private static ImagePlus decode(final FileInfo layout, final Path file) {
		try {
			final ImagePlus stored = new FileOpener(layout).openImage();
			if (stored != null) return stored;
		}
		catch (final RuntimeException e) {
			throw undecodable(file, e);
		}
		throw undecodable(file, null);
	}

	private static BadInputException undecodable(final Path file, final RuntimeException cause) {
		return new BadInputException(file + ": compressed or unsupported DICOM, which ImageJ cannot decode", cause);
	}

	private BadInputException missing(final String tag) {
		return new BadInputException(file + ": has no " + tag + ", which a series of several slices needs");
	}

	private static double[] directions(final DicomHeader header) {
		final double[] cosines = header.numbers(ORIENTATION, "Image Orientation (Patient)", 6);
		if (cosines == null) return null;
		final double row = Vectors.norm(cosines, 0), column = Vectors.norm(cosines, 3);
		final double dot = Vectors.dot(cosines, 0, cosines, 3);
		if (Math.abs(row - 1) > 0.01 || Math.abs(column - 1) > 0.01 || Math.abs(dot) > 0.01) {
			throw header.invalid(ORIENTATION, "Image Orientation (Patient)", header.text(ORIENTATION));
		}
		for (int d = 0; d < 3; d++) {
			cosines[d] /= row;
			cosines[3 + d] /= column;
		}
		return cosines;
	}
}
