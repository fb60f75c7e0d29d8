package covidunet.figure;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import covidunet.BadInputException;

/** Writes figures as PNG files that appear complete or not at all. Works headless. */
public final class PngFiles {

	private PngFiles() {}

	/**
	 * Writes {@code image} to {@code file} through a temporary file in the same folder, replacing
	 * an existing file.
	 *
	 * @throws BadInputException naming the file if it cannot be written; nothing is left behind
	 */
	public static void write(final RenderedImage image, final Path file) {
		final Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp-" +
			Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
		try {
			if (!ImageIO.write(image, "png", temporary.toFile())) {
				throw new IllegalStateException("no PNG writer for this image");
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
		}
		finally {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (final IOException e) {
				// The failure that brought us here is the one to report.
			}
		}
	}
}
