package covidunet.model.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tensorflow.Session;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;
import covidunet.io.FileTrees;

/**
 * The training checkpoints of a model directory, in its {@value #FOLDER} folder. A checkpoint is
 * written into {@code .epoch-<n>.tmp}, flushed to disk, renamed to {@code epoch-<n>} in one atomic
 * step, and only then are the older ones deleted, each renamed to {@code .epoch-<n>.old} first:
 * whenever the process dies, at least one complete checkpoint remains once one has been written
 * (the previous or the new one). Folders named {@code epoch-<n>} are complete by construction;
 * {@code .tmp} and {@code .old} folders are leftovers of interrupted saves and deletions, removed
 * by the next save (never by a reader, which may look while a training writes).
 *
 * <p>The variables are saved with {@link Session#save(String)}, which covers every variable of
 * the graph at the first save (weights, Adam's slots and powers, batch-norm moving statistics):
 * build the whole graph, optimiser included, before the first save.
 */
public final class Checkpoints {

	/** The folder in a model directory. */
	public static final String FOLDER = "checkpoints";

	private static final Pattern COMPLETE = Pattern.compile("epoch-([0-9]{1,9})");
	private static final Pattern LEFTOVER = Pattern.compile("\\.epoch-[0-9]{1,9}\\.(tmp|old)");

	private Checkpoints() {}

	/**
	 * Saves the session's variables and {@code state} as the checkpoint of {@code state.epoch()},
	 * then deletes the older checkpoints.
	 *
	 * @throws IllegalArgumentException if a checkpoint of that epoch or a later one exists
	 * @throws BadInputException if the files cannot be written
	 */
	public static Checkpoint save(final Session session, final Path modelDir, final TrainingState state) {
		final Path folder = modelDir.resolve(FOLDER);
		final int epoch = state.epoch();
		final Optional<Checkpoint> previous = latest(modelDir);
		if (previous.isPresent() && previous.get().epoch() >= epoch) {
			throw new IllegalArgumentException("checkpoint of epoch " + epoch + " after one of epoch " +
				previous.get().epoch());
		}
		final Path temporary = folder.resolve(".epoch-" + epoch + ".tmp");
		final Path target = folder.resolve("epoch-" + epoch);
		try {
			Files.createDirectories(folder);
			for (final Path leftover : list(folder, LEFTOVER)) FileTrees.delete(leftover);
			Files.createDirectories(temporary);
			session.save(temporary.resolve(Checkpoint.VARIABLES).toString());
			Files.writeString(temporary.resolve(Checkpoint.STATE), state.toJson().toString());
			flush(temporary);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			sync(folder);
			for (final Checkpoint older : complete(folder)) {
				if (older.epoch() >= epoch) continue;
				final Path doomed = folder.resolve("." + older.folder().getFileName() + ".old");
				Files.move(older.folder(), doomed, StandardCopyOption.ATOMIC_MOVE);
				FileTrees.delete(doomed);
			}
		}
		catch (final IOException e) {
			throw new BadInputException(target + ": cannot write the checkpoint (" + AtomicFiles.reason(e) + ")", e);
		}
		return new Checkpoint(target, epoch);
	}

	/**
	 * The newest complete checkpoint, if any. Only reads.
	 *
	 * @throws BadInputException if the folder cannot be read
	 */
	public static Optional<Checkpoint> latest(final Path modelDir) {
		final Path folder = modelDir.resolve(FOLDER);
		if (!Files.isDirectory(folder)) return Optional.empty();
		try {
			return complete(folder).stream().max((a, b) -> Integer.compare(a.epoch(), b.epoch()));
		}
		catch (final IOException e) {
			throw new BadInputException(folder + ": cannot read the checkpoints (" + AtomicFiles.reason(e) + ")", e);
		}
	}

	private static List<Checkpoint> complete(final Path folder) throws IOException {
		final List<Checkpoint> found = new ArrayList<>();
		for (final Path p : list(folder, COMPLETE)) {
			final Matcher m = COMPLETE.matcher(p.getFileName().toString());
			if (m.matches()) found.add(new Checkpoint(p, Integer.parseInt(m.group(1))));
		}
		return found;
	}

	private static List<Path> list(final Path folder, final Pattern name) throws IOException {
		final List<Path> found = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (final Path p : entries) {
				if (Files.isDirectory(p) && name.matcher(p.getFileName().toString()).matches()) found.add(p);
			}
		}
		return found;
	}

	private static void flush(final Path temporary) throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(temporary)) {
			for (final Path p : entries) {
				try (FileChannel channel = FileChannel.open(p, StandardOpenOption.READ)) {
					channel.force(true);
				}
			}
		}
		sync(temporary);
	}

	/** Flushes a folder's entries where the platform allows it (not on Windows). */
	private static void sync(final Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (final IOException e) {
			// Folders cannot be opened on every platform; the rename is atomic all the same.
		}
	}
}
