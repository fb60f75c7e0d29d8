package covidunet.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import covidunet.Progress;
import covidunet.io.Sha256;

/**
 * Everything under some folders, links not followed: each entry's path and what it is (a folder,
 * a link and its target, a file's size and SHA-256). Two snapshots are equal when nothing was
 * added, removed or changed, hidden files included.
 *
 * @param entries what each path is, by path
 */
record TreeSnapshot(Map<String, String> entries) {

	/** Takes the snapshot of the trees under {@code roots} (a root may be a single file). */
	static TreeSnapshot of(final List<Path> roots) {
		final Map<String, String> entries = new TreeMap<>();
		for (final Path root : roots) {
			try (Stream<Path> paths = Files.walk(root)) {
				for (final Path p : paths.toList()) entries.put(p.toString(), describe(p));
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return new TreeSnapshot(entries);
	}

	/** The snapshot without what is under {@code folder}. */
	TreeSnapshot without(final Path folder) {
		final Map<String, String> kept = new TreeMap<>(entries);
		kept.keySet().removeIf(p -> Path.of(p).startsWith(folder));
		return new TreeSnapshot(kept);
	}

	/** The files under {@code folder}, as paths relative to it. */
	List<String> filesUnder(final Path folder) {
		final List<String> files = new ArrayList<>();
		for (final Map.Entry<String, String> e : entries.entrySet()) {
			final Path p = Path.of(e.getKey());
			if (p.startsWith(folder) && e.getValue().startsWith("file ")) files.add(folder.relativize(p).toString());
		}
		return files;
	}

	/** What differs from {@code before}, one line per path; empty if nothing. */
	List<String> changesSince(final TreeSnapshot before) {
		final List<String> changes = new ArrayList<>();
		for (final Map.Entry<String, String> e : entries.entrySet()) {
			final String old = before.entries.get(e.getKey());
			if (old == null) changes.add("new: " + e.getKey() + " (" + e.getValue() + ")");
			else if (!old.equals(e.getValue())) changes.add("changed: " + e.getKey() + " (" + old + " -> " + e.getValue() + ")");
		}
		for (final String path : before.entries.keySet()) {
			if (!entries.containsKey(path)) changes.add("gone: " + path);
		}
		return changes;
	}

	/** The files of zero bytes and the hidden temporary files ({@code .name.tmp-…}, {@code .name.export-…}). */
	List<String> leftovers() {
		final List<String> found = new ArrayList<>();
		for (final Map.Entry<String, String> e : entries.entrySet()) {
			final String name = Path.of(e.getKey()).getFileName().toString();
			if (e.getValue().startsWith("file 0 ")) found.add("zero bytes: " + e.getKey());
			else if (name.startsWith(".") && (name.contains(".tmp-") || name.contains(".export-"))) {
				found.add("temporary: " + e.getKey());
			}
		}
		return found;
	}

	private static String describe(final Path p) throws IOException {
		if (Files.isSymbolicLink(p)) return "link to " + Files.readSymbolicLink(p);
		if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "folder";
		return "file " + Files.size(p) + " " + Sha256.of(p, "snapshot", Progress.NONE);
	}
}
