package covidunet.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An old TensorFlow 1.x ({@code libtensorflow-1.x.jar}, {@code libtensorflow_jni-1.x.jar}, as some
 * Fiji update sites ship) on the class path beside TensorFlow Java 1.1.0. Both use the package
 * {@code org.tensorflow}; whichever comes first wins class by class, which ends in linkage errors
 * or in the old native library being loaded.
 * <p>
 * Found by resources only, without loading TensorFlow: classes and native folders that exist only
 * in 1.x, and {@code org/tensorflow/TensorFlow.class} in a place that lacks the classes of
 * TensorFlow Java 1.x's successor.
 * </p>
 */
public final class TensorFlowClash {

	private static final String TENSORFLOW_CLASS = "org/tensorflow/TensorFlow.class";

	/** A class that exists in TensorFlow Java (1.0 on), not in TensorFlow 1.x. */
	private static final String NEW_ONLY_CLASS = "ConcreteFunction.class";

	/** Resources that exist only in TensorFlow 1.x's jars. */
	private static final List<String> OLD_ONLY = List.of(
		"org/tensorflow/Tensors.class",
		"org/tensorflow/types/UInt8.class",
		"org/tensorflow/NativeLibrary.class",
		"org/tensorflow/native/",
		"org/tensorflow/native/linux-x86_64/libtensorflow_jni.so",
		"org/tensorflow/native/darwin-x86_64/libtensorflow_jni.dylib",
		"org/tensorflow/native/windows-x86_64/tensorflow_jni.dll");

	private final List<String> locations;
	private final boolean shadows;

	private TensorFlowClash(final List<String> locations, final boolean shadows) {
		this.locations = Collections.unmodifiableList(locations);
		this.shadows = shadows;
	}

	/**
	 * Looks for TensorFlow 1.x among the resources of {@code loader}.
	 *
	 * @return the clash, or empty if there is no TensorFlow 1.x
	 */
	public static Optional<TensorFlowClash> detect(final ClassLoader loader) {
		final Set<String> old = new LinkedHashSet<>();
		for (final String resource : OLD_ONLY) {
			for (final URL url : resources(loader, resource)) {
				old.add(location(url, resource));
			}
		}
		final List<URL> entryPoints = resources(loader, TENSORFLOW_CLASS);
		for (final URL url : entryPoints) {
			if (!hasSibling(url, NEW_ONLY_CLASS)) old.add(location(url, TENSORFLOW_CLASS));
		}
		if (old.isEmpty()) return Optional.empty();
		final boolean shadows = !entryPoints.isEmpty() &&
			old.contains(location(entryPoints.get(0), TENSORFLOW_CLASS));
		return Optional.of(new TensorFlowClash(new ArrayList<>(old), shadows));
	}

	/** Where TensorFlow 1.x was found: jar files or class folders. */
	public List<String> locations() {
		return locations;
	}

	/**
	 * Whether TensorFlow 1.x comes first: its {@code org.tensorflow.TensorFlow} is the one that
	 * would be loaded, so TensorFlow Java 1.1.0 cannot work.
	 */
	public boolean shadows() {
		return shadows;
	}

	/** One line saying what was found and what to do. */
	public String message() {
		return "an old TensorFlow 1.x is on the class path" +
			(shadows ? " ahead of TensorFlow Java 1.1.0" : "") + ": " + String.join(", ", locations) +
			" (remove it, e.g. by disabling the Fiji update site that installs it: this plugin needs " +
			"TensorFlow Java 1.1.0)";
	}

	private static List<URL> resources(final ClassLoader loader, final String name) {
		try {
			final List<URL> urls = new ArrayList<>();
			final Enumeration<URL> e = loader.getResources(name);
			while (e.hasMoreElements()) {
				urls.add(e.nextElement());
			}
			return urls;
		}
		catch (final IOException exc) {
			throw new UncheckedIOException(exc);
		}
	}

	/** The jar file or folder a resource comes from. */
	public static String location(final URL url, final String resource) {
		String s = url.toString();
		if (s.startsWith("jar:")) s = s.substring(4, s.lastIndexOf("!/"));
		else if (s.endsWith(resource)) s = s.substring(0, s.length() - resource.length());
		try {
			return Path.of(URI.create(s)).toString();
		}
		catch (final IllegalArgumentException | FileSystemNotFoundException exc) {
			return s;
		}
	}

	private static boolean hasSibling(final URL url, final String sibling) {
		try {
			final URL other = new URL(url, sibling);
			try (InputStream in = other.openStream()) {
				return in != null;
			}
		}
		catch (final IOException exc) {
			return false;
		}
	}
}
