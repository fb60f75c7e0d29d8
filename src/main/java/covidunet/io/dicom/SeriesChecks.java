package covidunet.io.dicom;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import covidunet.BadInputException;

/**
 * What the slices of one folder must share to be one volume: the Series Instance UID, the size,
 * the pixel spacing and the orientation.
 */
final class SeriesChecks {

	private static final double SPACING_TOLERANCE = 1e-3;
	private static final double COSINE_TOLERANCE = 1e-3;

	private SeriesChecks() {}

	/**
	 * Requires every slice to match the first. Slices without an orientation match only each other,
	 * so a series of several slices should be checked for {@link DicomSlice#requirePlacement} first.
	 *
	 * @param folder the folder, named in errors
	 * @throws BadInputException naming the folder and two files that differ
	 */
	static void requireOneSeries(final Path folder, final List<DicomSlice> slices) {
		final DicomSlice first = slices.get(0);
		for (final DicomSlice s : slices) {
			if (!s.seriesUid().equals(first.seriesUid())) {
				throw differ(folder, "holds several series (Series Instance UID", first, s,
					t -> t.seriesUid().isEmpty() ? "none" : t.seriesUid(),
					"); put each series in its own folder");
			}
			if (s.columns() != first.columns() || s.rows() != first.rows()) {
				throw differ(folder, "slices differ in size (columns × rows", first, s,
					t -> t.columns() + " × " + t.rows(), ")");
			}
			if (!close(s.pixelSpacing(), first.pixelSpacing(), SPACING_TOLERANCE)) {
				throw differ(folder, "slices differ in pixel spacing (mm", first, s,
					t -> Arrays.toString(t.pixelSpacing()), ")");
			}
			if (!close(s.orientation(), first.orientation(), COSINE_TOLERANCE)) {
				throw differ(folder, "slices differ in orientation (direction cosines", first, s,
					t -> Arrays.toString(t.orientation()), ")");
			}
		}
	}

	private static boolean close(final double[] a, final double[] b, final double tolerance) {
		if (a == null || b == null) return a == b;
		for (int i = 0; i < a.length; i++) {
			if (Math.abs(a[i] - b[i]) > tolerance) return false;
		}
		return true;
	}

	private static BadInputException differ(final Path folder, final String what, final DicomSlice a,
		final DicomSlice b, final Function<DicomSlice, String> value, final String end)
	{
		return new BadInputException(folder + ": " + what + " " + value.apply(a) + " in " + a.file().getFileName() +
			", " + value.apply(b) + " in " + b.file().getFileName() + end);
	}
}
