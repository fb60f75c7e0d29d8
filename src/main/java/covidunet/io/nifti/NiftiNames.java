package covidunet.io.nifti;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** File names of NIfTI volumes: case ids are file names without {@code .nii.gz} or {@code .nii}. */
public final class NiftiNames {

	private NiftiNames() {}

	/** The file name without its {@code .nii.gz} or {@code .nii} ending (any case). */
	public static String stem(final Path file) {
		final String name = file.getFileName().toString();
		final String lower = name.toLowerCase();
		if (lower.endsWith(".nii.gz")) return name.substring(0, name.length() - 7);
		if (lower.endsWith(".nii")) return name.substring(0, name.length() - 4);
		return name;
	}

	/** Whether a file name ends with {@code .nii.gz} or {@code .nii} (any case). */
	public static boolean isNifti(final String name) {
		final String lower = name.toLowerCase();
		return lower.endsWith(".nii.gz") || lower.endsWith(".nii");
	}

	/** The regular NIfTI files directly in {@code folder}, sorted by path. */
	public static List<Path> filesIn(final Path folder) throws IOException {
		final List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (final Path p : entries) {
				if (Files.isRegularFile(p) && isNifti(p.getFileName().toString())) files.add(p);
			}
		}
		files.sort(null);
		return files;
	}
}
