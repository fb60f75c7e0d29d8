package covidunet.dataset.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips for the tests, written in memory; some patched into shapes ZipOutputStream refuses. */
public final class TestZips {

	private static final int CENTRAL_HEADER = 0x02014b50;

	private TestZips() {}

	/** A zip of these entries, in this order; a name ending with {@code /} is a folder. */
	public static byte[] zip(final Map<String, byte[]> entries) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (final Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				if (!entry.getKey().endsWith("/")) zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (final IOException exc) {
			throw new IllegalStateException(exc);
		}
		return bytes.toByteArray();
	}

	/** Incompressible bytes, the same for a seed. */
	public static byte[] random(final int length, final long seed) {
		final byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	/** The full SHA-256 of bytes, lower-case hex. */
	public static String sha256(final byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (final NoSuchAlgorithmException exc) {
			throw new IllegalStateException(exc);
		}
	}

	/**
	 * Marks the {@code index}-th entry of the central directory as made on Unix with this file
	 * mode, e.g. {@code 0120777} for a symbolic link.
	 */
	public static byte[] withUnixMode(final byte[] zip, final int index, final int mode) {
		final byte[] patched = zip.clone();
		final ByteBuffer buffer = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
		final int header = centralHeader(buffer, index);
		buffer.put(header + 5, (byte) 3);
		buffer.putInt(header + 38, mode << 16);
		return patched;
	}

	/** Sets a little-endian int at an offset of the {@code index}-th central directory header. */
	public static byte[] withCentralInt(final byte[] zip, final int index, final int offset, final int value) {
		final byte[] patched = zip.clone();
		final ByteBuffer buffer = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(centralHeader(buffer, index) + offset, value);
		return patched;
	}

	/** Replaces every occurrence of one ASCII string by another of the same length. */
	public static byte[] replaced(final byte[] zip, final String from, final String to) {
		final byte[] f = from.getBytes(StandardCharsets.US_ASCII);
		final byte[] t = to.getBytes(StandardCharsets.US_ASCII);
		if (f.length != t.length) throw new IllegalArgumentException("lengths differ");
		final byte[] patched = zip.clone();
		for (int i = 0; i + f.length <= patched.length; i++) {
			boolean match = true;
			for (int j = 0; j < f.length && match; j++) match = patched[i + j] == f[j];
			if (match) System.arraycopy(t, 0, patched, i, t.length);
		}
		return patched;
	}

	private static int centralHeader(final ByteBuffer buffer, final int index) {
		int found = -1;
		for (int i = 0; i + 4 <= buffer.limit(); i++) {
			if (buffer.getInt(i) == CENTRAL_HEADER && ++found == index) return i;
		}
		throw new IllegalArgumentException("no central directory header " + index);
	}
}
