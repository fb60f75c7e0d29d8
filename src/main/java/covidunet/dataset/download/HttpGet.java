package covidunet.dataset.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import covidunet.BadInputException;

/**
 * One GET request, optionally from a byte offset on ({@code Range: bytes=<from>-}), following at
 * most {@value #MAX_REDIRECTS} redirects, each only where {@link UrlPolicy#redirectAllowed}
 * allows it. Requests to this machine bypass any configured proxy. Closing it drops the
 * connection.
 */
final class HttpGet implements AutoCloseable {

	/** The most redirects followed. */
	static final int MAX_REDIRECTS = 5;

	private static final String USER_AGENT = "covid-unet (Fiji plugin; dataset and model download)";

	private final URI url;
	private final HttpURLConnection connection;
	private final int status;

	private HttpGet(final URI url, final HttpURLConnection connection, final int status) {
		this.url = url;
		this.connection = connection;
		this.status = status;
	}

	/**
	 * Sends the request and reads the response's status and headers.
	 *
	 * @param from the first byte wanted; 0 sends no {@code Range} header
	 * @throws BadInputException if a redirect leads where {@link UrlPolicy} does not allow
	 * @throws IOException if the server cannot be reached, answers nothing in time, or redirects
	 *           too often or without a location
	 */
	static HttpGet open(final URI url, final long from, final Duration connectTimeout,
		final Duration readTimeout) throws IOException
	{
		return open(url, from, null, connectTimeout, readTimeout);
	}

	/**
	 * Sends the request with an {@code Accept} header, as {@link #open(URI, long, Duration, Duration)}.
	 *
	 * @param accept the media type wanted, e.g. {@code application/json}; null sends Java's default
	 */
	static HttpGet open(final URI url, final long from, final String accept, final Duration connectTimeout,
		final Duration readTimeout) throws IOException
	{
		URI current = url;
		for (int redirects = 0;; redirects++) {
			final HttpURLConnection connection = connect(current, from, accept, connectTimeout, readTimeout);
			final int status = connection.getResponseCode();
			if (!isRedirect(status)) return new HttpGet(current, connection, status);
			final String location = connection.getHeaderField("Location");
			connection.disconnect();
			if (location == null) throw new IOException(current + ": HTTP " + status + " without a Location");
			if (redirects == MAX_REDIRECTS) throw new IOException(url + ": more than " + MAX_REDIRECTS + " redirects");
			final URI next;
			try {
				next = current.resolve(new URI(location));
			}
			catch (final URISyntaxException | IllegalArgumentException exc) {
				throw new IOException(current + ": redirected to a bad location '" + location + "'", exc);
			}
			if (!UrlPolicy.redirectAllowed(current, next)) {
				throw new BadInputException(current + ": redirected to " + next +
					", which is not https://; refused");
			}
			current = next;
		}
	}

	private static HttpURLConnection connect(final URI url, final long from, final String accept,
		final Duration connectTimeout, final Duration readTimeout) throws IOException
	{
		final HttpURLConnection connection;
		try {
			connection = (HttpURLConnection) (UrlPolicy.isLoopback(url.getHost()) ?
				url.toURL().openConnection(Proxy.NO_PROXY) : url.toURL().openConnection());
		}
		catch (final MalformedURLException | IllegalArgumentException exc) {
			throw new IOException(url + ": not a URL Java can open", exc);
		}
		connection.setInstanceFollowRedirects(false);
		connection.setUseCaches(false);
		connection.setConnectTimeout((int) connectTimeout.toMillis());
		connection.setReadTimeout((int) readTimeout.toMillis());
		connection.setRequestProperty("User-Agent", USER_AGENT);
		connection.setRequestProperty("Accept-Encoding", "identity");
		if (accept != null) connection.setRequestProperty("Accept", accept);
		if (from > 0) connection.setRequestProperty("Range", "bytes=" + from + "-");
		return connection;
	}

	private static boolean isRedirect(final int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	/** The URL that answered, after redirects. */
	URI url() {
		return url;
	}

	/** The HTTP status code. */
	int status() {
		return status;
	}

	/** The status line's text after the code, or an empty string. */
	String reason() throws IOException {
		final String message = connection.getResponseMessage();
		return message == null ? "" : message;
	}

	/** A response header, or null. */
	String header(final String name) {
		return connection.getHeaderField(name);
	}

	/** The body's announced length, or -1 if not announced. */
	long contentLength() {
		return connection.getContentLengthLong();
	}

	/** The body (of a 2xx response). */
	InputStream body() throws IOException {
		return connection.getInputStream();
	}

	@Override
	public void close() {
		connection.disconnect();
	}
}
