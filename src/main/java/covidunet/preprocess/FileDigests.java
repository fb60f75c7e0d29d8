package covidunet.preprocess;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.io.AtomicFiles;

/**
 * SHA-256 of input files, streamed in 1 MiB chunks. Digests are remembered in memory only, per
 * (absolute path, size, modification time, file key): a file rewritten or touched is hashed
 * again, an unchanged one is not.
 */
final class FileDigests {

	private static final int CHUNK = 1 << 20;

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
		return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String compute(final Path file, final Progress progress) throws IOException {
		final MessageDigest digest = newDigest();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
			while (channel.read(buffer.clear()) >= 0) {
				progress.checkCancelled();
				digest.update(buffer.array(), 0, buffer.position());
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java has no SHA-256", e);
		}
	}
}
