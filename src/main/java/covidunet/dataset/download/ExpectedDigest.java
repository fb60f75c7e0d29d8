package covidunet.dataset.download;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 a file must have: the full 64 hex digits, or only their beginning where no more is
 * known (the project knows only prefixes of the Zenodo files' digests). A prefix match is a
 * weaker check than a full one, and messages say which was done.
 *
 * @param hex the expected digest or its beginning, lower-case hex, 8 to 64 digits
 * @param source where the value comes from, for messages, e.g. {@code "--checksums sums.txt"}
 */
public record ExpectedDigest(String hex, String source) {

	/** The number of hex digits of a full SHA-256. */
	public static final int FULL_LENGTH = 64;

	/** The fewest hex digits accepted as a prefix. */
	public static final int MIN_PREFIX_LENGTH = 8;

	private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

	/**
	 * @throws IllegalArgumentException if {@code hex} is not 8 to 64 hex digits
	 */
	public ExpectedDigest {
		hex = hex.toLowerCase(Locale.ROOT);
		if (hex.length() < MIN_PREFIX_LENGTH || hex.length() > FULL_LENGTH || !HEX.matcher(hex).matches()) {
			throw new IllegalArgumentException("not a SHA-256 digest or prefix: '" + hex + "'");
		}
	}

	/** Whether only the beginning of the digest is known. */
	public boolean isPrefix() {
		return hex.length() < FULL_LENGTH;
	}

	/** Whether a full digest (lower-case hex) agrees with this one. */
	public boolean matches(final String actualHex) {
		return actualHex.length() == FULL_LENGTH && actualHex.startsWith(hex);
	}

	/** The digest as messages show it: a prefix ends with {@code …}. */
	@Override
	public String toString() {
		return isPrefix() ? hex + "…" : hex;
	}
}
