package covidunet.dataset.download;

import java.net.URI;
import java.net.URISyntaxException;

import covidunet.BadInputException;

/**
 * Where the dataset's files are: {@code <base>/<name>}. The default is Zenodo's record
 * ({@value ZenodoRecord#DEFAULT_BASE_URL}), whose files are fetched as
 * {@code <base>/<name>?download=1}; {@code --base_url} names a mirror, e.g. a local one.
 */
public final class BaseUrl {

	private final String base;
	private final boolean zenodo;

	private BaseUrl(final String base, final boolean zenodo) {
		this.base = base;
		this.zenodo = zenodo;
	}

	/** Zenodo's record. */
	public static BaseUrl zenodo() {
		return new BaseUrl(ZenodoRecord.DEFAULT_BASE_URL, true);
	}

	/**
	 * The base URL a user gave, or Zenodo's if none (null or blank). Trailing slashes are dropped.
	 *
	 * @throws BadInputException naming {@code --base_url} if it is not an http(s) URL without user
	 *           name, query or fragment, or if it uses plain {@code http://} for a host other than
	 *           this machine (see {@link UrlPolicy}); no name is resolved to decide this
	 */
	public static BaseUrl parse(final String text) {
		if (text == null || text.isBlank()) return zenodo();
		return new BaseUrl(checked(text, "--base_url").toString(), false);
	}

	/**
	 * A URL a user gave for an option, checked as {@link #parse} checks a base URL, trailing
	 * slashes dropped.
	 *
	 * @param option the option, for messages, e.g. {@code --base_url}
	 * @throws BadInputException naming the option as {@link #parse} does
	 */
	public static URI checked(final String text, final String option) {
		final String trimmed = text.strip().replaceAll("/+$", "");
		final URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (final URISyntaxException exc) {
			throw bad(text, option, "not a URL (" + exc.getReason() + ")");
		}
		final String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
			throw bad(text, option, "expected an https:// URL");
		}
		if (uri.getHost() == null) throw bad(text, option, "no host name");
		if (uri.getRawUserInfo() != null) throw bad(text, option, "must not contain a user name or password");
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw bad(text, option, "must not have a query or fragment");
		}
		if (!UrlPolicy.allowed(uri)) {
			throw bad(text, option,
				"plain http:// is allowed only to this machine (localhost, 127.0.0.1, [::1]); use https://");
		}
		return uri;
	}

	private static BadInputException bad(final String text, final String option, final String problem) {
		return new BadInputException("bad value '" + text + "' for " + option + ": " + problem);
	}

	/** The URL of one file. */
	public URI fileUrl(final String name) {
		return URI.create(base + "/" + name + (zenodo ? "?download=1" : ""));
	}

	/** Whether this is Zenodo's record rather than a mirror. */
	public boolean isZenodo() {
		return zenodo;
	}

	@Override
	public String toString() {
		return base;
	}
}
