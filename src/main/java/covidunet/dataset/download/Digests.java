package covidunet.dataset.download;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;

import covidunet.Progress;
import covidunet.io.Sha256;
import covidunet.dataset.download.ExpectedDigest.Algorithm;

/**
 * The digests of one download, computed in one pass: always its SHA-256 (what the project
 * identifies files by), and the expected digest's algorithm where that is another (Zenodo's MD5).
 */
final class Digests {

	private final MessageDigest sha256;
	private final MessageDigest checked;

	/** Digests for a file checked with {@code algorithm}. */
	Digests(final Algorithm algorithm) {
		sha256 = Algorithm.SHA256.newDigest();
		checked = algorithm == Algorithm.SHA256 ? null : algorithm.newDigest();
	}

	/** Adds bytes. */
	void update(final byte[] bytes, final int offset, final int length) {
		sha256.update(bytes, offset, length);
		if (checked != null) checked.update(bytes, offset, length);
	}

	/**
	 * Adds the first {@code length} bytes of a file, reading from its start without moving the
	 * channel's position. Reports progress and stops between chunks when cancelled.
	 */
	void update(final FileChannel channel, final long length, final String task, final Progress progress)
		throws IOException
	{
		Sha256.read(channel, length, task, progress, this::update);
	}

	/** Starts over, as if nothing had been added. */
	void reset() {
		sha256.reset();
		if (checked != null) checked.reset();
	}

	/**
	 * The digests of what was added: the SHA-256 and the checked algorithm's, both lower-case hex
	 * (the same text twice for SHA-256). Call once.
	 */
	Values finish() {
		final String sha = HexFormat.of().formatHex(sha256.digest());
		return new Values(sha, checked == null ? sha : HexFormat.of().formatHex(checked.digest()));
	}

	/**
	 * The finished digests.
	 *
	 * @param sha256 the SHA-256
	 * @param checked the digest in the algorithm the file is checked with
	 */
	record Values(String sha256, String checked) {}
}
