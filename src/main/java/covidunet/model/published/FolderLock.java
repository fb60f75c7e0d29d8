package covidunet.model.published;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;

/**
 * One run at a time per model folder: an exclusive lock on the hidden file {@value #NAME} in it,
 * held while the run downloads and imports (by another process, or another thread of this one, as
 * when two Fiji commands fetch the published models at once), and deleted when it ends. The
 * operating system releases the lock of a process that dies.
 */
final class FolderLock implements AutoCloseable {

	/** The lock file's name. */
	static final String NAME = ".download-model.lock";

	/**
	 * The lock files this JVM holds. They are checked before a channel is opened: POSIX releases
	 * all of a process's locks on a file when it closes any channel to it, so a second attempt
	 * from this process must not even open one.
	 */
	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	private final Path file;
	private final FileChannel channel;
	private final FileLock lock;

	private FolderLock(final Path file, final FileChannel channel, final FileLock lock) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock of {@code folder}, which must exist.
	 *
	 * @throws BadInputException naming the folder if another run holds it or it cannot be written
	 */
	static FolderLock take(final Path folder) {
		final Path file = folder.toAbsolutePath().normalize().resolve(NAME);
		if (!HELD.add(file)) throw held(folder);
		FileChannel channel = null;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			final FileLock lock = channel.tryLock();
			if (lock != null) return new FolderLock(file, channel, lock);
		}
		catch (final IOException | OverlappingFileLockException exc) {
			close(channel);
			HELD.remove(file);
			if (exc instanceof OverlappingFileLockException) throw held(folder);
			throw new BadInputException(folder + ": cannot write (" + AtomicFiles.reason((IOException) exc) + ")", exc);
		}
		close(channel);
		HELD.remove(file);
		throw held(folder);
	}

	private static BadInputException held(final Path folder) {
		return new BadInputException(folder + ": another run is downloading or importing the published models " +
			"into it; wait for it to end");
	}

	/** Deletes the lock file and releases the lock. */
	@Override
	public void close() {
		try {
			Files.deleteIfExists(file);
			lock.release();
		}
		catch (final IOException exc) {
			// The lock goes with the channel anyway.
		}
		finally {
			close(channel);
			HELD.remove(file);
		}
	}

	private static void close(final FileChannel channel) {
		try {
			if (channel != null) channel.close();
		}
		catch (final IOException exc) {
			// Nothing was written through it.
		}
	}
}
