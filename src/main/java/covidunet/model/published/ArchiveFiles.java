package covidunet.model.published;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.download.SafeUnzip;
import covidunet.dataset.download.SafeUntar;
import covidunet.io.AtomicFiles;

/** Extracting a downloaded archive and finding the HDF5 files in it. */
final class ArchiveFiles {

	private ArchiveFiles() {}

	/**
	 * Extracts a zip ({@link SafeUnzip}) or a tar ({@link SafeUntar}, by its name) into the new
	 * folder {@code target}, completely or not at all.
	 */
	static void extract(final Path archive, final Path target, final Progress progress) {
		if (SafeUntar.isTarName(archive.getFileName().toString())) SafeUntar.extract(archive, target, progress);
		else SafeUnzip.extract(archive, target, progress);
	}

	/**
	 * The HDF5 files ({@link FileChoice#isHdf5}) in a folder tree, as {@code /}-separated paths
	 * relative to it, sorted; links are neither followed nor listed.
	 */
	static List<String> hdf5Files(final Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && FileChoice.isHdf5(p
				.getFileName().toString())).map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted()
				.toList();
		}
		catch (final IOException exc) {
			throw new BadInputException(folder + ": cannot list it (" + AtomicFiles.reason(exc) + ")", exc);
		}
		catch (final UncheckedIOException exc) {
			throw new BadInputException(folder + ": cannot list it (" + AtomicFiles.reason(exc.getCause()) + ")", exc);
		}
	}
}
