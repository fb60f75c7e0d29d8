package covidunet.preprocess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.io.AtomicFiles;
import covidunet.io.Sha256;

/**
 * SHA-256 of input files, streamed in 1 MiB chunks. Digests are remembered in memory only, per
 * (absolute path, size, modification time, file key): a file rewritten or touched is hashed
 * again, an unchanged one is not.
 */
final class FileDigests {

	private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

	private FileDigests() {}

	/**
	 * The SHA-256 of a file as lower-case hex.
	 *
	 * @param progress asked between chunks whether to stop
	 * @throws BadInputException naming the file if it cannot be read
	 */
	static String sha256(final Path file, final Progress progress) {
		try {
			final BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
			final String identity = file.toAbsolutePath().normalize() + "\u0000" + a.size() + "\u0000" +
				a.lastModifiedTime().toMillis() + "." + a.lastModifiedTime().toInstant().getNano() + "\u0000" + a.fileKey();
			final String known = KNOWN.get(identity);
			if (known != null) return known;
			final String digest = compute(file, progress);
			KNOWN.put(identity, digest);
			return digest;
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
	}

	/** The SHA-256 of a text as lower-case hex. */
	static String sha256(final String text) {
		return Sha256.ofText(text);
	}

	/** Hashes the file; {@code progress} is only asked whether to stop, as before, not told. */
	private static String compute(final Path file, final Progress progress) throws IOException {
		return Sha256.of(file, file.toString(), new Progress() {

			@Override
			public void report(final String task, final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return progress.isCancelled();
			}
		});
	}
}
