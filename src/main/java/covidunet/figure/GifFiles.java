package covidunet.figure;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import covidunet.io.AtomicFiles;

/**
 * Writes animated GIF files that loop forever, atomically (through {@link AtomicFiles}), with
 * the JDK's GIF writer: each frame's delay in its "GraphicControlExtension", looping in the
 * "NETSCAPE2.0" application extension. Frames are reduced to 256 colours by the writer. Works
 * headless.
 */
public final class GifFiles {

	private static final String FORMAT = "javax_imageio_gif_image_1.0";

	private GifFiles() {}

	/**
	 * Writes {@code frames}, each shown {@code delayMs} milliseconds (rounded to GIF's hundredths),
	 * to {@code file}, replacing an existing file.
	 *
	 * @throws IllegalArgumentException if there are no frames
	 * @throws covidunet.BadInputException naming the file if it cannot be written
	 */
	public static void write(final List<BufferedImage> frames, final int delayMs, final Path file) {
		if (frames.isEmpty()) throw new IllegalArgumentException(file + ": no frames to write");
		AtomicFiles.write(file, out -> {
			final ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
			try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
				writer.setOutput(stream);
				writer.prepareWriteSequence(null);
				for (int i = 0; i < frames.size(); i++) {
					final BufferedImage frame = frames.get(i);
					final IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
						null);
					metadata.mergeTree(FORMAT, tree(Math.max(1, Math.round(delayMs / 10f)), i == 0));
					writer.writeToSequence(new IIOImage(frame, null, metadata), null);
				}
				writer.endWriteSequence();
			}
			finally {
				writer.dispose();
			}
		});
	}

	/** The frame's delay in hundredths of a second, and on the first frame the looping extension. */
	private static IIOMetadataNode tree(final int delay, final boolean first) {
		final IIOMetadataNode root = new IIOMetadataNode(FORMAT);
		final IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
		control.setAttribute("disposalMethod", "none");
		control.setAttribute("userInputFlag", "FALSE");
		control.setAttribute("transparentColorFlag", "FALSE");
		control.setAttribute("delayTime", Integer.toString(delay));
		control.setAttribute("transparentColorIndex", "0");
		root.appendChild(control);
		if (first) {
			final IIOMetadataNode extensions = new IIOMetadataNode("ApplicationExtensions");
			final IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
			loop.setAttribute("applicationID", "NETSCAPE");
			loop.setAttribute("authenticationCode", "2.0");
			// Sub-block 1, loop count 0 (forever), little-endian.
			loop.setUserObject(new byte[] { 1, 0, 0 });
			extensions.appendChild(loop);
			root.appendChild(extensions);
		}
		return root;
	}
}
