package covidunet.dataset.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import covidunet.BadInputException;

/** Base URLs, which hosts count as this machine, and redirects: all judged without any lookup. */
class UrlsTest {

	@Test
	void zenodoIsTheDefault() {
		assertEquals(URI.create("https://zenodo.org/records/3757476/files/Lung_Mask.zip?download=1"),
			BaseUrl.parse(null).fileUrl("Lung_Mask.zip"));
		assertEquals(BaseUrl.zenodo().fileUrl("x.zip"), BaseUrl.parse("  ").fileUrl("x.zip"));
		assertTrue(BaseUrl.parse("").isZenodo());
	}

	@Test
	void aMirrorReplacesThePartBeforeTheName() {
		assertEquals(URI.create("https://mirror.example.org/covid/Lung_Mask.zip"),
			BaseUrl.parse("https://mirror.example.org/covid/").fileUrl("Lung_Mask.zip"));
		assertEquals(URI.create("http://127.0.0.1:8080/f/a.zip"), BaseUrl.parse("http://127.0.0.1:8080/f").fileUrl("a.zip"));
		assertFalse(BaseUrl.parse("https://zenodo.org/record/3757476/files").isZenodo());
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:1/x", "http://127.1.2.3/", "http://localhost:8000", "http://LOCALHOST/",
		"http://[::1]:8080/files", "http://[0:0:0:0:0:0:0:1]/", "https://example.org/files" })
	void allowed(final String url) {
		BaseUrl.parse(url);
		assertTrue(UrlPolicy.allowed(URI.create(url)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://example.invalid/", "http://zenodo.org/records/3757476/files", "http://10.0.0.1/",
		"http://127.0.0.1.example.invalid/", "http://localhost.example.invalid/", "http://2130706433/", "http://128.0.0.1/",
		"http://[::2]/" })
	void plainHttpElsewhereIsRefused(final String url) {
		final BadInputException e = assertThrows(BadInputException.class, () -> BaseUrl.parse(url));
		assertEquals("bad value '" + url + "' for --base_url: plain http:// is allowed only to this machine " +
			"(localhost, 127.0.0.1, [::1]); use https://", e.getMessage());
		assertFalse(UrlPolicy.allowed(URI.create(url)));
	}

	@Test
	void otherBadBaseUrls() {
		assertBad("ftp://example.org/x", "expected an https:// URL");
		assertBad("file:///tmp/x", "expected an https:// URL");
		assertBad("zenodo.org/records/3757476/files", "expected an https:// URL");
		assertBad("https://user:secret@example.org/x", "must not contain a user name or password");
		assertBad("http://127.0.0.1@example.invalid/x", "must not contain a user name or password");
		assertBad("https://example.org/x?a=1", "must not have a query or fragment");
		assertBad("https:///x", "no host name");
		assertBad("http://0x7f.1/", "no host name");
		assertBad("http://127.0.0.256/", "no host name");
		assertBad("https://exa mple.org/", "not a URL (Illegal character in authority)");
	}

	private static void assertBad(final String url, final String problem) {
		final BadInputException e = assertThrows(BadInputException.class, () -> BaseUrl.parse(url));
		assertEquals("bad value '" + url + "' for --base_url: " + problem, e.getMessage());
	}

	@Test
	void redirects() {
		final URI local = URI.create("http://127.0.0.1:9/a");
		final URI zenodo = URI.create("https://zenodo.org/records/1/files/a");
		assertTrue(UrlPolicy.redirectAllowed(zenodo, URI.create("https://s3.example.org/a")));
		assertTrue(UrlPolicy.redirectAllowed(local, URI.create("http://localhost:9/b")));
		assertTrue(UrlPolicy.redirectAllowed(local, URI.create("https://example.org/b")));
		assertFalse(UrlPolicy.redirectAllowed(zenodo, URI.create("http://example.org/a")));
		assertFalse(UrlPolicy.redirectAllowed(zenodo, URI.create("http://127.0.0.1/a")));
		assertFalse(UrlPolicy.redirectAllowed(local, URI.create("http://example.org/a")));
		assertFalse(UrlPolicy.redirectAllowed(local, URI.create("file:///etc/passwd")));
	}
}
