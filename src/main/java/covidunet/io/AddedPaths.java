package covidunet.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a run adds to an output folder, so that a run that fails takes it back and leaves the
 * folder as it found it: taken before the run writes, it remembers what the folder holds;
 * {@link #remove()} deletes every file and folder added since, and the folder itself (with the
 * parents created for it) if it did not exist. Files that existed are left alone, changed or not.
 */
public final class AddedPaths {

	private final Path folder;
	private final Path created;
	private final Set<Path> existing;

	private AddedPaths(final Path folder, final Path created, final Set<Path> existing) {
		this.folder = folder;
		this.created = created;
		this.existing = existing;
	}

	/**
	 * Remembers what {@code folder} holds now.
	 *
	 * @throws UncheckedIOException if the folder exists but cannot be listed
	 */
	public static AddedPaths in(final Path folder) {
		final Path absolute = folder.toAbsolutePath().normalize();
		Path created = null;
		for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) created = p;
		if (created != null) return new AddedPaths(absolute, created, Set.of());
		try (Stream<Path> paths = Files.walk(absolute)) {
			return new AddedPaths(absolute, null, paths.collect(Collectors.toUnmodifiableSet()));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Deletes what was added, as far as it can: a failure to delete must not hide the failure that
	 * brought the caller here.
	 */
	public void remove() {
		try {
			if (created != null) {
				FileTrees.delete(created);
				return;
			}
			final List<Path> added;
			try (Stream<Path> paths = Files.walk(folder)) {
				added = paths.filter(p -> !existing.contains(p)).sorted(Comparator.reverseOrder()).toList();
			}
			for (final Path p : added) FileTrees.delete(p);
		}
		catch (final IOException | UncheckedIOException e) {
			// Best effort: the failure that brought the caller here is the one to report.
		}
	}
}
