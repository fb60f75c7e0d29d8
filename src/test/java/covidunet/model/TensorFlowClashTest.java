package covidunet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFlowClashTest {

	@TempDir
	Path dir;

	private Path jar(final String name, final String... entries) throws IOException {
		final Path jar = dir.resolve(name);
		try (OutputStream file = Files.newOutputStream(jar);
			JarOutputStream out = new JarOutputStream(file))
		{
			for (final String entry : entries) {
				out.putNextEntry(new JarEntry(entry));
				out.write(new byte[] { (byte) 0xca, (byte) 0xfe });
				out.closeEntry();
			}
		}
		return jar;
	}

	private Path newTensorFlow() throws IOException {
		return jar("tensorflow-core-api-1.1.0.jar", "org/tensorflow/TensorFlow.class",
			"org/tensorflow/ConcreteFunction.class");
	}

	private Path oldTensorFlow() throws IOException {
		return jar("libtensorflow-1.15.0.jar", "org/tensorflow/TensorFlow.class",
			"org/tensorflow/Tensors.class", "org/tensorflow/NativeLibrary.class");
	}

	private static Optional<TensorFlowClash> detect(final Path... jars) throws IOException {
		final URL[] urls = new URL[jars.length];
		for (int i = 0; i < jars.length; i++) {
			urls[i] = jars[i].toUri().toURL();
		}
		try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
			return TensorFlowClash.detect(loader);
		}
	}

	@Test
	void noClashWithTensorFlowJavaAlone() throws IOException {
		assertFalse(detect(newTensorFlow()).isPresent());
		assertFalse(TensorFlowClash.detect(getClass().getClassLoader()).isPresent(), "the test class path");
	}

	@Test
	void oldTensorFlowFirstShadows() throws IOException {
		final Path old = oldTensorFlow();
		final TensorFlowClash clash = detect(old, newTensorFlow()).orElseThrow();
		assertTrue(clash.shadows());
		assertEquals(List.of(old.toString()), clash.locations());
		assertEquals("an old TensorFlow 1.x is on the class path ahead of TensorFlow Java 1.1.0: " + old +
			" (remove it, e.g. by disabling the Fiji update site that installs it: this plugin needs " +
			"TensorFlow Java 1.1.0)", clash.message());
	}

	@Test
	void oldTensorFlowLaterIsReportedButDoesNotShadow() throws IOException {
		final TensorFlowClash clash = detect(newTensorFlow(), oldTensorFlow()).orElseThrow();
		assertFalse(clash.shadows());
		assertFalse(clash.message().contains("ahead of"));
	}

	@Test
	void nativesOrClassesOnlyIn1xAreFound() throws IOException {
		final Path jni = jar("libtensorflow_jni-1.15.0.jar", "org/tensorflow/native/",
			"org/tensorflow/native/linux-x86_64/libtensorflow_jni.so");
		final Path uint8 = jar("odd.jar", "org/tensorflow/types/UInt8.class");
		final TensorFlowClash clash = detect(newTensorFlow(), jni, uint8).orElseThrow();
		assertEquals(Set.of(jni.toString(), uint8.toString()), Set.copyOf(clash.locations()));
		assertFalse(clash.shadows());
	}

	@Test
	void duplicateEntryPointWithoutNewClassesIsOld() throws IOException {
		final Path bare = jar("tensorflow-old.jar", "org/tensorflow/TensorFlow.class");
		final TensorFlowClash clash = detect(bare, newTensorFlow()).orElseThrow();
		assertTrue(clash.shadows());
		assertEquals(List.of(bare.toString()), clash.locations());
	}

	@Test
	void classFoldersCount() throws IOException {
		final Path classes = dir.resolve("classes with space");
		Files.createDirectories(classes.resolve("org/tensorflow"));
		Files.write(classes.resolve("org/tensorflow/Tensors.class"), new byte[] { 1 });
		final TensorFlowClash clash = detect(newTensorFlow(), classes).orElseThrow();
		assertEquals(List.of(classes.toString()), clash.locations());
	}
}
