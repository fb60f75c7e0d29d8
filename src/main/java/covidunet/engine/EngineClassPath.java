package covidunet.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import covidunet.EnvironmentException;

/**
 * The class path of the child JVM: the plugin's own jar (or class folder) and the jars of the
 * engine folder, in name order. The engine folder is {@code lib/covid-unet} of the Fiji (or
 * ImageJ) folder the plugin is installed in, where {@code mvn -Dscijava.app.directory=APP install}
 * puts TensorFlow Java, its natives, protobuf 4 and the rest of what the engine needs; for a build
 * tree it is {@code target/dependency} beside {@code target/classes} or the packaged jar; the system property
 * {@value #FOLDER_PROPERTY} names another.
 */
final class EngineClassPath {

	/** The system property naming the engine folder. */
	static final String FOLDER_PROPERTY = "covidunet.engine.dir";

	/** The engine folder, relative to the Fiji folder. */
	static final Path APP_FOLDER = Path.of("lib", "covid-unet");

	/** How many folders up from the plugin jar the Fiji folder may be ({@code plugins/x/y.jar}). */
	private static final int LEVELS = 3;

	private EngineClassPath() {}

	/**
	 * The class path for code loaded from the same jar or folder as {@code anchor}.
	 *
	 * @throws EnvironmentException if there is no engine folder, or it lacks TensorFlow Java
	 */
	static List<Path> of(final Class<?> anchor) {
		final Path own = codeSource(anchor);
		final Path folder = folder(own);
		final List<Path> path = new ArrayList<>();
		path.add(own);
		boolean tensorFlow = false;
		try (Stream<Path> files = Files.list(folder)) {
			for (final Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
				path.add(jar);
				tensorFlow |= jar.getFileName().toString().startsWith("tensorflow-core-api-");
			}
		}
		catch (final IOException e) {
			throw new EnvironmentException("the TensorFlow engine folder " + folder + " cannot be read (" + e
				.getMessage() + ")", e);
		}
		if (!tensorFlow) {
			throw new EnvironmentException("the TensorFlow engine folder " + folder +
				" has no tensorflow-core-api jar: install the plugin again (mvn -Dscijava.app.directory=<Fiji.app> install)");
		}
		return path;
	}

	/** The engine folder for a plugin loaded from {@code own}. */
	static Path folder(final Path own) {
		final String given = System.getProperty(FOLDER_PROPERTY);
		if (given != null && !given.isBlank()) return Path.of(given);
		final Path build = own.toAbsolutePath().getParent().resolve("dependency");
		if (Files.isDirectory(build)) return build;
		Path app = own.toAbsolutePath().getParent();
		for (int i = 0; i < LEVELS && app != null; i++, app = app.getParent()) {
			if (Files.isDirectory(app.resolve(APP_FOLDER))) return app.resolve(APP_FOLDER);
		}
		throw new EnvironmentException("the TensorFlow engine is not installed: no " + APP_FOLDER +
			" folder in the Fiji folder of " + own + " (install the plugin with mvn -Dscijava.app.directory=<Fiji.app> install)");
	}

	/** The jar or class folder {@code type} was loaded from. */
	static Path codeSource(final Class<?> type) {
		final CodeSource source = type.getProtectionDomain().getCodeSource();
		if (source == null || source.getLocation() == null) {
			throw new EnvironmentException("cannot tell where " + type.getName() + " was loaded from");
		}
		try {
			return Path.of(source.getLocation().toURI());
		}
		catch (final URISyntaxException | IllegalArgumentException e) {
			throw new EnvironmentException("cannot tell where " + type.getName() + " was loaded from (" + source
				.getLocation() + ")", e);
		}
	}
}
