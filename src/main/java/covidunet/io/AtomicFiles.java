package covidunet.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

import covidunet.BadInputException;

/**
 * Writes files so that they appear complete or not at all: the content goes to a hidden
 * temporary file in the target's folder ({@code .<name>.tmp-<random>}), which is renamed over
 * the target when complete and deleted on any failure. A writer killed before the rename (SIGKILL,
 * power loss) leaves its temporary behind; the next write of the same name deletes it, telling it
 * from the temporary of a writer still at work by the lock every writer holds on its own (see
 * {@link Temporaries}).
 */
public final class AtomicFiles {

	/** Writes a file's content to a stream. */
	@FunctionalInterface
	public interface Content {

		/** Writes the content; the stream is buffered and closed by the caller. */
		void writeTo(OutputStream out) throws IOException;
	}

	/** Names tried before giving up, should other processes delete the temporaries as soon as they appear. */
	private static final int ATTEMPTS = 3;

	private AtomicFiles() {}

	/**
	 * Writes {@code file} atomically, replacing it if it exists (callers check whether that is
	 * wanted). Temporaries of {@code file} left by writers that died are deleted.
	 *
	 * @throws BadInputException if the file cannot be written, naming it and why
	 */
	public static void write(final Path file, final Content content) {
		try {
			for (int attempt = 1;; attempt++) {
				final Path temporary = file.resolveSibling(Temporaries.prefix(file) + randomSuffix());
				final FileChannel channel = Temporaries.create(temporary);
				if (channel != null) {
					writeVia(temporary, channel, file, content);
					return;
				}
				if (attempt == ATTEMPTS) throw new IOException("another process keeps deleting its temporary files");
			}
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot write (" + reason(e) + ")", e);
		}
	}

	/** Fills the locked temporary and renames it over {@code file} while it is still locked. */
	private static void writeVia(final Path temporary, final FileChannel channel, final Path file,
		final Content content) throws IOException
	{
		try {
			Temporaries.removeStale(file);
			final OutputStream out = new BufferedOutputStream(unclosable(channel), 1 << 16);
			content.writeTo(out);
			out.flush();
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			try {
				Temporaries.close(temporary, channel);
			}
			finally {
				deleteIfLeft(temporary);
			}
		}
	}

	/** The channel as a stream whose {@code close} only flushes: the channel and its lock stay until the rename. */
	private static OutputStream unclosable(final FileChannel channel) {
		return new FilterOutputStream(Channels.newOutputStream(channel)) {

			@Override
			public void write(final byte[] b, final int off, final int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
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
