package covidunet.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;

/**
 * The training-curve figure: a PNG of the expected size with the training loss in blue, the
 * validation loss in orange (none when it is all NaN) and the grey marker at the best validation
 * epoch; one epoch, flat losses and NaN epochs still draw; an empty history is refused.
 */
class TrainingCurvesTest {

	@TempDir
	Path dir;

	private int files;

	/** A history of the given losses (validation NaN where {@code validation} is). */
	private History history(final double[] training, final double[] validation) {
		final History history = History.create(dir.resolve("history-" + files++ + ".tsv"));
		for (int e = 0; e < training.length; e++) {
			history.append(new History.Row(e + 1, 1e-3, training[e], 0, 0, 0, validation[e], 0, 60));
		}
		return history;
	}

	private static int count(final BufferedImage image, final Color colour) {
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) n += image.getRGB(x, y) == colour.getRGB() ? 1 : 0;
		}
		return n;
	}

	@Test
	void writesAPngWithBothCurves() throws IOException {
		final Path folder = Files.createDirectory(dir.resolve("figures"));
		final Path png = folder.resolve("training_curves.png");
		final History history = history(new double[] { 1.2, 0.9, 0.7, Double.NaN, 0.5 },
			new double[] { 1.3, Double.NaN, 0.8, 0.75, 0.7 });
		TrainingCurves.write(history, png);
		TrainingCurves.write(history, png);
		final BufferedImage image = ImageIO.read(png.toFile());
		assertEquals(TrainingCurves.WIDTH, image.getWidth());
		assertEquals(TrainingCurves.HEIGHT, image.getHeight());
		assertTrue(count(image, TrainingCurves.TRAINING) > 100, "training pixels");
		assertTrue(count(image, TrainingCurves.VALIDATION) > 100, "validation pixels");
		try (Stream<Path> listed = Files.list(folder)) {
			assertEquals(List.of(png), listed.toList(), "no temporary file is left");
		}
	}

	@Test
	void anAllNanValidationDrawsNoOrange() {
		final BufferedImage image = TrainingCurves.of(history(new double[] { 1, 0.5, 0.25 }, new double[] { Double.NaN,
			Double.NaN, Double.NaN }));
		assertTrue(count(image, TrainingCurves.TRAINING) > 100, "training pixels");
		assertEquals(0, count(image, TrainingCurves.VALIDATION));
	}

	@Test
	void theBestValidationEpochIsMarked() {
		// The same curves to the pixel; the best validation epoch is 1, then 3 (ties go to the earliest).
		final double[] training = { 0.6, 0.5, 0.45 };
		final int first = markerColumn(TrainingCurves.of(history(training, new double[] { 0.4, 0.5, 0.4 })));
		final int last = markerColumn(TrainingCurves.of(history(training, new double[] { 0.4, 0.5, 0.4 - 1e-9 })));
		assertTrue(first < last - 100, "marker at epoch 1 (column " + first + ") left of epoch 3's (" + last + ")");
	}

	/** The column with the most pixels of the marker's grey, which must be a line (over 50 of them). */
	private static int markerColumn(final BufferedImage image) {
		int best = -1, most = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			int n = 0;
			for (int y = 0; y < image.getHeight(); y++) n += image.getRGB(x, y) == TrainingCurves.BEST.getRGB() ? 1 : 0;
			if (n > most) {
				best = x;
				most = n;
			}
		}
		assertTrue(most > 50, "a dashed marker line: " + most + " grey pixels in its column");
		return best;
	}

	@Test
	void oneEpochAndFlatLossesDraw() {
		final BufferedImage one = TrainingCurves.of(history(new double[] { 0.8 }, new double[] { 0.9 }));
		assertTrue(count(one, TrainingCurves.TRAINING) > 20 && count(one, TrainingCurves.VALIDATION) > 20,
			"one point each");
		final BufferedImage flat = TrainingCurves.of(history(new double[] { 0.5, 0.5, 0.5, 0.5 }, new double[] { 0.5,
			0.5, 0.5, 0.5 }));
		assertEquals(TrainingCurves.HEIGHT, flat.getHeight());
		assertTrue(count(flat, TrainingCurves.VALIDATION) > 100, "a flat validation line");
	}

	@Test
	void anEmptyHistoryIsRefused() {
		final History empty = History.create(dir.resolve("empty.tsv"));
		final Path png = dir.resolve("none.png");
		assertEquals("history: no epochs to plot", assertThrows(BadInputException.class, () -> TrainingCurves.write(
			empty, png)).getMessage());
		assertTrue(Files.notExists(png));
	}
}
