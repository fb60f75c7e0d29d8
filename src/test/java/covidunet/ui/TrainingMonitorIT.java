package covidunet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import covidunet.engine.TensorFlowEngine;

import covidunet.model.train.TrainingCurves;

/**
 * The live training window on a virtual display, with the training in the window's JVM and in the
 * TensorFlow engine's child JVM (as in Fiji): a child JVM under {@code xvfb-run}, not
 * headless, runs {@link TrainingWindowDriver} (a real tiny training of two folds through the
 * command, "Finish early" clicked with {@link java.awt.Robot} in each fold); it must exit 0, and
 * its screenshot of the window must show both curves. Skipped without {@code xvfb-run}.
 */
class TrainingMonitorIT {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@ParameterizedTest(name = "TensorFlow engine: {0}")
	@ValueSource(strings = { "inline", "child" })
	void finishingEarlyInTheWindowKeepsEachFoldsBestModel(final String engine) throws Exception {
		assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed (apt-get install xvfb xauth): the training window " +
			"was not tried on a display");
		final Path shots = engine.equals("inline") ? SCREENSHOTS : SCREENSHOTS.resolve(engine);
		Files.createDirectories(shots);
		final Path log = Path.of("target", "training-monitor-it-" + engine + ".log");
		final List<String> command = List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", Path.of(System
			.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=false", "-D" + TensorFlowEngine.MODE_PROPERTY + "=" + engine, "-cp", System.getProperty(
				"java.class.path"), TrainingWindowDriver.class.getName(), shots.toAbsolutePath().toString());
		final Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!child.waitFor(10, TimeUnit.MINUTES)) {
			child.descendants().forEach(ProcessHandle::destroyForcibly);
			child.destroyForcibly().waitFor();
			fail("the window's training did not end within 10 minutes:\n" + Files.readString(log));
		}
		assertEquals(0, child.exitValue(), Files.readString(log));
		final BufferedImage shot = ImageIO.read(shots.resolve(TrainingWindowDriver.LIVE).toFile());
		assertNotNull(shot, "a PNG screenshot");
		assertTrue(pixels(shot, TrainingCurves.TRAINING.getRGB()) > 50, "the training loss on screen");
		assertTrue(pixels(shot, TrainingCurves.VALIDATION.getRGB()) > 50, "the validation loss on screen");
	}

	private static int pixels(final BufferedImage image, final int rgb) {
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) n += (image.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff) ? 1 : 0;
		}
		return n;
	}

	private static boolean onPath(final String program) {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
		}
		return false;
	}
}
