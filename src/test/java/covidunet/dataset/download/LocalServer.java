package covidunet.dataset.download;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An HTTP (or HTTPS) server on 127.0.0.1 for the download tests: serves files under {@code /files/<name>}
 * with support for {@code Range: bytes=N-}, records every request, and can be told to cut a
 * transfer short, to ignore ranges, to redirect a path, or to answer one with another status.
 */
public final class LocalServer implements AutoCloseable {

	/** One request as the server saw it. */
	public record Request(String path, String range) {}

	private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

	private final HttpServer server;
	private final Map<String, byte[]> files = new ConcurrentHashMap<>();
	private final Map<String, Integer> cuts = new ConcurrentHashMap<>();
	private final Map<String, String> redirects = new ConcurrentHashMap<>();
	private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
	private final List<Request> requests = new ArrayList<>();
	private volatile boolean ignoreRanges;

	/** Starts a plain HTTP server on 127.0.0.1 and a free port. */
	public LocalServer() throws IOException {
		this(null);
	}

	/** Starts a server on 127.0.0.1 and a free port: HTTPS with this TLS context, plain HTTP if null. */
	public LocalServer(final SSLContext tls) throws IOException {
		final InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
		if (tls == null) {
			server = HttpServer.create(address, 0);
		}
		else {
			final HttpsServer https = HttpsServer.create(address, 0);
			https.setHttpsConfigurator(new HttpsConfigurator(tls));
			server = https;
		}
		server.createContext("/", this::handle);
		server.start();
	}

	/** {@code http://127.0.0.1:<port>/files}: the base URL of the served files. */
	public String baseUrl() {
		return origin() + "/files";
	}

	/** {@code http://127.0.0.1:<port>}, or {@code https://…} for an HTTPS server. */
	public String origin() {
		return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Serves {@code bytes} as {@code /files/<name>}. */
	public void serve(final String name, final byte[] bytes) {
		files.put(name, bytes.clone());
	}

	/** The next transfer of {@code name} stops after {@code bytes} body bytes: the connection drops. */
	public void cutAfter(final String name, final int bytes) {
		cuts.put(name, bytes);
	}

	/** Whether the server answers range requests with the whole file (status 200). */
	public void ignoreRanges(final boolean ignore) {
		ignoreRanges = ignore;
	}

	/** Answers every request for {@code path} with an empty body and {@code status} (e.g. 429). */
	public void answer(final String path, final int status) {
		statuses.put(path, status);
	}

	/** Answers {@code path} with 302 to {@code location}. */
	public void redirect(final String path, final String location) {
		redirects.put(path, location);
	}

	/** The requests so far. */
	public synchronized List<Request> requests() {
		return List.copyOf(requests);
	}

	private synchronized void record(final Request request) {
		requests.add(request);
	}

	private void handle(final HttpExchange exchange) throws IOException {
		final String path = exchange.getRequestURI().getPath();
		final String range = exchange.getRequestHeaders().getFirst("Range");
		record(new Request(path, range));
		final Integer status = statuses.get(path);
		if (status != null) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		final String location = redirects.get(path);
		if (location != null) {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
			return;
		}
		final byte[] bytes = path.startsWith("/files/") ? files.get(path.substring("/files/".length())) : null;
		if (bytes == null) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		int from = 0;
		final Matcher m = range == null || ignoreRanges ? null : RANGE.matcher(range);
		if (m != null && m.matches()) {
			from = Integer.parseInt(m.group(1));
			if (from >= bytes.length) {
				exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
				exchange.sendResponseHeaders(416, -1);
				exchange.close();
				return;
			}
			final String sent = "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length;
			exchange.getResponseHeaders().set("Content-Range", sent);
			exchange.sendResponseHeaders(206, bytes.length - from);
		}
		else {
			exchange.sendResponseHeaders(200, bytes.length);
		}
		final Integer cut = cuts.remove(path.substring("/files/".length()));
		final OutputStream body = exchange.getResponseBody();
		if (cut != null) {
			body.write(bytes, from, Math.min(cut, bytes.length - from));
			body.flush();
			// Throwing makes the server drop the connection mid-body.
			throw new IOException("cut by the test");
		}
		body.write(bytes, from, bytes.length - from);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
