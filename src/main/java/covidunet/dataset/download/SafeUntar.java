package covidunet.dataset.download;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.io.FileTrees;

/**
 * Extracts a tar file (plain, or gzip-compressed: recognised by its content, not its name)
 * completely or not at all, as {@link SafeUnzip} does a zip.
 * <p>
 * Extracted: regular files and folders of POSIX ustar, GNU and V7 tars, with long names given by
 * POSIX extended headers ({@code path}, {@code size}) or GNU's long-name entries. Refused, with
 * one line naming the tar and the entry: names that are absolute or contain {@code ..},
 * backslashes or colons (see {@link EntryPaths}); links (symbolic and hard), devices, FIFOs,
 * sparse files and any other entry type; two entries for one path (compared as
 * {@link EntryPaths#key} does: ignoring case and Unicode normalisation; also a file where
 * another entry needs a folder); more than {@value #MAX_ENTRIES} entries; more extracted bytes
 * than {@value SafeUnzip#MAX_EXPANSION} times the tar's size or {@value SafeUnzip#MAX_TOTAL_BYTES}
 * bytes (a gzip bomb); a truncated or corrupt file.
 * </p>
 * <p>
 * A tar is read once, as a stream, so entries are checked as they come: everything goes into a
 * hidden folder beside the target ({@code .<target>.extracting}, removed first if a killed run
 * left it), renamed to the target only when the whole tar was read, and deleted on any failure or
 * cancellation, so nothing is left behind.
 * </p>
 */
public final class SafeUntar {

	/** The most entries (files, folders and extended headers) a tar may have. */
	public static final int MAX_ENTRIES = 10_000;

	/** The largest extended header or GNU long name read, in bytes. */
	private static final int MAX_HEADER_DATA = 1 << 20;

	private static final int CHUNK = 1 << 16;

	private SafeUntar() {}

	/** Whether a file name is that of a tar file: {@code .tar}, {@code .tar.gz} or {@code .tgz}. */
	public static boolean isTarName(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".tar") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz");
	}

	/**
	 * Checks a tar file while extracting it into a new folder {@code target}.
	 *
	 * @param progress gets reports of the bytes of the tar read; checked for cancellation between
	 *          chunks
	 * @throws BadInputException naming the tar and the entry if the tar is unsafe, corrupt or
	 *           truncated, naming the target if it exists or cannot be written; nothing is left
	 *           behind
	 * @throws CancelledException if cancelled; nothing is left behind
	 */
	public static void extract(final Path tar, final Path target, final Progress progress) {
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new BadInputException(target + ": exists already; not extracting " + tar + " over it");
		}
		try {
			FileTrees.createComplete(target, SafeUnzip.EXTRACTING, temporary -> {
				final long size = Files.size(tar);
				try (Counting counted = new Counting(Files.newInputStream(tar))) {
					new Extraction(tar, temporary, Math.min(SafeUnzip.MAX_TOTAL_BYTES, SafeUnzip.MAX_EXPANSION * size),
						counted, size, progress).run(decompressed(tar, counted));
				}
			});
		}
		catch (final IOException exc) {
			throw new BadInputException("cannot extract " + tar + " into " + target + ": " + exc.getMessage(), exc);
		}
	}

	/** The tar's bytes: gunzipped if they start with gzip's magic number. */
	private static InputStream decompressed(final Path tar, final InputStream raw) {
		final BufferedInputStream in = new BufferedInputStream(raw, CHUNK);
		try {
			in.mark(2);
			final boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
			in.reset();
			return gzip ? new GZIPInputStream(in, CHUNK) : in;
		}
		catch (final IOException exc) {
			throw notTar(tar, exc);
		}
	}

	private static BadInputException notTar(final Path tar, final IOException exc) {
		return new BadInputException(tar + ": refused: not a readable tar file (" + (exc instanceof EOFException ?
			"truncated" : exc.getMessage()) + "); nothing extracted", exc);
	}

	/** The state of one extraction: the names seen, the bytes written, a pending long name. */
	private static final class Extraction {

		private final Path tar;
		private final Path folder;
		private final long cap;
		private final Counting counted;
		private final long tarSize;
		private final Progress progress;
		private final Map<String, String> files = new HashMap<>();
		private final Set<String> folders = new HashSet<>();
		private final byte[] buffer = new byte[CHUNK];
		private String longName;
		private long longSize = -1;
		private long total;
		private int entries;

		Extraction(final Path tar, final Path folder, final long cap, final Counting counted, final long tarSize,
			final Progress progress)
		{
			this.tar = tar;
			this.folder = folder;
			this.cap = cap;
			this.counted = counted;
			this.tarSize = tarSize;
			this.progress = progress;
		}

		void run(final InputStream in) throws IOException {
			final String task = "extracting " + tar.getFileName();
			final byte[] block = new byte[TarHeader.BLOCK];
			while (readBlock(in, block)) {
				progress.checkCancelled();
				final TarHeader header;
				try {
					header = TarHeader.parse(block);
				}
				catch (final IllegalArgumentException exc) {
					throw new BadInputException(tar + ": refused: not a tar file (" + exc.getMessage() + " after " +
						entries + " entries); nothing extracted");
				}
				if (header == null) break;
				if (++entries > MAX_ENTRIES) throw refused(header.name(), "is one entry more than " + MAX_ENTRIES);
				entry(in, header);
				progress.report(task, Math.min(counted.count(), tarSize), tarSize);
			}
			progress.report(task, tarSize, tarSize);
		}

		private void entry(final InputStream in, final TarHeader header) throws IOException {
			switch (header.type()) {
				case 'x' -> {
					extended(data(in, header), header);
					return;
				}
				case 'L' -> {
					longName = new String(data(in, header), StandardCharsets.UTF_8).replaceAll("\0+$", "");
					return;
				}
				case 'g', 'K' -> {
					data(in, header);
					return;
				}
				default -> {}
			}
			final String name = longName != null ? longName : header.name();
			final long size = longSize >= 0 ? longSize : header.size();
			longName = null;
			longSize = -1;
			if (header.type() == '1' || header.type() == '2') throw refused(name, "is a link");
			if (header.type() == '3' || header.type() == '4' || header.type() == '6') {
				throw refused(name, "is a device or FIFO");
			}
			if (!header.isFile() && !header.isDirectory()) {
				throw refused(name, "has the unsupported type '" + header.type() + "'");
			}
			final String path = path(name);
			if (header.isDirectory()) {
				directory(name, path);
				skip(in, TarHeader.padded(size));
			}
			else {
				file(in, name, path, size);
			}
		}

		/** The data of an extended header or a long name. */
		private byte[] data(final InputStream in, final TarHeader header) throws IOException {
			if (header.size() > MAX_HEADER_DATA) {
				throw refused(header.name(), "is an extended header of more than " + MAX_HEADER_DATA + " bytes");
			}
			final byte[] data = new byte[(int) header.size()];
			readFully(in, data, data.length);
			skip(in, header.paddedSize() - header.size());
			return data;
		}

		/** Reads the records ({@code <length> <key>=<value>\n}, the length in bytes) of a POSIX extended header. */
		private void extended(final byte[] records, final TarHeader header) {
			int at = 0;
			while (at < records.length) {
				int space = at;
				int length = 0;
				while (space < records.length && Character.isDigit(records[space]) && length < records.length) {
					length = length * 10 + records[space++] - '0';
				}
				final int end = at + length;
				if (space == at || space >= records.length || records[space] != ' ' || end > records.length ||
					end <= space + 1 || records[end - 1] != '\n')
				{
					throw refused(header.name(), "is a malformed extended header");
				}
				final String record = new String(records, space + 1, end - space - 2, StandardCharsets.UTF_8);
				final int equals = record.indexOf('=');
				if (equals < 0) throw refused(header.name(), "is a malformed extended header");
				final String key = record.substring(0, equals);
				final String value = record.substring(equals + 1);
				if (key.equals("path")) longName = value;
				if (key.equals("size")) longSize = size(value, header);
				at = end;
			}
		}

		private long size(final String value, final TarHeader header) {
			try {
				final long size = Long.parseLong(value);
				if (size >= 0) return size;
			}
			catch (final NumberFormatException exc) {
				// refused below
			}
			throw refused(header.name(), "is an extended header with a bad size '" + value + "'");
		}

		private String path(final String name) {
			try {
				return EntryPaths.normalise(name);
			}
			catch (final IllegalArgumentException exc) {
				throw refused(name, exc.getMessage());
			}
		}

		private void directory(final String name, final String path) throws IOException {
			if (path.isEmpty()) return;
			final String key = EntryPaths.key(path);
			if (files.containsKey(key)) throw refused(name, "is a folder and a file");
			parents(name, path);
			folders.add(key);
			Files.createDirectories(resolve(name, path));
		}

		private void file(final InputStream in, final String name, final String path, final long size)
			throws IOException
		{
			if (path.isEmpty()) throw refused(name, "has an empty name");
			final String key = EntryPaths.key(path);
			if (folders.contains(key)) throw refused(name, "is a file and a folder");
			final String before = files.putIfAbsent(key, name);
			if (before != null) throw refused(name, "is a duplicate of '" + before + "'");
			parents(name, path);
			total += size;
			if (total > cap) {
				throw refused(name, "brings the extracted size to " + total + " bytes, over the cap of " + cap + " (" +
					SafeUnzip.MAX_EXPANSION + " times the tar's size, at most " + SafeUnzip.MAX_TOTAL_BYTES +
					"): a possible gzip bomb");
			}
			final Path file = resolve(name, path);
			Files.createDirectories(file.getParent());
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
				for (long left = size; left > 0;) {
					progress.checkCancelled();
					final int n = (int) Math.min(buffer.length, left);
					readFully(in, buffer, n);
					out.write(buffer, 0, n);
					left -= n;
				}
			}
			skip(in, TarHeader.padded(size) - size);
		}

		/** Records the folders above {@code path}, refusing one that is a file. */
		private void parents(final String name, final String path) {
			for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
				final String parent = EntryPaths.key(path.substring(0, slash));
				if (files.containsKey(parent)) {
					throw refused(name, "lies in '" + files.get(parent) + "', which is a file");
				}
				folders.add(parent);
			}
		}

		private Path resolve(final String name, final String path) {
			final Path resolved = folder.resolve(path).normalize();
			if (!resolved.startsWith(folder)) throw refused(name, "escapes the target folder");
			return resolved;
		}

		/** Reads the next block; false at the end of the file (where a tar may end without its zero blocks). */
		private boolean readBlock(final InputStream in, final byte[] block) {
			int n = 0;
			while (n < block.length) {
				final int read = read(in, block, n, block.length - n);
				if (read < 0) {
					if (n == 0) return false;
					throw truncated();
				}
				n += read;
			}
			return true;
		}

		private void readFully(final InputStream in, final byte[] bytes, final int length) {
			for (int n = 0; n < length;) {
				final int read = read(in, bytes, n, length - n);
				if (read < 0) throw truncated();
				n += read;
			}
		}

		private void skip(final InputStream in, final long length) {
			for (long left = length; left > 0;) {
				final int n = (int) Math.min(buffer.length, left);
				readFully(in, buffer, n);
				left -= n;
			}
		}

		private int read(final InputStream in, final byte[] bytes, final int offset, final int length) {
			try {
				return in.read(bytes, offset, length);
			}
			catch (final IOException exc) {
				throw notTar(tar, exc);
			}
		}

		private BadInputException truncated() {
			return new BadInputException(tar + ": refused: truncated after " + entries + " entries; nothing extracted");
		}

		private BadInputException refused(final String name, final String problem) {
			return new BadInputException(tar + ": refused: entry '" + EntryPaths.printable(name) + "' " +
				problem + "; nothing extracted");
		}
	}

	/** A stream that counts the bytes read from it. */
	private static final class Counting extends FilterInputStream {

		private long count;

		Counting(final InputStream in) {
			super(in);
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			final int b = super.read();
			if (b >= 0) count++;
			return b;
		}

		@Override
		public int read(final byte[] bytes, final int offset, final int length) throws IOException {
			final int n = super.read(bytes, offset, length);
			if (n > 0) count += n;
			return n;
		}
	}
}
