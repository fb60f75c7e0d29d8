package covidunet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.EnvironmentException;

/** Where the child JVM's class path comes from, in a Fiji folder, a build tree, or as told. */
class EngineClassPathTest {

	@AfterEach
	void noFolderGiven() {
		System.clearProperty(EngineClassPath.FOLDER_PROPERTY);
	}

	@Test
	void aJarInFijisPluginsFindsLibCovidUnet(@TempDir final Path app) throws IOException {
		final Path jar = Files.createDirectories(app.resolve("plugins")).resolve("covid_unet-0.1.0.jar");
		final Path engine = Files.createDirectories(app.resolve("lib").resolve("covid-unet"));
		Files.writeString(jar, "");
		assertEquals(engine, EngineClassPath.folder(jar));
		final Path nested = Files.createDirectories(app.resolve("jars").resolve("linux64")).resolve("covid_unet.jar");
		assertEquals(engine, EngineClassPath.folder(nested));
	}

	@Test
	void aBuildTreeUsesTargetDependency(@TempDir final Path project) throws IOException {
		final Path classes = Files.createDirectories(project.resolve("target").resolve("classes"));
		final Path dependency = Files.createDirectories(project.resolve("target").resolve("dependency"));
		assertEquals(dependency, EngineClassPath.folder(classes));
		final Path jar = project.resolve("target").resolve("covid_unet-0.1.0.jar");
		Files.writeString(jar, "");
		assertEquals(dependency, EngineClassPath.folder(jar));
	}

	@Test
	void withoutAnEngineFolderItSaysHowToInstall(@TempDir final Path app) throws IOException {
		final Path jar = Files.createDirectories(app.resolve("plugins")).resolve("covid_unet-0.1.0.jar");
		Files.writeString(jar, "");
		final EnvironmentException e = assertThrows(EnvironmentException.class, () -> EngineClassPath.folder(jar));
		assertTrue(e.getMessage().startsWith("the TensorFlow engine is not installed: no lib/covid-unet folder"), e
			.getMessage());
		assertTrue(e.getMessage().contains("mvn -Dscijava.app.directory=<Fiji.app> install"), e.getMessage());
	}

	@Test
	void aGivenFolderIsUsedAndMustHoldTensorFlowJava(@TempDir final Path tmp) throws IOException {
		final Path engine = Files.createDirectories(tmp.resolve("engine"));
		Files.writeString(engine.resolve("b.jar"), "");
		Files.writeString(engine.resolve("a.jar"), "");
		Files.writeString(engine.resolve("notes.txt"), "");
		System.setProperty(EngineClassPath.FOLDER_PROPERTY, engine.toString());
		final EnvironmentException e = assertThrows(EnvironmentException.class, () -> EngineClassPath.of(
			EngineClassPathTest.class));
		assertTrue(e.getMessage().contains("has no tensorflow-core-api jar"), e.getMessage());
		Files.writeString(engine.resolve("tensorflow-core-api-1.1.0.jar"), "");
		final List<Path> path = EngineClassPath.of(EngineClassPathTest.class);
		assertEquals(List.of(EngineClassPath.codeSource(EngineClassPathTest.class), engine.resolve("a.jar"), engine
			.resolve("b.jar"), engine.resolve("tensorflow-core-api-1.1.0.jar")), path);
	}
}
