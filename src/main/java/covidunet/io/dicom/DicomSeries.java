package covidunet.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.io.Volume;

/**
 * A folder of DICOM slices of one series, read as one volume.
 * <p>
 * Every DICOM file directly in the folder (a regular file with {@code DICM} at byte 128, any
 * name) is one uncompressed grey-level slice: ImageJ 1.x reads its header (DICOM reader) and
 * decodes its pixels (file opener). Values are
 * rescaled by Rescale Slope and Intercept (HU for CT), whether stored signed or unsigned. Slices
 * are ordered by position along the slice normal, must be evenly spaced and share the Series
 * Instance UID, size, pixel spacing and orientation; the geometry comes from Image Position and
 * Image Orientation (Patient) and Pixel Spacing, converted from DICOM's LPS to NIfTI's RAS+ (see
 * {@link SliceStack}).
 */
public final class DicomSeries {

	private DicomSeries() {}

	/**
	 * Whether {@code folder} holds at least one DICOM file and no NIfTI file ({@code .nii},
	 * {@code .nii.gz}); false if it cannot be listed.
	 */
	public static boolean isSeriesFolder(final Path folder) {
		return DicomFolder.isSeries(folder);
	}

	/**
	 * Reads the series in {@code folder} as a volume of rescaled values, voxel (i, j, k) being
	 * column i and row j of the k-th slice along the slice normal.
	 *
	 * @param progress told of each slice read, asked whether to stop
	 * @throws BadInputException one line naming the folder or file: no DICOM files, a file ImageJ
	 *           cannot decode (compressed or unsupported), colour or multi-frame, several series,
	 *           slices of different sizes, a missing position or orientation in a series of several
	 *           slices, uneven spacing
	 */
	public static Volume<FloatType> read(final Path folder, final Progress progress) {
		final List<Path> files = DicomFolder.files(folder);
		if (files.isEmpty()) throw new BadInputException(folder + ": holds no DICOM files");
		final List<DicomSlice> slices = new ArrayList<>(files.size());
		for (final Path file : files) {
			progress.checkCancelled();
			progress.report("reading DICOM slices", slices.size(), files.size());
			slices.add(DicomSlice.read(file));
		}
		progress.report("reading DICOM slices", files.size(), files.size());
		if (slices.size() > 1) slices.forEach(DicomSlice::requirePlacement);
		SeriesChecks.requireOneSeries(folder, slices);
		final SliceStack stack = SliceStack.of(folder, slices);
		return new Volume<>(planes(stack.ordered()), stack.geometry());
	}

	private static PlanarImg<FloatType, FloatArray> planes(final List<DicomSlice> ordered) {
		final List<FloatArray> planes = new ArrayList<>(ordered.size());
		for (final DicomSlice s : ordered) {
			planes.add(new FloatArray(s.values()));
		}
		final DicomSlice first = ordered.get(0);
		final long[] dims = { first.columns(), first.rows(), ordered.size() };
		final PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes, dims, new Fraction());
		img.setLinkedType(new FloatType(img));
		return img;
	}
}
