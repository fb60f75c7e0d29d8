package covidunet.dataset.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away TLS identity for 127.0.0.1, made by the JDK's {@code keytool}: the same context
 * serves as the server's key and as the only certificate a client trusts.
 */
final class LocalTls {

	private static final char[] PASSWORD = "local-test".toCharArray();

	private LocalTls() {}

	/** A TLS context holding a new self-signed certificate for {@code 127.0.0.1}. */
	static SSLContext create(final Path folder) throws IOException, InterruptedException, GeneralSecurityException {
		final Path store = folder.resolve("localhost.p12");
		final Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		final Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "local",
			"-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity",
			"2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD)))
			.redirectErrorStream(true).redirectOutput(folder.resolve("keytool.log").toFile()).start();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool failed: " + Files.readString(folder.resolve("keytool.log")));
		}
		final KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, PASSWORD);
		}
		final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD);
		final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keys);
		final SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
		return context;
	}
}
