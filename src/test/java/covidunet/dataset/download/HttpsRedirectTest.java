package covidunet.dataset.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.Progress;

/**
 * A real HTTPS server on 127.0.0.1 (a throw-away certificate the JVM is made to trust for this
 * class only): a download follows a redirect to another https:// URL, and refuses one to plain
 * http:// without sending it any request, even to this machine.
 */
class HttpsRedirectTest {

	private static final String NAME = "data.zip";
	private static final byte[] CONTENT = TestZips.random(50_000, 11);
	private static final ExpectedDigest DIGEST = new ExpectedDigest(TestZips.sha256(CONTENT), "the test");

	private static SSLSocketFactory defaultFactory;
	private static SSLContext tls;

	@TempDir
	static Path keys;

	@TempDir
	Path dir;

	@BeforeAll
	static void trustTheLocalCertificate() throws IOException, InterruptedException, GeneralSecurityException {
		tls = LocalTls.create(keys);
		defaultFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
		HttpsURLConnection.setDefaultSSLSocketFactory(tls.getSocketFactory());
	}

	@AfterAll
	static void restoreTheDefaultTrust() {
		HttpsURLConnection.setDefaultSSLSocketFactory(defaultFactory);
	}

	@Test
	void aRedirectToHttpsIsFollowed() throws IOException {
		try (LocalServer https = new LocalServer(tls)) {
			https.serve(NAME, CONTENT);
			https.redirect("/moved/" + NAME, https.baseUrl() + "/" + NAME);
			final Path target = dir.resolve(NAME);
			new FileDownload().fetch(URI.create(https.origin() + "/moved/" + NAME), target, DIGEST, Progress.NONE);
			assertArrayEquals(CONTENT, Files.readAllBytes(target));
		}
	}

	@Test
	void aRedirectFromHttpsToPlainHttpIsRefusedUnsent() throws IOException {
		try (LocalServer https = new LocalServer(tls); LocalServer plain = new LocalServer()) {
			plain.serve(NAME, CONTENT);
			final String downgrade = plain.baseUrl() + "/" + NAME;
			https.redirect("/moved/" + NAME, downgrade);
			final Path target = dir.resolve(NAME);
			final BadInputException e = assertThrows(BadInputException.class, () -> new FileDownload().fetch(URI.create(
				https.origin() + "/moved/" + NAME), target, DIGEST, Progress.NONE));
			assertEquals(https.origin() + "/moved/" + NAME + ": redirected to " + downgrade + ", which is not https://; " +
				"refused", e.getMessage());
			assertEquals(List.of(new LocalServer.Request("/moved/" + NAME, null)), https.requests());
			assertEquals(List.of(), plain.requests(), "nothing was sent over plain http");
			assertFalse(Files.exists(target));
		}
	}
}
