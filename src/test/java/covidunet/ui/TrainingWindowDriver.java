package covidunet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.Robot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.swing.JButton;

import org.scijava.Context;
import org.scijava.module.Module;
import org.scijava.ui.UIService;

import covidunet.cli.ConsoleFrontend;
import covidunet.command.TrainUNetCommand;
import covidunet.command.run.CommandRunner;
import covidunet.dataset.FoldSplitter;
import covidunet.dataset.TestDatasets;
import covidunet.model.io.ModelDirectory;

/**
 * The child JVM of {@link TrainingMonitorIT}, on a display: trains two tiny folds through Train
 * COVID U-Net in a SciJava context whose UI is not headless (so the command opens its training
 * window), clicks "Finish early" with {@link Robot} in each fold, screenshots the window into the
 * folder of its argument ({@value #LIVE} while fold 2 runs, {@value #ENDED} at the end), and exits
 * 0 when both folds ended early with a kept model, 1 (the reason on stderr) otherwise, 2 when
 * headless.
 */
public final class TrainingWindowDriver {

	/** The screenshot of the window while the second fold trains. */
	public static final String LIVE = "training-monitor.png";

	/** The screenshot of the window after the training. */
	public static final String ENDED = "training-monitor-ended.png";

	private static final String[] CASES = { "coronacases_001", "coronacases_002", "coronacases_003",
		"coronacases_004" };

	private TrainingWindowDriver() {}

	/** @param args the folder for the screenshots */
	public static void main(final String[] args) {
		int code = 1;
		try {
			code = drive(Path.of(args[0]));
		}
		catch (final Throwable t) {
			t.printStackTrace();
		}
		System.exit(code);
	}

	private static int drive(final Path screenshots) throws Exception {
		if (GraphicsEnvironment.isHeadless()) {
			System.err.println("headless: run on a display with -Djava.awt.headless=false");
			return 2;
		}
		Files.createDirectories(screenshots);
		final Path tmp = Files.createTempDirectory("training-window");
		final Context context = new Context();
		try {
			assertFalse(context.service(UIService.class).isHeadless(), "the SciJava UI is not headless here");
			final Path models = tmp.resolve("models");
			final Map<String, Object> inputs = inputs(tmp, models);
			final CompletableFuture<Module> training = CompletableFuture.supplyAsync(() -> new CommandRunner(context,
				new ConsoleFrontend(System.out)).run(TrainUNetCommand.class, "train", inputs));
			final Robot robot = new Robot();
			final WindowParts window = WindowParts.await(training);
			WindowParts.awaitEpochs(models.resolve("fold_0"), 3, training);
			window.clickUntilOff(robot, TrainingSnapshot.FINISH, screenshots.resolve("fold-0-click.png"));
			window.awaitStatus("Fold 1 (2 of 2)", training);
			WindowParts.awaitEpochs(models.resolve("fold_1"), 8, training);
			window.screenshot(robot, screenshots.resolve(LIVE));
			window.clickUntilOff(robot, TrainingSnapshot.FINISH, screenshots.resolve("fold-1-click.png"));
			final String summary = (String) training.get(5, TimeUnit.MINUTES).getOutput("summary");
			for (final String fold : new String[] { "fold_0", "fold_1" }) {
				assertTrue(summary.contains(models.resolve(fold) + ": "), summary);
				assertTrue(Files.isRegularFile(models.resolve(fold).resolve(ModelDirectory.MODEL_JSON)), fold);
			}
			assertEquals(2, summary.split("finished early on request; model of epoch ", -1).length - 1, summary);
			window.awaitStatus("Training ended.", null);
			for (final String label : new String[] { TrainingSnapshot.FINISH, TrainingSnapshot.CANCEL }) {
				final JButton button = window.button(label);
				assertFalse(WindowParts.onEdt(button::isEnabled), label + " is off after the training");
			}
			window.screenshot(robot, screenshots.resolve(ENDED));
			WindowParts.onEdt(() -> {
				window.frame().dispose();
				return null;
			});
			System.out.println("the training window finished both folds early:\n" + summary);
			return 0;
		}
		finally {
			context.dispose();
			try {
				TestDatasets.deleteTree(tmp);
			}
			catch (final IOException e) {
				System.err.println("could not remove " + tmp + " (a training that failed may still write there): " + e);
			}
		}
	}

	/** Two folds of four tiny cases; the options of a tiny, long training (1000 epochs). */
	private static Map<String, Object> inputs(final Path tmp, final Path models) throws Exception {
		final Path data = TestDatasets.zenodo(tmp.resolve("data"), TestDatasets.hu(CASES));
		final Path folds = tmp.resolve("folds.json");
		FoldSplitter.split(TestDatasets.hu(CASES), 2, 3).write(folds, false);
		final Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("dataset", data.toString());
		inputs.put("folds_file", folds.toString());
		inputs.put("fold", "all");
		inputs.put("output", models.toString());
		inputs.put("cache", tmp.resolve("cache").toString());
		inputs.put("epochs", 1000);
		inputs.put("iterations", 20);
		inputs.put("patch", "8,8,4");
		inputs.put("batch", 1);
		inputs.put("levels", 2);
		inputs.put("base", 2);
		inputs.put("threads", 1);
		return inputs;
	}
}
