package covidunet.ui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;

/** Opens an evaluation's PNG figures as Fiji windows (never call when headless). */
public final class FigureWindows {

	private FigureWindows() {}

	/** Shows every {@code .png} of {@code folder}, in name order; a folder that cannot be read shows nothing. */
	public static void show(final Path folder) {
		final List<Path> pngs = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.png")) {
			entries.forEach(pngs::add);
		}
		catch (final IOException e) {
			IJ.log("cannot list the figures in " + folder + ": " + e.getMessage());
			return;
		}
		pngs.sort(null);
		for (final Path p : pngs) {
			final ImagePlus imp = IJ.openImage(p.toString());
			if (imp != null) imp.show();
		}
	}
}
