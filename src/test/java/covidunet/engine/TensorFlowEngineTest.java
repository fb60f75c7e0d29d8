package covidunet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import covidunet.BadInputException;

/** Where TensorFlow work runs: this JVM when TensorFlow Java is on the plugin's class path. */
class TensorFlowEngineTest {

	@AfterEach
	void defaultMode() {
		System.clearProperty(TensorFlowEngine.MODE_PROPERTY);
	}

	@Test
	void withTensorFlowJavaOnTheClassPathItRunsHereUnlessTold() {
		assertFalse(TensorFlowEngine.isolated());
		System.setProperty(TensorFlowEngine.MODE_PROPERTY, "child");
		assertTrue(TensorFlowEngine.isolated());
		System.setProperty(TensorFlowEngine.MODE_PROPERTY, " Inline ");
		assertFalse(TensorFlowEngine.isolated());
	}

	@Test
	void anUnknownModeIsOneLine() {
		System.setProperty(TensorFlowEngine.MODE_PROPERTY, "gpu");
		assertEquals("system property covidunet.engine=gpu: not auto, inline or child", assertThrows(
			BadInputException.class, TensorFlowEngine::isolated).getMessage());
	}

	@Test
	void aClassLoaderWithoutTensorFlowJavaDoesNotSeeIt() throws Exception {
		try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
			assertFalse(TensorFlowEngine.visible(empty));
		}
		assertTrue(TensorFlowEngine.visible(getClass().getClassLoader()));
	}
}
