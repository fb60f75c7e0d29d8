package covidunet.dataset.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

import covidunet.BadInputException;
import covidunet.EnvironmentException;

/**
 * Fetches a small document, such as a Zenodo record's JSON, into memory under the rules of
 * {@link FileDownload}: only URLs (and redirects) that {@link UrlPolicy} allows, the same
 * timeouts, HTTP 4xx answers as bad input and network failures as {@link EnvironmentException}s.
 */
public final class DocumentDownload {

	/** The largest document accepted, in bytes. */
	public static final int MAX_BYTES = 8 << 20;

	private final Duration connectTimeout;
	private final Duration readTimeout;

	/** A download with {@link FileDownload}'s default timeouts. */
	public DocumentDownload() {
		this(FileDownload.CONNECT_TIMEOUT, FileDownload.READ_TIMEOUT);
	}

	/**
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the next bytes
	 */
	public DocumentDownload(final Duration connectTimeout, final Duration readTimeout) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
	}

	/**
	 * The body that {@code url} answers with.
	 *
	 * @param accept the media type asked for, e.g. {@code application/json}
	 * @param what what the document should be, for messages, e.g. {@code "a Zenodo record"}
	 * @throws BadInputException naming the URL if it or a redirect is refused, the server answers
	 *           HTTP 4xx, or the body is larger than {@value #MAX_BYTES} bytes
	 * @throws EnvironmentException naming the URL when the network fails or the server answers
	 *           HTTP 5xx
	 */
	public byte[] fetch(final URI url, final String accept, final String what) {
		if (!UrlPolicy.allowed(url)) {
			throw new BadInputException("refused to download " + url +
				": only https://, or plain http:// to this machine");
		}
		try (HttpGet get = HttpGet.open(url, 0, accept, connectTimeout, readTimeout)) {
			if (get.status() != 200) throw FileDownload.failed(get);
			try (InputStream in = get.body()) {
				return read(in, url, what);
			}
		}
		catch (final IOException exc) {
			throw new EnvironmentException("cannot download " + url + ": " + FileDownload.describe(exc) +
				"; check the network connection (and proxy settings) and run again", exc);
		}
	}

	private static byte[] read(final InputStream in, final URI url, final String what) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final byte[] buffer = new byte[1 << 16];
		for (int n; (n = in.read(buffer)) >= 0;) {
			if (bytes.size() + n > MAX_BYTES) {
				throw new BadInputException(url + ": more than " + MAX_BYTES + " bytes, too large for " + what);
			}
			bytes.write(buffer, 0, n);
		}
		return bytes.toByteArray();
	}
}
