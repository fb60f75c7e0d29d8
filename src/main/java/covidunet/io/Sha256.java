package covidunet.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import covidunet.Progress;

/** SHA-256 of files and streams, as lower-case hex. */
public final class Sha256 {

	private static final int CHUNK = 1 << 20;

	/** Progress is reported every this many chunks, and at the end. */
	private static final int REPORT_EVERY = 64;

	private Sha256() {}

	/** A fresh SHA-256 digest (every Java platform has one). */
	public static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException exc) {
			throw new IllegalStateException("this Java has no SHA-256", exc);
		}
	}

	/** The SHA-256 of a text's UTF-8 bytes as lower-case hex. */
	public static String ofText(final String text) {
		return hex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** The bytes of a finished digest as lower-case hex. */
	public static String hex(final byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	/** The digest as lower-case hex. */
	public static String hex(final MessageDigest digest) {
		return hex(digest.digest());
	}

	/** The SHA-256 of a whole file. Reports progress and stops between chunks when cancelled. */
	public static String of(final Path file, final String task, final Progress progress) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			final MessageDigest digest = newDigest();
			read(channel, channel.size(), task, progress, digest::update);
			return hex(digest);
		}
	}

	/** Takes the bytes a file is read in, chunk by chunk (e.g. a digest's {@code update}). */
	@FunctionalInterface
	public interface Chunks {

		/** Takes {@code length} bytes of {@code bytes} from {@code offset}. */
		void accept(byte[] bytes, int offset, int length);
	}

	/**
	 * Reads the first {@code length} bytes of a file into {@code chunks}, from its start without
	 * moving the channel's position, as digests read files. Reports progress and stops between
	 * chunks when cancelled.
	 */
	public static void read(final FileChannel channel, final long length, final String task,
		final Progress progress, final Chunks chunks) throws IOException
	{
		final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
		long done = 0;
		long count = 0;
		progress.report(task, 0, length);
		while (done < length) {
			progress.checkCancelled();
			buffer.clear().limit((int) Math.min(CHUNK, length - done));
			final int n = channel.read(buffer, done);
			if (n < 0) throw new IOException("file ended after " + done + " of " + length + " bytes");
			chunks.accept(buffer.array(), 0, n);
			done += n;
			if (++count % REPORT_EVERY == 0 || done == length) progress.report(task, done, length);
		}
	}
}
