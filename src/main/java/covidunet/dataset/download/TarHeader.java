package covidunet.dataset.download;

import java.nio.charset.StandardCharsets;

/**
 * One 512-byte header block of a tar file (POSIX ustar, GNU or old V7 format): the fields an
 * extraction needs. Sizes may be octal or GNU's base-256; the name of a POSIX ustar header
 * includes its prefix field.
 *
 * @param name the entry's name as recorded
 * @param size the size of the data that follows, in bytes
 * @param type the type flag: {@code '0'} or NUL a file, {@code '5'} a folder, {@code '1'} and
 *          {@code '2'} links, {@code 'x'}, {@code 'g'} POSIX extended headers, {@code 'L'},
 *          {@code 'K'} GNU long names …
 */
record TarHeader(String name, long size, char type) {

	/** The size of a block. */
	static final int BLOCK = 512;

	/**
	 * Parses a block.
	 *
	 * @return the header, or null for an all-zero block (the end of the archive)
	 * @throws IllegalArgumentException saying what is wrong if the block is not a tar header
	 */
	static TarHeader parse(final byte[] block) {
		if (isZero(block)) return null;
		final long recorded = octal(block, 148, 8, "checksum");
		if (recorded != checksum(block, false) && recorded != checksum(block, true)) {
			throw new IllegalArgumentException("a header with a wrong checksum");
		}
		final boolean posix = text(block, 257, 6).equals("ustar") && block[262] == 0;
		final String prefix = posix ? text(block, 345, 155) : "";
		final String name = text(block, 0, 100);
		final long size = number(block, 124, 12, "size");
		return new TarHeader(prefix.isEmpty() ? name : prefix + "/" + name, size, (char) block[156]);
	}

	/** Whether the entry is a regular file: {@code '0'}, NUL (old tars) or {@code '7'} (contiguous). */
	boolean isFile() {
		return type == '0' || type == 0 || type == '7';
	}

	/** Whether the entry is a folder. */
	boolean isDirectory() {
		return type == '5';
	}

	/** The number of bytes that follow the header: the size rounded up to whole blocks. */
	long paddedSize() {
		return padded(size);
	}

	/** A size rounded up to whole blocks. */
	static long padded(final long size) {
		return (size + BLOCK - 1) / BLOCK * BLOCK;
	}

	private static boolean isZero(final byte[] block) {
		for (final byte b : block) {
			if (b != 0) return false;
		}
		return true;
	}

	/** The sum of the header's bytes with the checksum field counted as blanks. */
	private static long checksum(final byte[] block, final boolean signed) {
		long sum = 0;
		for (int i = 0; i < BLOCK; i++) {
			final int b = i >= 148 && i < 156 ? ' ' : signed ? block[i] : block[i] & 0xff;
			sum += b;
		}
		return sum;
	}

	/** A NUL-terminated field as UTF-8. */
	private static String text(final byte[] block, final int offset, final int length) {
		int end = offset;
		while (end < offset + length && block[end] != 0) end++;
		return new String(block, offset, end - offset, StandardCharsets.UTF_8);
	}

	/** A number field: octal, or GNU's base-256 when its first byte has the high bit set. */
	private static long number(final byte[] block, final int offset, final int length, final String field) {
		if ((block[offset] & 0x80) == 0) return octal(block, offset, length, field);
		if ((block[offset] & 0x40) != 0) throw new IllegalArgumentException("a header with a negative " + field);
		long value = block[offset] & 0x3f;
		for (int i = offset + 1; i < offset + length; i++) {
			if (value > Long.MAX_VALUE >>> 8) throw new IllegalArgumentException("a header with a too large " + field);
			value = value << 8 | block[i] & 0xff;
		}
		return value;
	}

	/** An octal field, leading blanks and NULs skipped, ended by a blank or NUL. */
	private static long octal(final byte[] block, final int offset, final int length, final String field) {
		int i = offset;
		final int end = offset + length;
		while (i < end && (block[i] == ' ' || block[i] == 0)) i++;
		long value = 0;
		int digits = 0;
		for (; i < end && block[i] != ' ' && block[i] != 0; i++, digits++) {
			if (block[i] < '0' || block[i] > '7' || digits == 21) {
				throw new IllegalArgumentException("a header with a bad " + field + " field");
			}
			value = value << 3 | block[i] - '0';
		}
		if (digits == 0) throw new IllegalArgumentException("a header without a " + field);
		return value;
	}
}
