package covidunet.dataset.download;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The digest a file must have: SHA-256 (the dataset's files, {@code --checksums}) or MD5 (what
 * Zenodo's records API publishes for each file), as all its hex digits or only their beginning
 * where no more is known (the project knows only prefixes of the dataset files' SHA-256). A prefix
 * match is a weaker check than a full one, and messages say which was done.
 *
 * @param algorithm the digest's algorithm
 * @param hex the expected digest or its beginning, lower-case hex, from 8 digits to the
 *          algorithm's full length
 * @param source where the value comes from, for messages, e.g. {@code "--checksums sums.txt"}
 */
public record ExpectedDigest(Algorithm algorithm, String hex, String source) {

	/** A digest algorithm that downloads are checked with. */
	public enum Algorithm {

		/** SHA-256: 64 hex digits. */
		SHA256("SHA-256", 64),

		/** MD5: 32 hex digits; Zenodo's checksums. */
		MD5("MD5", 32);

		private final String label;
		private final int hexLength;

		Algorithm(final String label, final int hexLength) {
			this.label = label;
			this.hexLength = hexLength;
		}

		/** The name in messages and in Java's security providers, e.g. {@code SHA-256}. */
		public String label() {
			return label;
		}

		/** The number of hex digits of a full digest. */
		public int hexLength() {
			return hexLength;
		}

		/** A fresh digest (every Java platform has SHA-256 and MD5). */
		public MessageDigest newDigest() {
			try {
				return MessageDigest.getInstance(label);
			}
			catch (final NoSuchAlgorithmException exc) {
				throw new IllegalStateException("this Java has no " + label, exc);
			}
		}
	}

	/** The number of hex digits of a full SHA-256. */
	public static final int FULL_LENGTH = 64;

	/** The fewest hex digits accepted as a prefix. */
	public static final int MIN_PREFIX_LENGTH = 8;

	private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

	/**
	 * @throws IllegalArgumentException if {@code hex} is not 8 hex digits to the algorithm's full
	 *           length
	 */
	public ExpectedDigest {
		hex = hex.toLowerCase(Locale.ROOT);
		if (hex.length() < MIN_PREFIX_LENGTH || hex.length() > algorithm.hexLength() || !HEX.matcher(hex).matches()) {
			throw new IllegalArgumentException("not a " + algorithm.label() + " digest or prefix: '" + hex + "'");
		}
	}

	/**
	 * A SHA-256 or its prefix.
	 *
	 * @throws IllegalArgumentException if {@code hex} is not 8 to 64 hex digits
	 */
	public ExpectedDigest(final String hex, final String source) {
		this(Algorithm.SHA256, hex, source);
	}

	/**
	 * A full MD5.
	 *
	 * @throws IllegalArgumentException if {@code hex} is not 32 hex digits
	 */
	public static ExpectedDigest md5(final String hex, final String source) {
		final ExpectedDigest digest = new ExpectedDigest(Algorithm.MD5, hex, source);
		if (digest.isPrefix()) throw new IllegalArgumentException("not a full MD5 digest: '" + hex + "'");
		return digest;
	}

	/** Whether only the beginning of the digest is known. */
	public boolean isPrefix() {
		return hex.length() < algorithm.hexLength();
	}

	/** Whether a full digest of this algorithm (lower-case hex) agrees with this one. */
	public boolean matches(final String actualHex) {
		return actualHex.length() == algorithm.hexLength() && actualHex.startsWith(hex);
	}

	/** The digest as messages show it: a prefix ends with {@code …}. */
	@Override
	public String toString() {
		return isPrefix() ? hex + "…" : hex;
	}
}
