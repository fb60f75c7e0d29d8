package covidunet.dataset.download;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs a download may use: HTTPS anywhere; plain HTTP only to this machine, i.e. a host
 * written as {@code localhost}, an IPv4 address in 127.0.0.0/8 or the IPv6 loopback address. The
 * decision looks at the URL's text only and never resolves a name, so a refused URL causes no
 * network traffic at all.
 */
public final class UrlPolicy {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private UrlPolicy() {}

	/** Whether a URL may be fetched. */
	public static boolean allowed(final URI url) {
		final String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (url.getHost() == null || url.getRawUserInfo() != null) return false;
		if (scheme.equals("https")) return true;
		return scheme.equals("http") && isLoopback(url.getHost());
	}

	/**
	 * Whether a redirect from {@code from} to {@code to} may be followed: to HTTPS always, to plain
	 * HTTP only from plain HTTP on this machine to this machine.
	 */
	static boolean redirectAllowed(final URI from, final URI to) {
		if (!allowed(to)) return false;
		if ("https".equalsIgnoreCase(to.getScheme())) return true;
		return "http".equalsIgnoreCase(from.getScheme()) && isLoopback(from.getHost());
	}

	/** Whether a URL's host names this machine, judged from its text alone. */
	static boolean isLoopback(final String host) {
		if (host == null) return false;
		final String h = host.toLowerCase(Locale.ROOT);
		if (h.equals("localhost")) return true;
		final Matcher m = IPV4.matcher(h);
		if (m.matches()) {
			for (int i = 1; i <= 4; i++) {
				if (Integer.parseInt(m.group(i)) > 255) return false;
			}
			return Integer.parseInt(m.group(1)) == 127;
		}
		if (h.startsWith("[") && h.endsWith("]") && h.indexOf(':') >= 0) {
			try {
				// An IPv6 literal: parsed, never looked up.
				return InetAddress.getByName(h).isLoopbackAddress();
			}
			catch (final UnknownHostException exc) {
				return false;
			}
		}
		return false;
	}
}
