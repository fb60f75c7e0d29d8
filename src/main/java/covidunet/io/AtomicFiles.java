package covidunet.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import covidunet.BadInputException;

/**
 * Writes files so that they appear complete or not at all: the content goes to a hidden
 * temporary file in the target's folder ({@code .<name>.tmp-<random>}), which is renamed over
 * the target when complete and deleted on any failure.
 */
public final class AtomicFiles {

	/** Writes a file's content to a stream. */
	@FunctionalInterface
	public interface Content {

		/** Writes the content; the stream is buffered and closed by the caller. */
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFiles() {}

	/**
	 * Writes {@code file} atomically, replacing it if it exists (callers check whether that is
	 * wanted).
	 *
	 * @throws BadInputException if the file cannot be written, naming it and why
	 */
	public static void write(final Path file, final Content content) {
		final Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp-" + randomSuffix());
		try {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary,
				StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16))
			{
				content.writeTo(out);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot write (" + reason(e) + ")", e);
		}
		finally {
			deleteIfLeft(temporary);
		}
	}

	/** Writes a text file atomically in UTF-8. */
	public static void writeString(final Path file, final String text) {
		write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A random hex suffix for the hidden temporary names beside a target
	 * ({@code .<name>.tmp-<suffix>} and the like), so that concurrent writers never collide.
	 */
	public static String randomSuffix() {
		return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
	}

	/** A short reason for an I/O failure, for one-line messages. */
	public static String reason(final IOException e) {
		if (e instanceof NoSuchFileException) return "its folder does not exist";
		if (e instanceof FileAlreadyExistsException) return ((FileAlreadyExistsException) e).getFile() + " exists";
		if (e instanceof AccessDeniedException) return "permission denied";
		if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
			return ((FileSystemException) e).getReason();
		}
		return e.getMessage();
	}

	private static void deleteIfLeft(final Path temporary) {
		try {
			Files.deleteIfExists(temporary);
		}
		catch (final IOException e) {
			// The failure that brought us here is the one to report.
		}
	}
}
