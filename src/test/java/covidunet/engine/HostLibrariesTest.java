package covidunet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check Backend's lines on the TensorFlow 1.x and protobuf jars of Fiji's class path. */
class HostLibrariesTest {

	private static Path jar(final Path folder, final String name, final String... entries) throws IOException {
		final Path jar = folder.resolve(name);
		try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (final String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.closeEntry();
			}
		}
		return jar;
	}

	@Test
	void csbDeepsTensorFlowAndProtobufAreInformation(@TempDir final Path jars) throws IOException {
		final Path tf = jar(jars, "libtensorflow-1.15.0.jar", "org/tensorflow/TensorFlow.class",
			"org/tensorflow/Tensors.class");
		final Path jni = jar(jars, "libtensorflow_jni-1.15.0.jar", "org/tensorflow/native/linux-x86_64/libtensorflow_jni.so");
		final Path protobuf = jar(jars, "protobuf-java-3.25.5.jar", "com/google/protobuf/Message.class");
		try (URLClassLoader fiji = new URLClassLoader(new URL[] { tf.toUri().toURL(), jni.toUri().toURL(), protobuf
			.toUri().toURL(), protobuf.toUri().toURL() }, null))
		{
			assertEquals("tensorflow 1.x in Fiji: TensorFlow 1.15.0 present (" + tf + ", " + jni +
				", as CSBDeep, StarDist and N2V use it); ours runs isolated\n" +
				"protobuf in Fiji: protobuf-java 3.25.5 present (" + protobuf + "); ours runs isolated\n", HostLibraries
					.report(fiji));
		}
	}

	@Test
	void aFijiWithoutThemHasNone() throws IOException {
		try (URLClassLoader fiji = new URLClassLoader(new URL[0], null)) {
			assertEquals("tensorflow 1.x in Fiji: none\nprotobuf in Fiji: none\n", HostLibraries.report(fiji));
		}
	}

	@Test
	void versionsComeFromTheJarNames() {
		assertEquals("1.15.0 and 1.14.0", HostLibraries.versions(List.of("/f/jars/libtensorflow-1.15.0.jar",
			"/f/jars/libtensorflow_jni-1.15.0.jar", "/old/libtensorflow-1.14.0.jar")));
		assertEquals("of unknown version", HostLibraries.versions(List.of("/f/classes/")));
	}
}
