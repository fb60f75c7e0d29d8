package covidunet.dataset.download;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * A minimal reader of a zip file's central directory, for what {@link java.util.zip.ZipFile}
 * does not expose: the system that made each entry and its external attributes, which hold the
 * Unix file mode (and so say whether the entry is a symbolic link). It finds the directory the
 * way the JDK does (from the end record, counting back by the directory's size), handles ZIP64,
 * and refuses multi-disk archives.
 */
final class CentralDirectory {

	/** The largest central directory read, in bytes. */
	static final int MAX_SIZE = 16 << 20;

	private static final int END = 0x06054b50;
	private static final int END_LENGTH = 22;
	private static final int ZIP64_LOCATOR = 0x07064b50;
	private static final int ZIP64_LOCATOR_LENGTH = 20;
	private static final int ZIP64_END = 0x06064b50;
	private static final int ZIP64_END_LENGTH = 56;
	private static final int HEADER = 0x02014b50;
	private static final int HEADER_LENGTH = 46;
	private static final int MAX_COMMENT = 0xffff;
	private static final int UNIX_TYPE_MASK = 0170000;
	private static final int UNIX_LINK = 0120000;
	private static final int UNIX_FILE = 0100000;
	private static final int UNIX_DIRECTORY = 0040000;
	private static final int DOS_REPARSE_POINT = 0x400;

	/**
	 * One entry as the central directory records it.
	 *
	 * @param name the name, decoded as UTF-8 (as {@code ZipFile} does by default)
	 * @param madeBy the system that made the entry (high byte of "version made by": 0 MS-DOS,
	 *          3 Unix, 19 OS X, …)
	 * @param externalAttributes the external attributes: the Unix mode in the high 16 bits, MS-DOS
	 *          attributes in the low byte
	 * @param flags the general purpose flags (bit 0: encrypted)
	 */
	record Entry(String name, int madeBy, long externalAttributes, int flags) {

		/** The Unix file type and permission bits, 0 if none are recorded. */
		int unixMode() {
			return (int) (externalAttributes >>> 16) & 0xffff;
		}

		/** Whether the entry is a symbolic link (Unix mode) or a Windows reparse point. */
		boolean isLink() {
			return (unixMode() & UNIX_TYPE_MASK) == UNIX_LINK || (externalAttributes & DOS_REPARSE_POINT) != 0;
		}

		/** Whether the Unix mode names a type other than a regular file, a folder or a link. */
		boolean isSpecial() {
			final int type = unixMode() & UNIX_TYPE_MASK;
			return type != 0 && type != UNIX_FILE && type != UNIX_DIRECTORY && type != UNIX_LINK;
		}

		/** Whether the entry is encrypted. */
		boolean isEncrypted() {
			return (flags & 1) != 0;
		}
	}

	private CentralDirectory() {}

	/**
	 * Reads the entries, in the directory's order.
	 *
	 * @param maxEntries the most entries accepted
	 * @throws ZipException if the file is not a well-formed single-disk zip, or has more entries
	 *           or a larger directory than accepted
	 */
	static List<Entry> read(final Path zip, final int maxEntries) throws IOException {
		try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
			final long size = channel.size();
			if (size < END_LENGTH) throw new ZipException("too short for a zip file");
			final int tailLength = (int) Math.min(size, END_LENGTH + MAX_COMMENT);
			final long tailStart = size - tailLength;
			final ByteBuffer tail = read(channel, tailStart, tailLength);
			int end = tailLength - END_LENGTH;
			while (end >= 0 && tail.getInt(end) != END) end--;
			if (end < 0) throw new ZipException("no end of central directory record");
			if ((tail.getShort(end + 4) & 0xffff) != 0 || (tail.getShort(end + 6) & 0xffff) != 0) {
				throw new ZipException("a multi-disk zip");
			}
			long count = tail.getShort(end + 10) & 0xffff;
			long length = tail.getInt(end + 12) & 0xffffffffL;
			long endPosition = tailStart + end;
			if (count == 0xffff || length == 0xffffffffL || (tail.getInt(end + 16) & 0xffffffffL) == 0xffffffffL) {
				final long[] zip64 = zip64(channel, endPosition);
				count = zip64[0];
				length = zip64[1];
				endPosition = zip64[2];
			}
			if (count > maxEntries) throw new ZipException("more than " + maxEntries + " entries");
			if (length > MAX_SIZE) throw new ZipException("a central directory larger than " + MAX_SIZE + " bytes");
			final long start = endPosition - length;
			if (start < 0) throw new ZipException("a central directory larger than the file");
			return entries(read(channel, start, (int) length), (int) count);
		}
	}

	/** Entry count, directory length and position of the ZIP64 end record. */
	private static long[] zip64(final FileChannel channel, final long endPosition) throws IOException {
		if (endPosition < ZIP64_LOCATOR_LENGTH) throw new ZipException("no ZIP64 end locator");
		final ByteBuffer locator = read(channel, endPosition - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
		if (locator.getInt(0) != ZIP64_LOCATOR) throw new ZipException("no ZIP64 end locator");
		final long position = locator.getLong(8);
		if (position < 0 || position > endPosition - ZIP64_LOCATOR_LENGTH - ZIP64_END_LENGTH) {
			throw new ZipException("a bad ZIP64 end record position");
		}
		final ByteBuffer record = read(channel, position, ZIP64_END_LENGTH);
		if (record.getInt(0) != ZIP64_END) throw new ZipException("no ZIP64 end record");
		if (record.getInt(16) != 0 || record.getInt(20) != 0) throw new ZipException("a multi-disk zip");
		final long count = record.getLong(32);
		final long length = record.getLong(40);
		if (count < 0 || length < 0) throw new ZipException("a bad ZIP64 end record");
		return new long[] { count, length, position };
	}

	private static List<Entry> entries(final ByteBuffer directory, final int count) throws ZipException {
		final List<Entry> entries = new ArrayList<>(count);
		int p = 0;
		for (int i = 0; i < count; i++) {
			if (p + HEADER_LENGTH > directory.limit() || directory.getInt(p) != HEADER) {
				throw new ZipException("a bad central directory header (entry " + (i + 1) + ")");
			}
			final int madeBy = (directory.getShort(p + 4) & 0xffff) >>> 8;
			final int flags = directory.getShort(p + 8) & 0xffff;
			final int nameLength = directory.getShort(p + 28) & 0xffff;
			final int extraLength = directory.getShort(p + 30) & 0xffff;
			final int commentLength = directory.getShort(p + 32) & 0xffff;
			final long external = directory.getInt(p + 38) & 0xffffffffL;
			final int next = p + HEADER_LENGTH + nameLength + extraLength + commentLength;
			if (next > directory.limit()) throw new ZipException("a truncated central directory (entry " + (i + 1) + ")");
			final byte[] name = new byte[nameLength];
			directory.get(p + HEADER_LENGTH, name);
			entries.add(new Entry(new String(name, StandardCharsets.UTF_8), madeBy, external, flags));
			p = next;
		}
		return entries;
	}

	private static ByteBuffer read(final FileChannel channel, final long position, final int length)
		throws IOException
	{
		final ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position()) < 0) throw new EOFException("zip file ends early");
		}
		return buffer.flip();
	}
}
