package covidunet.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import covidunet.model.TensorFlowClash;

/**
 * What the JVM that runs the plugin (Fiji's) has on its class path of what the engine also uses:
 * TensorFlow 1.x (CSBDeep, StarDist, N2V and DenoiSeg need 1.15) and protobuf-java. Information,
 * not a problem, when the engine runs isolated: the lines of Check Backend.
 */
public final class HostLibraries {

	private static final String PROTOBUF_CLASS = "com/google/protobuf/Message.class";

	private static final Pattern VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)+)[^/]*\\.jar$");

	private HostLibraries() {}

	/**
	 * The {@code key: value} lines about the libraries {@code loader} sees, for an engine that runs
	 * isolated.
	 */
	public static String report(final ClassLoader loader) {
		final StringBuilder text = new StringBuilder();
		final List<String> tf1 = TensorFlowClash.detect(loader).map(TensorFlowClash::locations).orElse(List.of());
		text.append("tensorflow 1.x in Fiji: ").append(tf1.isEmpty() ? "none" : "TensorFlow " + versions(tf1) +
			" present (" + String.join(", ", tf1) + ", as CSBDeep, StarDist and N2V use it); ours runs isolated")
			.append('\n');
		final List<String> protobuf = locations(loader, PROTOBUF_CLASS);
		text.append("protobuf in Fiji: ").append(protobuf.isEmpty() ? "none" : "protobuf-java " + versions(protobuf) +
			" present (" + String.join(", ", protobuf) + "); ours runs isolated").append('\n');
		return text.toString();
	}

	/** The versions in the jar names, e.g. {@code 1.15.0}; "of unknown version" if none has one. */
	static String versions(final List<String> jars) {
		final Set<String> versions = new LinkedHashSet<>();
		for (final String jar : jars) {
			final Matcher m = VERSION.matcher(jar);
			if (m.find()) versions.add(m.group(1));
		}
		return versions.isEmpty() ? "of unknown version" : String.join(" and ", versions);
	}

	private static List<String> locations(final ClassLoader loader, final String resource) {
		final Set<String> found = new LinkedHashSet<>();
		try {
			final Enumeration<URL> urls = loader.getResources(resource);
			while (urls.hasMoreElements()) {
				found.add(TensorFlowClash.location(urls.nextElement(), resource));
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ArrayList<>(found);
	}
}
