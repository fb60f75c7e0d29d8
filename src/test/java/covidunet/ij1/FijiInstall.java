package covidunet.ij1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import covidunet.io.FileTrees;

/**
 * A Fiji-like folder with the plugin installed the Fiji way, for {@link ImageJIT}: {@code jars/}
 * holds {@code ij.jar}, then {@code mvn -Dscijava.app.directory=APP install} runs on a copy of the
 * project's sources (so that the build under test is not rebuilt while its tests run), which puts
 * the plugin into {@code plugins/}, what it needs of Fiji's stack into {@code jars/} and the
 * TensorFlow engine into {@code lib/covid-unet/}.
 */
final class FijiInstall {

	private FijiInstall() {}

	/** Whether {@code mvn} can be run. */
	static boolean mavenAvailable() {
		try {
			final Process p = new ProcessBuilder("mvn", "-v").redirectErrorStream(true).redirectOutput(
				ProcessBuilder.Redirect.DISCARD).start();
			return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
		}
		catch (final IOException e) {
			return false;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Installs the plugin into the new folder {@code app}, building it in {@code work}.
	 *
	 * @throws AssertionError with Maven's output if the installation fails
	 */
	static Path install(final Path app, final Path work) throws IOException, InterruptedException {
		Files.createDirectories(app.resolve("jars"));
		try (Stream<Path> jars = Files.list(Path.of("target", "dependency"))) {
			final Path ij = jars.filter(f -> f.getFileName().toString().matches("ij-[0-9.a-z]+\\.jar")).findFirst()
				.orElseThrow();
			Files.copy(ij, app.resolve("jars").resolve("ij.jar"));
		}
		final Path project = work.resolve("project");
		for (final String file : List.of("pom.xml", "plugins.config", "LICENSE.md")) {
			Files.createDirectories(project);
			Files.copy(Path.of(file), project.resolve(file));
		}
		copyTree(Path.of("src", "main"), project.resolve("src").resolve("main"));
		final Path log = work.resolve("mvn-install.log");
		final Process p = new ProcessBuilder("mvn", "-B", "-q", "-DskipTests", "-Dscijava.app.directory=" + app
			.toAbsolutePath(), "install").directory(project.toFile()).redirectErrorStream(true).redirectOutput(log
				.toFile()).start();
		if (!p.waitFor(20, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError("mvn install did not finish in 20 minutes: " + Files.readString(log));
		}
		if (p.exitValue() != 0) throw new AssertionError("mvn install failed: " + Files.readString(log));
		FileTrees.delete(project.resolve("target"));
		return app;
	}

	/** Every jar under {@code app/jars}, in name order, as Fiji's launcher puts them on the class path. */
	static String classPath(final Path app) throws IOException {
		try (Stream<Path> jars = Files.walk(app.resolve("jars"))) {
			return jars.filter(f -> f.getFileName().toString().endsWith(".jar")).map(Path::toString).sorted().collect(
				Collectors.joining(":"));
		}
	}

	/** The jar file names in {@code folder}, sorted. */
	static List<String> jarNames(final Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
		}
	}

	/** Copies a folder and everything in it. */
	static void copyTree(final Path from, final Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (final Path f : files.toList()) {
				final Path target = to.resolve(from.relativize(f).toString());
				if (Files.isDirectory(f)) Files.createDirectories(target);
				else Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}
}
