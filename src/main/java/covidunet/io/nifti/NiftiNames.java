package covidunet.io.nifti;

import java.nio.file.Path;

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
}
