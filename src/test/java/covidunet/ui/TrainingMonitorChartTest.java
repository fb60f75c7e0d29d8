package covidunet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.model.train.History;
import covidunet.model.train.TrainingCurves;

/**
 * The window's chart, drawn headless: both losses in their colours at the requested size, each
 * curve moving when its values change; the panel draws the waiting text before the first epoch and
 * the curves at its own size after it.
 */
class TrainingMonitorChartTest {

	@TempDir
	Path dir;

	private int files;

	private History history(final double training, final double validation) {
		final History history = History.create(dir.resolve("history-" + files++ + ".tsv"));
		for (int e = 1; e <= 6; e++) {
			history.append(new History.Row(e, 1e-3, training / e, 0, 0, 0, validation / e, 0, 10));
		}
		return history;
	}

	/** The mean row of the pixels of {@code colour}, or NaN if there are none. */
	private static double meanRow(final BufferedImage image, final Color colour) {
		double sum = 0;
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) {
					sum += y;
					n++;
				}
			}
		}
		return n < 50 ? Double.NaN : sum / n;
	}

	@Test
	void bothCurvesAppearAndMoveWithTheirValues() {
		final BufferedImage above = TrainingCurves.image(history(4, 1), 640, 360);
		assertEquals(640, above.getWidth());
		assertEquals(360, above.getHeight());
		final double trainingHigh = meanRow(above, TrainingCurves.TRAINING);
		final double validationLow = meanRow(above, TrainingCurves.VALIDATION);
		assertTrue(trainingHigh < validationLow, "training above validation: " + trainingHigh + ", " + validationLow);
		final BufferedImage below = TrainingCurves.image(history(1, 4), 640, 360);
		final double trainingLow = meanRow(below, TrainingCurves.TRAINING);
		final double validationHigh = meanRow(below, TrainingCurves.VALIDATION);
		assertTrue(trainingLow > trainingHigh + 40, "the training curve moved down: " + trainingHigh + " → " +
			trainingLow);
		assertTrue(validationHigh < validationLow - 40, "the validation curve moved up: " + validationLow + " → " +
			validationHigh);
	}

	@Test
	void thePanelWaitsForTheFirstEpochThenDrawsTheCurvesAtItsSize() {
		final CurvesPanel panel = new CurvesPanel();
		panel.setSize(500, 300);
		final BufferedImage waiting = paint(panel);
		assertTrue(Double.isNaN(meanRow(waiting, TrainingCurves.TRAINING)));
		assertTrue(Double.isNaN(meanRow(waiting, TrainingCurves.VALIDATION)));
		assertFalse(Double.isNaN(meanRow(waiting, Color.WHITE)), "a white background");
		panel.setHistory(history(3, 2));
		final BufferedImage curves = paint(panel);
		assertTrue(meanRow(curves, TrainingCurves.TRAINING) < meanRow(curves, TrainingCurves.VALIDATION));
	}

	private static BufferedImage paint(final CurvesPanel panel) {
		final BufferedImage image = new BufferedImage(panel.getWidth(), panel.getHeight(), BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		try {
			panel.paint(g);
		}
		finally {
			g.dispose();
		}
		return image;
	}
}
