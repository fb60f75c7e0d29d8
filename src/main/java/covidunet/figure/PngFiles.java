package covidunet.figure;

import java.awt.image.RenderedImage;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;

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
		AtomicFiles.write(file, out -> {
			final ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
			try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
				final ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(0f);
				writer.setOutput(stream);
				writer.write(null, new IIOImage(image, null, null), param);
			}
			finally {
				writer.dispose();
			}
		});
	}
}
