package covidunet.io.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;
import ij.io.FileInfo;

/**
 * Where and how a DICOM file stores its pixels, as the {@link FileInfo} ImageJ's
 * {@link ij.io.FileOpener} decodes: one uncompressed grey-level frame of 8, 16 or 32 bits,
 * signed or unsigned, in the byte order of its transfer syntax.
 */
final class PixelLayout {

	private static final String BIG_ENDIAN = "1.2.840.10008.1.2.2";
	private static final Set<String> UNCOMPRESSED = Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", BIG_ENDIAN);

	private PixelLayout() {}

	/**
	 * The layout of the file's pixels.
	 *
	 * @throws BadInputException if the pixels are compressed, in colour, in several frames, of
	 *           another bit depth, or missing or cut short
	 */
	static FileInfo of(final DicomHeader header, final Path file) {
		final String syntax = header.text("0002,0010");
		if (syntax != null && !UNCOMPRESSED.contains(syntax)) {
			throw new BadInputException(file + ": compressed or unsupported DICOM (Transfer Syntax UID " + syntax +
				"), which ImageJ cannot decode");
		}
		final String photometric = header.text("0028,0004");
		if (header.number("0028,0002", "Samples per Pixel", 1) != 1 ||
			photometric != null && !photometric.startsWith("MONOCHROME"))
		{
			throw new BadInputException(file + ": a colour DICOM image; grey-level slices are needed");
		}
		final double frames = header.number("0028,0008", "Number of Frames", 1);
		if (frames > 1) {
			throw new BadInputException(file + ": holds " + (long) frames + " frames; one slice per file is needed");
		}
		final FileInfo fi = new FileInfo();
		fi.fileFormat = FileInfo.RAW;
		fi.directory = file.toAbsolutePath().getParent().toString() + file.getFileSystem().getSeparator();
		fi.fileName = file.getFileName().toString();
		fi.width = header.integer("0028,0011", "Columns");
		fi.height = header.integer("0028,0010", "Rows");
		fi.fileType = fileType(header, file);
		fi.intelByteOrder = !BIG_ENDIAN.equals(syntax);
		fi.offset = header.integer("7FE0,0010", "Pixel Data");
		requireComplete(fi, file);
		return fi;
	}

	private static int fileType(final DicomHeader header, final Path file) {
		final int bits = header.integer("0028,0100", "Bits Allocated");
		final boolean signed = header.number("0028,0103", "Pixel Representation", 0) == 1;
		switch (bits) {
			case 8:
				return FileInfo.GRAY8;
			case 16:
				return signed ? FileInfo.GRAY16_SIGNED : FileInfo.GRAY16_UNSIGNED;
			case 32:
				return signed ? FileInfo.GRAY32_INT : FileInfo.GRAY32_UNSIGNED;
			default:
				throw new BadInputException(file + ": " + bits + "-bit pixels; 8, 16 or 32 bits are needed");
		}
	}

	private static void requireComplete(final FileInfo fi, final Path file) {
		if (fi.width < 1 || fi.height < 1 || fi.offset < 1) {
			throw new BadInputException(file + ": has no image (" + fi.width + " × " + fi.height + " pixels at byte " +
				fi.offset + ")");
		}
		final long end = fi.offset + (long) fi.width * fi.height * fi.getBytesPerPixel();
		try {
			if (Files.size(file) < end) {
				throw new BadInputException(file + ": pixel data cut short (" + Files.size(file) + " of " + end + " bytes)");
			}
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
	}
}
