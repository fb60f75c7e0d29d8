package covidunet.dataset.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.io.FileTrees;

/**
 * Extracts a zip file only if every entry is safe, and then completely or not at all.
 * <p>
 * Refused, with one line naming the zip and the entry: names that are absolute, contain
 * {@code ..}, backslashes or colons (see {@link EntryPaths}); symbolic links and other special
 * files (read from the Unix mode in the central directory's external attributes, which
 * {@link ZipFile} does not expose: {@link CentralDirectory}); two entries for one path (compared
 * ignoring case and Unicode normalisation, as on Windows and macOS: {@link EntryPaths#key}; also
 * a file where another entry needs a folder);
 * encrypted entries; more than {@value #MAX_ENTRIES} entries; and zip bombs: more extracted bytes
 * than {@value #MAX_EXPANSION} times the zip's size or {@value #MAX_TOTAL_BYTES} bytes, whichever
 * is less — judged from the declared sizes before anything is written, and again from the bytes
 * really inflated while extracting, which must also match each entry's declared size and CRC.
 * </p>
 * <p>
 * The entries are written into a hidden folder beside the target ({@code .<target>.extracting},
 * removed first if a killed run left it) and that folder is renamed to the target only when all
 * are written; on any failure or cancellation it is deleted, so nothing is left behind.
 * </p>
 */
public final class SafeUnzip {

	/** The most entries (files and folders) a zip may have. */
	public static final int MAX_ENTRIES = 10_000;

	/** The most the extracted bytes may exceed the zip's size, as a factor. */
	public static final long MAX_EXPANSION = 100;

	/** The most bytes extracted from one zip: 64 GiB. */
	public static final long MAX_TOTAL_BYTES = 64L << 30;

	/** The suffix of the hidden folder an extraction writes before it is renamed into place. */
	static final String EXTRACTING = ".extracting";

	private static final int CHUNK = 1 << 16;

	private record Item(ZipEntry entry, String path, boolean directory) {}

	private SafeUnzip() {}

	/**
	 * Checks a zip without extracting it.
	 *
	 * @return its entries' normalised paths in the zip's order, folders ending with {@code /}
	 * @throws BadInputException naming the zip (and the entry) if it is not a zip or is unsafe
	 */
	public static List<String> check(final Path zip) {
		try (ZipFile file = open(zip)) {
			final List<String> paths = new ArrayList<>();
			for (final Item item : items(zip, file)) paths.add(item.directory() ? item.path() + "/" : item.path());
			return paths;
		}
		catch (final IOException exc) {
			throw new BadInputException(zip + ": cannot read it (" + exc.getMessage() + ")", exc);
		}
	}

	/** Extracts a checked zip into {@code target} as it is; see {@link #extract(Path, Path, boolean, Progress)}. */
	public static void extract(final Path zip, final Path target, final Progress progress) {
		extract(zip, target, false, progress);
	}

	/**
	 * Checks a zip and extracts it into a new folder {@code target}.
	 *
	 * @param stripTopFolder if every entry lies in one top-level folder, extract that folder's
	 *          contents (so {@code X/a.nii.gz} becomes {@code target/a.nii.gz}); otherwise, or if
	 *          false, extract the entries as they are
	 * @param progress gets a report after each entry; checked for cancellation between chunks
	 * @throws BadInputException naming the zip and the entry if the zip is unsafe or corrupt,
	 *           naming the target if it exists or cannot be written; nothing is left behind
	 * @throws CancelledException if cancelled; nothing is left behind
	 */
	public static void extract(final Path zip, final Path target, final boolean stripTopFolder,
		final Progress progress)
	{
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new BadInputException(target + ": exists already; not extracting " + zip + " over it");
		}
		try (ZipFile file = open(zip)) {
			final List<Item> items = stripTopFolder ? withoutTopFolder(items(zip, file)) : items(zip, file);
			FileTrees.createComplete(target, EXTRACTING, temporary -> write(zip, file, items, temporary, progress));
		}
		catch (final IOException exc) {
			throw new BadInputException("cannot extract " + zip + " into " + target + ": " + exc.getMessage(), exc);
		}
	}

	private static ZipFile open(final Path zip) {
		try {
			return new ZipFile(zip.toFile());
		}
		catch (final IOException exc) {
			throw new BadInputException(zip + ": not a readable zip file (" + exc.getMessage() + ")", exc);
		}
	}

	/** The entries, checked one by one and together. */
	private static List<Item> items(final Path zip, final ZipFile file) throws IOException {
		final List<CentralDirectory.Entry> directory;
		try {
			directory = CentralDirectory.read(zip, MAX_ENTRIES);
		}
		catch (final ZipException exc) {
			throw new BadInputException(zip + ": refused: " + exc.getMessage(), exc);
		}
		final List<? extends ZipEntry> entries = Collections.list(file.entries());
		if (entries.size() != directory.size()) throw inconsistent(zip);
		final long cap = Math.min(MAX_TOTAL_BYTES, MAX_EXPANSION * Files.size(zip));
		final Map<String, String> files = new HashMap<>();
		final Set<String> folders = new HashSet<>();
		final List<Item> items = new ArrayList<>();
		long total = 0;
		for (int i = 0; i < entries.size(); i++) {
			final ZipEntry entry = entries.get(i);
			final CentralDirectory.Entry raw = directory.get(i);
			if (!raw.name().equals(entry.getName())) throw inconsistent(zip);
			final String path = path(zip, entry.getName());
			if (raw.isLink()) throw refused(zip, entry, "is a symbolic link");
			if (raw.isSpecial()) {
				throw refused(zip, entry, "is a special file (Unix mode " + Integer.toOctalString(raw.unixMode()) + ")");
			}
			if (raw.isEncrypted()) throw refused(zip, entry, "is encrypted");
			if (path.isEmpty()) continue;
			final String key = EntryPaths.key(path);
			if (entry.isDirectory()) {
				if (files.containsKey(key)) throw refused(zip, entry, "is a folder and a file (" + files.get(key) + ")");
				folders.add(key);
			}
			else {
				final String before = files.putIfAbsent(key, entry.getName());
				if (before != null) throw refused(zip, entry, "is a duplicate of '" + before + "'");
				if (folders.contains(key)) throw refused(zip, entry, "is a file and a folder");
				if (entry.getSize() < 0) throw refused(zip, entry, "has no declared size");
				total += entry.getSize();
				if (total > cap) throw bomb(zip, entry, total, cap);
			}
			for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
				final String folder = key.substring(0, slash);
				if (files.containsKey(folder)) {
					throw refused(zip, entry, "lies in '" + files.get(folder) + "', which is a file");
				}
				folders.add(folder);
			}
			items.add(new Item(entry, path, entry.isDirectory()));
		}
		return items;
	}

	private static String path(final Path zip, final String name) {
		try {
			return EntryPaths.normalise(name);
		}
		catch (final IllegalArgumentException exc) {
			throw new BadInputException(zip + ": refused: entry '" + EntryPaths.printable(name) + "' " +
				exc.getMessage() + "; nothing extracted");
		}
	}

	private static List<Item> withoutTopFolder(final List<Item> items) {
		String top = null;
		for (final Item item : items) {
			final int slash = item.path().indexOf('/');
			final String first = slash < 0 ? item.path() : item.path().substring(0, slash);
			if (slash < 0 && !item.directory() || top != null && !top.equals(first)) return items;
			top = first;
		}
		if (top == null) return items;
		final List<Item> inside = new ArrayList<>();
		for (final Item item : items) {
			if (item.path().equals(top)) continue;
			inside.add(new Item(item.entry(), item.path().substring(top.length() + 1), item.directory()));
		}
		return inside;
	}

	private static void write(final Path zip, final ZipFile file, final List<Item> items, final Path folder,
		final Progress progress) throws IOException
	{
		final long cap = Math.min(MAX_TOTAL_BYTES, MAX_EXPANSION * Files.size(zip));
		final String task = "extracting " + zip.getFileName();
		final byte[] buffer = new byte[CHUNK];
		long total = 0;
		for (int i = 0; i < items.size(); i++) {
			progress.checkCancelled();
			final Item item = items.get(i);
			final Path path = folder.resolve(item.path()).normalize();
			if (!path.startsWith(folder)) throw refused(zip, item.entry(), "escapes the target folder");
			if (item.directory()) {
				Files.createDirectories(path);
			}
			else {
				Files.createDirectories(path.getParent());
				total = copy(zip, file, item.entry(), path, total, cap, buffer, progress);
			}
			progress.report(task, i + 1, items.size());
		}
	}

	/** Writes one entry; returns the running total of bytes extracted. */
	private static long copy(final Path zip, final ZipFile file, final ZipEntry entry, final Path path,
		final long totalBefore, final long cap, final byte[] buffer, final Progress progress) throws IOException
	{
		final CRC32 crc = new CRC32();
		long size = 0;
		try (InputStream in = file.getInputStream(entry);
			OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
		{
			for (int n; (n = read(zip, entry, in, buffer)) >= 0;) {
				progress.checkCancelled();
				size += n;
				if (size > entry.getSize()) {
					throw refused(zip, entry, "inflates to more than its declared " + entry.getSize() + " bytes");
				}
				if (totalBefore + size > cap) throw bomb(zip, entry, totalBefore + size, cap);
				crc.update(buffer, 0, n);
				out.write(buffer, 0, n);
			}
		}
		if (size != entry.getSize()) {
			throw refused(zip, entry, "is corrupt: " + size + " bytes, not the declared " + entry.getSize());
		}
		if (crc.getValue() != entry.getCrc()) throw refused(zip, entry, "is corrupt (its CRC-32 does not match)");
		return totalBefore + size;
	}

	private static int read(final Path zip, final ZipEntry entry, final InputStream in, final byte[] buffer) {
		try {
			return in.read(buffer);
		}
		catch (final IOException exc) {
			throw refused(zip, entry, "is corrupt (" + exc.getMessage() + ")");
		}
	}

	private static BadInputException refused(final Path zip, final ZipEntry entry, final String problem) {
		return new BadInputException(zip + ": refused: entry '" + EntryPaths.printable(entry.getName()) + "' " +
			problem + "; nothing extracted");
	}

	private static BadInputException bomb(final Path zip, final ZipEntry entry, final long total, final long cap) {
		return refused(zip, entry, "brings the extracted size to " + total + " bytes, over the cap of " + cap +
			" (" + MAX_EXPANSION + " times the zip's size, at most " + MAX_TOTAL_BYTES + "): a possible zip bomb");
	}

	private static BadInputException inconsistent(final Path zip) {
		return new BadInputException(zip + ": refused: its central directory is inconsistent; nothing extracted");
	}
}
