package covidunet.io.dicom;

import java.nio.file.Path;

import net.imglib2.type.numeric.real.FloatType;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.io.Volume;

/** A folder of DICOM slices of one series (placeholder until the reader lands on this branch). */
public final class DicomSeries {

	private DicomSeries() {}

	/** Whether {@code folder} holds DICOM slices. */
	public static boolean isSeriesFolder(final Path folder) {
		return false;
	}

	/** Reads the series in {@code folder}. */
	public static Volume<FloatType> read(final Path folder, final Progress progress) {
		throw new BadInputException(folder + ": DICOM series are not read yet");
	}
}
