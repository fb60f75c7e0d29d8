package covidunet.figure;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import covidunet.BadInputException;

/**
 * Writes figures as PNG files, compressed as much as PNG allows (figures are small, and go into
 * READMEs and reports), that appear complete or not at all. Works headless.
 */
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
		final ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		try {
			try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(temporary))) {
				final ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(0f);
				writer.setOutput(out);
				writer.write(null, new IIOImage(image, null, null), param);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
		}
		finally {
			writer.dispose();
			try {
				Files.deleteIfExists(temporary);
			}
			catch (final IOException e) {
				// The failure that brought us here is the one to report.
			}
		}
	}
}
