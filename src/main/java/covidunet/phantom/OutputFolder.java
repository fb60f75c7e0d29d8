package covidunet.phantom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;
import covidunet.io.FileTrees;

/**
 * An output folder that appears complete or not at all: the content is written into a hidden
 * temporary folder beside it ({@code .<name>.tmp-<random>}), which is renamed into place when
 * complete and deleted on any failure. An existing non-empty folder is replaced only when
 * overwriting is allowed.
 */
final class OutputFolder {

	private final Path target;
	private final Path temporary;

	private OutputFolder(final Path target, final Path temporary) {
		this.target = target;
		this.temporary = temporary;
	}

	/**
	 * Checks the target and creates the temporary folder (and the target's parents).
	 *
	 * @throws BadInputException naming the parameter {@code output} if the target is a file, is
	 *           a non-empty folder and {@code overwrite} is false, or cannot be created
	 */
	static OutputFolder open(final Path output, final boolean overwrite) {
		final Path target = output.toAbsolutePath().normalize();
		if (target.getParent() == null) {
			throw new BadInputException("output: " + output + " is not a folder one can write");
		}
		if (Files.exists(target)) {
			if (!Files.isDirectory(target)) {
				throw new BadInputException("output: " + output + " exists and is not a folder");
			}
			if (!overwrite && !isEmpty(target)) {
				throw new BadInputException("output: " + output +
					" exists and is not empty; pass --overwrite true to replace it");
			}
		}
		try {
			Files.createDirectories(target.getParent());
			final Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp-" + AtomicFiles.randomSuffix());
			return new OutputFolder(target, Files.createDirectory(temporary));
		}
		catch (final IOException e) {
			throw new BadInputException("output: cannot create " + output + " (" + e.getMessage() + ")", e);
		}
	}

	/** The folder to write into. */
	Path temporary() {
		return temporary;
	}

	/** Puts the complete content in place, replacing what was there. */
	void commit() throws IOException {
		Path old = null;
		if (Files.exists(target)) {
			old = target.resolveSibling("." + target.getFileName() + ".old-" + AtomicFiles.randomSuffix());
			Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
		}
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException e) {
			if (old != null) Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
			throw e;
		}
		if (old != null) FileTrees.delete(old);
	}

	/** Deletes the temporary folder and everything in it, if it is still there. */
	void discard() {
		try {
			FileTrees.delete(temporary);
		}
		catch (final IOException | UncheckedIOException e) {
			// The failure that brought us here is the one to report.
		}
	}

	private static boolean isEmpty(final Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.findAny().isEmpty();
		}
		catch (final IOException e) {
			throw new BadInputException("output: cannot read " + folder + " (" + e.getMessage() + ")", e);
		}
	}
}
