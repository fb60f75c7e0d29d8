package covidunet.dataset.download;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP {@code Content-Range} header in bytes: {@code bytes 100-199/200} (a part of 200 bytes)
 * or {@code bytes *&#47;200} (the answer to a range that cannot be satisfied).
 *
 * @param first the first byte sent, or -1 for {@code *}
 * @param last the last byte sent, or -1 for {@code *}
 * @param total the whole length, or -1 if the server does not say
 */
record ContentRange(long first, long last, long total) {

	private static final Pattern RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

	/** Parses a header; null if it is absent or malformed. */
	static ContentRange parse(final String header) {
		if (header == null) return null;
		final Matcher m = RANGE.matcher(header.strip().toLowerCase(Locale.ROOT));
		if (!m.matches()) return null;
		try {
			final long first = m.group(1) == null ? -1 : Long.parseLong(m.group(1));
			final long last = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
			final long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
			if (first > last || total >= 0 && last >= total) return null;
			return new ContentRange(first, last, total);
		}
		catch (final NumberFormatException exc) {
			return null;
		}
	}
}
