package covidunet.io.nifti;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import covidunet.BadInputException;

/**
 * The byte stream of a NIfTI-1 file, gunzipped when the file starts with the gzip magic: reads
 * in order, checks declared sizes against the file, and turns every I/O failure into a
 * one-line {@link BadInputException} that starts with the file's name.
 */
final class NiftiInput implements Closeable {

	/** Compressed bytes read from the file at a time. */
	private static final int GZIP_BUFFER = 1 << 17;

	/** DEFLATE's largest compression ratio (258 bytes from 2 bits, plus block overheads). */
	private static final long DEFLATE_MAX_RATIO = 1032;

	/** Slack over the DEFLATE bound for gzip headers and tiny files. */
	private static final long DEFLATE_SLACK = 1 << 16;

	private final String name;
	private final boolean gzip;
	private final long length;
	private final InputStream in;
	private long position;

	private NiftiInput(final String name, final boolean gzip, final long length, final InputStream in) {
		this.name = name;
		this.gzip = gzip;
		this.length = length;
		this.in = in;
	}

	/** Opens a file, telling a folder, a missing, unreadable or empty file apart. */
	static NiftiInput open(final Path file) {
		final String name = file.toString();
		if (Files.isDirectory(file)) throw bad(name, "is a folder, not a file");
		final long length;
		final PushbackInputStream raw;
		try {
			length = Files.size(file);
			raw = new PushbackInputStream(Files.newInputStream(file), 2);
		}
		catch (final NoSuchFileException e) {
			throw new BadInputException(name + ": cannot read (no such file)", e);
		}
		catch (final AccessDeniedException e) {
			throw new BadInputException(name + ": cannot read (permission denied)", e);
		}
		catch (final IOException e) {
			throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
		}
		if (length == 0) {
			close(raw, name);
			throw bad(name, "empty file");
		}
		final boolean gzip;
		try {
			final byte[] magic = raw.readNBytes(2);
			raw.unread(magic);
			gzip = magic.length == 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b;
		}
		catch (final IOException e) {
			close(raw, name);
			throw failure(name, false, e);
		}
		try {
			return new NiftiInput(name, gzip, length, gzip ? new GZIPInputStream(raw, GZIP_BUFFER) : raw);
		}
		catch (final IOException e) {
			close(raw, name);
			throw failure(name, true, e);
		}
	}

	/** Reads and checks the header. */
	NiftiHeader readHeader() {
		final byte[] bytes = new byte[NiftiHeader.SIZE];
		final int count = read(bytes, 0, bytes.length);
		if (count == 0) throw bad(name, gzip ? "empty gzip content" : "empty file");
		return NiftiHeader.parse(count < bytes.length ? Arrays.copyOf(bytes, count) : bytes, name);
	}

	/**
	 * Checks, before anything is allocated, that the file can hold what the header declares:
	 * an uncompressed file must be exactly as long as its header says; a gzip file must not
	 * declare more than DEFLATE can have compressed into its length.
	 */
	void checkDeclaredSize(final NiftiHeader header) {
		final long data = header.dataBytes();
		final long offset = header.voxOffset();
		final long declared = offset > Long.MAX_VALUE - data ? Long.MAX_VALUE : offset + data;
		if (gzip) {
			final long bound = DEFLATE_MAX_RATIO * length + DEFLATE_SLACK;
			if (declared > bound) {
				throw bad(name, "absurd declared size: the header declares " + data + " bytes of voxel data (" +
					header.datatype() + ", " + header.voxelCount() + " voxels) after byte " + offset + ", but a " +
					length + "-byte gzip file can hold at most " + bound + " bytes");
			}
		}
		else if (declared != length) {
			throw mismatch(data, Math.max(0, length - offset));
		}
	}

	/** Reads and drops bytes up to {@code offset}, the start of the voxel data. */
	void skipTo(final long offset, final long dataBytes) {
		final byte[] scratch = new byte[(int) Math.min(offset - position, 1 << 16)];
		while (position < offset) {
			final int want = (int) Math.min(scratch.length, offset - position);
			if (read(scratch, 0, want) < want) throw mismatch(dataBytes, 0);
		}
	}

	/**
	 * Reads exactly {@code count} bytes of voxel data into {@code target[offset…]}.
	 *
	 * @param dataStart where the voxel data started, for the message if the file ends
	 * @param dataBytes how many bytes of voxel data the header declares, for that message
	 */
	void readData(final byte[] target, final int offset, final int count, final long dataStart,
		final long dataBytes)
	{
		if (read(target, offset, count) < count) throw mismatch(dataBytes, position - dataStart);
	}

	/** Checks that the file ends right after the voxel data. */
	void expectEnd(final long dataStart, final long dataBytes) {
		final byte[] scratch = new byte[1 << 16];
		long extra = 0;
		int count;
		while ((count = read(scratch, 0, scratch.length)) > 0) {
			extra += count;
		}
		if (extra > 0) throw mismatch(dataBytes, position - dataStart);
	}

	/** A failure of this file, with {@code problem} after its name. */
	BadInputException bad(final String problem) {
		return bad(name, problem);
	}

	@Override
	public void close() {
		close(in, name);
	}

	private BadInputException mismatch(final long declared, final long held) {
		if (held < declared) {
			return bad(name, "truncated: header declares " + declared + " bytes of voxel data, file holds " + held);
		}
		return bad(name, "file holds " + held + " bytes of voxel data but its header declares " + declared +
			" (dims do not match the file's length)");
	}

	private int read(final byte[] target, final int offset, final int count) {
		try {
			final int n = in.readNBytes(target, offset, count);
			position += n;
			return n;
		}
		catch (final IOException e) {
			throw failure(name, gzip, e);
		}
	}

	private static BadInputException failure(final String name, final boolean gzip, final IOException e) {
		if (gzip && e instanceof EOFException) {
			return new BadInputException(name + ": truncated gzip stream", e);
		}
		if (gzip && e instanceof ZipException) {
			return new BadInputException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
		}
		return new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
	}

	private static void close(final InputStream stream, final String name) {
		try {
			stream.close();
		}
		catch (final IOException e) {
			throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
		}
	}

	private static BadInputException bad(final String name, final String problem) {
		return new BadInputException(name + ": " + problem);
	}
}
