package covidunet.dataset.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.LongSupplier;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.EnvironmentException;
import covidunet.Progress;

/**
 * Downloads one file safely and resumably:
 * <ul>
 * <li>only from URLs that {@link UrlPolicy} allows (HTTPS, or plain HTTP to this machine), with
 * redirects likewise, and with connect and read timeouts;</li>
 * <li>into {@code <target>.part} beside the target; a later run resumes it with
 * {@code Range: bytes=<size>-} (a server that ignores the range sends everything again, and the
 * part starts over);</li>
 * <li>with the expected digest (SHA-256 or MD5, see {@link ExpectedDigest}) and the SHA-256
 * computed while the bytes arrive (the part's earlier bytes are read again on resume), and the
 * part renamed to the target only when the digest (and the size, where one is expected) is as
 * expected; a part whose digest or size is wrong is kept as {@code <target>.corrupt} for
 * inspection (replacing an older one) so that the next run starts afresh;</li>
 * <li>a target that exists already is verified and not downloaded again, and never deleted,
 * even when its digest is wrong.</li>
 * </ul>
 * Failures: {@link BadInputException} for a refused URL, an HTTP 4xx answer, a wrong digest or
 * size, or an output that cannot be written; {@link EnvironmentException} when the network fails (no
 * connection, a timeout, a transfer cut short, HTTP 5xx) — running again resumes;
 * {@link CancelledException} when cancelled between chunks, keeping the part.
 */
public final class FileDownload {

	/** How long to wait for a connection. */
	public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	/** How long to wait for the next bytes before giving up. */
	public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	/** The suffix of a partial download. */
	public static final String PART = ".part";

	/** The suffix under which a download with a wrong digest is kept. */
	public static final String CORRUPT = ".corrupt";

	private static final int CHUNK = 1 << 16;

	/**
	 * What {@link #fetch} did.
	 *
	 * @param file the verified file
	 * @param sha256 its full SHA-256, lower-case hex (whichever digest it was checked with)
	 * @param downloaded false if the file was there already
	 * @param bytesTransferred the body bytes received in this run
	 */
	public record Result(Path file, String sha256, boolean downloaded, long bytesTransferred) {}

	private record Transfer(Digests.Values digests, long bytes, long size) {}

	private final Duration connectTimeout;
	private final Duration readTimeout;
	private final LongSupplier nanoTime;

	/** A download with the default timeouts. */
	public FileDownload() {
		this(CONNECT_TIMEOUT, READ_TIMEOUT);
	}

	/**
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the next bytes
	 */
	public FileDownload(final Duration connectTimeout, final Duration readTimeout) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.nanoTime = System::nanoTime;
	}

	/**
	 * Makes {@code target} a verified copy of what {@code url} serves: checks an existing target,
	 * else downloads (resuming {@code <target>.part} if there is one) and verifies.
	 *
	 * @param expected the digest (or its prefix) the file must have
	 * @param progress gets progress lines (see {@link TransferProgress}); checked for
	 *          cancellation between chunks
	 * @throws BadInputException for a refused URL or redirect, an HTTP 4xx answer, a wrong digest
	 *           or an output that cannot be written
	 * @throws EnvironmentException when the network fails; running again resumes
	 * @throws CancelledException when cancelled; the part is kept
	 */
	public Result fetch(final URI url, final Path target, final ExpectedDigest expected,
		final Progress progress)
	{
		return fetch(url, target, expected, -1, progress);
	}

	/**
	 * Makes {@code target} a verified copy of what {@code url} serves, as
	 * {@link #fetch(URI, Path, ExpectedDigest, Progress)}, also checking its size.
	 *
	 * @param expectedSize the size in bytes the file must have, or -1 if not known
	 * @throws BadInputException also if the size is not the expected one
	 */
	public Result fetch(final URI url, final Path target, final ExpectedDigest expected, final long expectedSize,
		final Progress progress)
	{
		if (!UrlPolicy.allowed(url)) {
			throw new BadInputException("refused to download " + url +
				": only https://, or plain http:// to this machine");
		}
		final String name = target.getFileName().toString();
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			return existing(target, name, expected, expectedSize, progress);
		}
		final Path part = sibling(target, PART);
		final Transfer transfer;
		try {
			Files.createDirectories(target.toAbsolutePath().getParent());
			transfer = transfer(url, part, name, expected, progress);
		}
		catch (final CancelledException exc) {
			throw new CancelledException(name + ": download cancelled" + (Files.exists(part) ? "; " + part +
				" is kept for the next run to resume" : ""));
		}
		catch (final IOException exc) {
			throw new BadInputException("cannot write " + part + ": " + exc.getMessage(), exc);
		}
		try {
			final String mismatch =
				mismatch(transfer.digests(), transfer.size(), expected, expectedSize, "%s of the download");
			if (mismatch != null) {
				final Path corrupt = sibling(target, CORRUPT);
				Files.move(part, corrupt, StandardCopyOption.REPLACE_EXISTING);
				throw new BadInputException(target + ": " + mismatch + "; kept as " +
					corrupt.getFileName() + ", not used");
			}
			Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException exc) {
			throw new BadInputException("cannot rename " + part + ": " + exc.getMessage(), exc);
		}
		return new Result(target, transfer.digests().sha256(), true, transfer.bytes());
	}

	private static Result existing(final Path target, final String name, final ExpectedDigest expected,
		final long expectedSize, final Progress progress)
	{
		if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new BadInputException(target + ": exists and is not a regular file");
		}
		final Digests.Values actual;
		final long size;
		try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
			size = channel.size();
			final Digests digests = new Digests(expected.algorithm());
			digests.update(channel, size, name + ": checking the existing file", progress);
			actual = digests.finish();
		}
		catch (final IOException exc) {
			throw new BadInputException("cannot read " + target + ": " + exc.getMessage(), exc);
		}
		final String mismatch = mismatch(actual, size, expected, expectedSize, "its %s");
		if (mismatch != null) {
			throw new BadInputException(target + ": exists, but " + mismatch +
				"; move it away to download it again");
		}
		return new Result(target, actual.sha256(), false, 0);
	}

	/**
	 * What is wrong with a file's digest or size, or null if nothing is.
	 *
	 * @param property how a property of the file is named, {@code %s} standing for the property
	 *          (e.g. {@code "its %s"})
	 */
	private static String mismatch(final Digests.Values actual, final long size, final ExpectedDigest expected,
		final long expectedSize, final String property)
	{
		final boolean sizeWrong = expectedSize >= 0 && size != expectedSize;
		final String sizes = String.format(property, "size") + " is " + size + " bytes, expected " + expectedSize;
		if (!expected.matches(actual.checked())) {
			return String.format(property, expected.algorithm().label()) + " is " + actual.checked() + ", expected " +
				expected + " (" + expected.source() + ")" + (sizeWrong ? "; " + sizes : "");
		}
		return sizeWrong ? sizes + " (" + expected.source() + ")" : null;
	}

	private static Path sibling(final Path target, final String suffix) {
		return target.resolveSibling(target.getFileName() + suffix);
	}

	/**
	 * Downloads into the part, resuming it, under a lock; returns the whole part's digests. A part
	 * that is still empty when this fails is removed.
	 */
	private Transfer transfer(final URI url, final Path part, final String name, final ExpectedDigest expected,
		final Progress progress) throws IOException
	{
		try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
			StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS); FileLock lock = lock(channel, part))
		{
			try {
				return resume(url, channel, part, name, new Digests(expected.algorithm()), progress);
			}
			catch (final IOException | RuntimeException exc) {
				if (channel.size() == 0) Files.deleteIfExists(part);
				throw exc;
			}
		}
	}

	/** Continues the part from its end (or starts it over if the server cannot continue it). */
	private Transfer resume(final URI url, final FileChannel channel, final Path part, final String name,
		final Digests digest, final Progress progress) throws IOException
	{
		long offset = channel.size();
		if (offset > 0) digest.update(channel, offset, name + ": checking the partial download", progress);
		HttpGet get = open(url, offset);
		try {
			if (get.status() == 416 && offset > 0) {
				final ContentRange range = ContentRange.parse(get.header("Content-Range"));
				if (range != null && range.total() == offset) return new Transfer(digest.finish(), 0, offset);
				get.close();
				offset = restart(channel, digest, name + ": the partial download does not fit the file on the server",
					progress);
				get = open(url, 0);
			}
			final long total;
			if (get.status() == 206) {
				final ContentRange range = ContentRange.parse(get.header("Content-Range"));
				if (range == null || range.first() != offset) {
					throw new EnvironmentException(get.url() + ": the server sent bytes from another offset than " +
						offset + " (Content-Range: " + get.header("Content-Range") + "); delete " + part +
						" and run again");
				}
				total = range.total();
			}
			else if (get.status() == 200) {
				if (offset > 0) {
					offset = restart(channel, digest, name + ": the server does not resume downloads", progress);
				}
				total = get.contentLength();
			}
			else {
				throw failed(get);
			}
			final long received = copy(get, channel, offset, total, digest, name, part, progress);
			return new Transfer(digest.finish(), received, channel.size());
		}
		finally {
			get.close();
		}
	}

	private static FileLock lock(final FileChannel channel, final Path part) throws IOException {
		try {
			final FileLock lock = channel.tryLock();
			if (lock != null) return lock;
		}
		catch (final OverlappingFileLockException exc) {
			// held by this process: the same case as another process
		}
		throw new BadInputException(part + ": another download is writing it");
	}

	private HttpGet open(final URI url, final long from) {
		try {
			return HttpGet.open(url, from, connectTimeout, readTimeout);
		}
		catch (final IOException exc) {
			throw new EnvironmentException("cannot download " + url + ": " + describe(exc) +
				"; check the network connection (and proxy settings) and run again", exc);
		}
	}

	private static long restart(final FileChannel channel, final Digests digest, final String why,
		final Progress progress) throws IOException
	{
		progress.report(why + "; starting over", 0, 0);
		channel.truncate(0);
		digest.reset();
		return 0;
	}

	/**
	 * The failure that an HTTP answer other than 200 or 206 means: bad input for 4xx, except 408
	 * (request timeout) and 429 (too many requests), which pass like the server errors.
	 */
	static RuntimeException failed(final HttpGet get) throws IOException {
		final int status = get.status();
		final String answer = get.url() + ": the server answered HTTP " + status +
			(get.reason().isEmpty() ? "" : " " + get.reason());
		if (status >= 400 && status < 500 && status != 408 && status != 429) return new BadInputException(answer);
		return new EnvironmentException(answer + "; try again later");
	}

	/** Appends the body to the part from {@code offset} on; returns the bytes received. */
	private long copy(final HttpGet get, final FileChannel channel, final long offset, final long total,
		final Digests digest, final String name, final Path part, final Progress progress)
		throws IOException
	{
		channel.position(offset);
		final TransferProgress transfer = new TransferProgress(name, offset, total, progress, nanoTime);
		final byte[] buffer = new byte[CHUNK];
		try (InputStream in = get.body()) {
			while (true) {
				progress.checkCancelled();
				final int n;
				try {
					n = in.read(buffer);
				}
				catch (final IOException exc) {
					throw interrupted(get, transfer.done(), total, part, describe(exc), exc);
				}
				if (n < 0) break;
				final ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
				while (chunk.hasRemaining()) channel.write(chunk);
				digest.update(buffer, 0, n);
				transfer.add(n);
			}
		}
		if (total >= 0 && transfer.done() != total) {
			throw interrupted(get, transfer.done(), total, part, "the connection closed early", null);
		}
		channel.force(true);
		transfer.finish();
		return transfer.done() - offset;
	}

	private static EnvironmentException interrupted(final HttpGet get, final long done, final long total,
		final Path part, final String why, final Throwable cause)
	{
		return new EnvironmentException(get.url() + ": the transfer stopped after " + TransferProgress.size(done) +
			(total >= 0 ? " of " + TransferProgress.size(total) : "") + " (" + why +
			"); run the same command again to resume " + part, cause);
	}

	/** An I/O failure for one-line messages: its class and message. */
	static String describe(final IOException exc) {
		return exc.getMessage() == null ? exc.getClass().getSimpleName() :
			exc.getClass().getSimpleName() + ": " + exc.getMessage();
	}
}
