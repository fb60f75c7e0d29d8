package covidunet.io.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;

/**
 * The DICOM files directly in a folder: regular files with {@code DICM} at byte 128, whatever
 * their names, except a {@code DICOMDIR} index. Other files and subfolders are ignored.
 */
final class DicomFolder {

	private static final int MAGIC_OFFSET = 128;
	private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);

	private DicomFolder() {}

	/**
	 * Whether the folder holds a DICOM file and no NIfTI file ({@code .nii}, {@code .nii.gz});
	 * false if it cannot be listed. Files that cannot be read do not count.
	 */
	static boolean isSeries(final Path folder) {
		boolean dicom = false;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (final Path p : entries) {
				final String name = p.getFileName().toString();
				if (name.endsWith(".nii") || name.endsWith(".nii.gz")) return false;
				dicom = dicom || readableDicom(p);
			}
			return dicom;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/**
	 * The folder's DICOM files in name order.
	 *
	 * @throws BadInputException if the folder or one of its files cannot be read
	 */
	static List<Path> files(final Path folder) {
		final List<Path> files = new ArrayList<>();
		Path current = folder;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (final Path p : entries) {
				current = p;
				if (isDicom(p)) files.add(p);
			}
		}
		catch (final IOException e) {
			throw new BadInputException(current + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
		files.sort(null);
		return files;
	}

	private static boolean readableDicom(final Path file) {
		try {
			return isDicom(file);
		}
		catch (final IOException e) {
			return false;
		}
	}

	private static boolean isDicom(final Path file) throws IOException {
		if (!Files.isRegularFile(file) || file.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
			return false;
		}
		try (InputStream in = Files.newInputStream(file)) {
			final byte[] head = in.readNBytes(MAGIC_OFFSET + MAGIC.length);
			return head.length == MAGIC_OFFSET + MAGIC.length &&
				Arrays.equals(head, MAGIC_OFFSET, head.length, MAGIC, 0, MAGIC.length);
		}
	}
}
