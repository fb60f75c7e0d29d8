package covidunet.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Operations on folder trees. */
public final class FileTrees {

	/** Writes the contents of a folder. */
	@FunctionalInterface
	public interface Filler {

		/** Writes into {@code folder}, which exists and is empty. */
		void fill(Path folder) throws IOException;
	}

	private FileTrees() {}

	/**
	 * Creates the folder {@code target} complete or not at all: {@code filler} writes into a hidden
	 * sibling {@code .<name><suffix>}, which is renamed to {@code target} when it is done and deleted
	 * whatever happens.
	 *
	 * @throws IOException if the folder cannot be written or {@code filler} fails
	 */
	public static void createComplete(final Path target, final String suffix, final Filler filler) throws IOException {
		final Path parent = target.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		final Path temporary = parent.resolve("." + target.getFileName() + suffix);
		delete(temporary);
		Files.createDirectory(temporary);
		try {
			filler.fill(temporary);
			Files.move(temporary, target);
		}
		finally {
			delete(temporary);
		}
	}

	/**
	 * Deletes a folder tree without following links (a link is deleted, not its target); nothing
	 * if it does not exist.
	 */
	public static void delete(final Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(final Path dir, final IOException exc) throws IOException {
				if (exc != null) throw exc;
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}
}
