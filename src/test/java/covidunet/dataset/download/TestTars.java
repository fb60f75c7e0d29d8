package covidunet.dataset.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Tar files for the tests, written in memory entry by entry in POSIX ustar format (with GNU's
 * long names, POSIX extended headers and any type flag on request), since Java writes none.
 */
public final class TestTars {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	/** A regular file. */
	public TestTars file(final String name, final byte[] content) {
		return entry(name, '0', "", content);
	}

	/** A folder; the name usually ends with {@code /}. */
	public TestTars folder(final String name) {
		return entry(name, '5', "", new byte[0]);
	}

	/** A symbolic link to {@code target}. */
	public TestTars link(final String name, final String target) {
		return entry(name, '2', target, new byte[0]);
	}

	/** A POSIX extended header with one record, for the next entry. */
	public TestTars extended(final String key, final String value) {
		final String body = " " + key + "=" + value + "\n";
		int length = body.getBytes(StandardCharsets.UTF_8).length;
		length += String.valueOf(length + String.valueOf(length).length()).length();
		return entry("PaxHeader", 'x', "", (length + body).getBytes(StandardCharsets.UTF_8));
	}

	/** A GNU long name for the next entry. */
	public TestTars longName(final String name) {
		return entry("././@LongLink", 'L', "", (name + "\0").getBytes(StandardCharsets.UTF_8));
	}

	/** An entry of any type: its header (name cut to 100 bytes), its content and the padding. */
	public TestTars entry(final String name, final char type, final String linkName, final byte[] content) {
		final byte[] header = new byte[512];
		put(header, 0, name, 100);
		put(header, 100, "0000644", 8);
		put(header, 108, "0000000", 8);
		put(header, 116, "0000000", 8);
		put(header, 124, String.format("%011o", content.length), 12);
		put(header, 136, "00000000000", 12);
		header[156] = (byte) type;
		put(header, 157, linkName, 100);
		put(header, 257, "ustar", 6);
		put(header, 263, "00", 2);
		for (int i = 148; i < 156; i++) header[i] = ' ';
		long sum = 0;
		for (final byte b : header) sum += b & 0xff;
		put(header, 148, String.format("%06o", sum), 7);
		bytes.writeBytes(header);
		bytes.writeBytes(content);
		bytes.writeBytes(new byte[(512 - content.length % 512) % 512]);
		return this;
	}

	/** The tar, ended by two zero blocks. */
	public byte[] tar() {
		final ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.writeBytes(bytes.toByteArray());
		all.writeBytes(new byte[1024]);
		return all.toByteArray();
	}

	/** The tar, gzip-compressed. */
	public byte[] tarGz() {
		final ByteArrayOutputStream gz = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
			out.write(tar());
		}
		catch (final IOException exc) {
			throw new IllegalStateException(exc);
		}
		return gz.toByteArray();
	}

	private static void put(final byte[] header, final int offset, final String text, final int length) {
		final byte[] b = text.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(b, 0, header, offset, Math.min(b.length, length));
	}
}
