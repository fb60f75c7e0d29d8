package covidunet.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hidden temporary files of {@link AtomicFiles} ({@code .<name>.tmp-<random>}) and how stale
 * ones are told from live ones. A writer holds an exclusive lock on its temporary from just after
 * creating it until it has renamed it into place; the operating system releases the lock when the
 * process dies, even by SIGKILL. A temporary that nobody holds is therefore the leftover of a
 * dead writer, and is deleted. Where the file system cannot lock, nothing is deleted.
 */
final class Temporaries {

	/**
	 * The temporaries this JVM writes. They are never probed: POSIX releases all of a process's
	 * locks on a file when it closes any channel to it, so a probe would unlock them.
	 */
	private static final Set<Path> OWN = ConcurrentHashMap.newKeySet();

	private Temporaries() {}

	/** The start of the names of {@code file}'s temporaries. */
	static String prefix(final Path file) {
		return "." + file.getFileName() + ".tmp-";
	}

	/**
	 * Creates the new temporary {@code temporary} and locks it.
	 *
	 * @return the open channel, to be given to {@link #close}; null if another process deleted the
	 *         file between its creation and the lock (it took it for stale): try another name
	 * @throws IOException if it cannot be created
	 */
	static FileChannel create(final Path temporary) throws IOException {
		OWN.add(key(temporary));
		final FileChannel channel;
		try {
			channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
		catch (final IOException | RuntimeException e) {
			OWN.remove(key(temporary));
			throw e;
		}
		try {
			lock(channel);
		}
		catch (final RuntimeException e) {
			close(temporary, channel);
			throw e;
		}
		if (Files.exists(temporary, LinkOption.NOFOLLOW_LINKS)) return channel;
		close(temporary, channel);
		return null;
	}

	/** Closes a temporary's channel, which releases its lock. */
	static void close(final Path temporary, final FileChannel channel) throws IOException {
		try {
			channel.close();
		}
		finally {
			OWN.remove(key(temporary));
		}
	}

	private static Path key(final Path temporary) {
		return temporary.toAbsolutePath().normalize();
	}

	private static void lock(final FileChannel channel) {
		try {
			channel.lock();
		}
		catch (final IOException e) {
			// A file system without locks: the write goes on; others will not delete this temporary.
		}
	}

	/**
	 * Deletes the temporaries of {@code file} that no process holds. Never fails: a temporary
	 * that cannot be probed or deleted stays.
	 */
	static void removeStale(final Path file) {
		final String prefix = prefix(file);
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.toAbsolutePath().getParent(), p -> p
			.getFileName().toString().startsWith(prefix)))
		{
			for (final Path entry : entries) {
				final boolean regular = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
				if (regular && !OWN.contains(key(entry))) deleteIfStale(entry);
			}
		}
		catch (final IOException e) {
			// Cleaning up is a courtesy; the write itself decides success.
		}
	}

	private static void deleteIfStale(final Path temporary) {
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
			final FileLock lock = channel.tryLock();
			if (lock != null) Files.deleteIfExists(temporary);
		}
		catch (final IOException | OverlappingFileLockException e) {
			// Held, gone, or not lockable here: kept.
		}
	}
}
