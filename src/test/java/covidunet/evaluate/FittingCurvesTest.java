package covidunet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.figure.LossCurves;
import covidunet.model.train.History;

/** Every fold's two curves in the fold's colour and its lighter tint; empty folds skipped. */
class FittingCurvesTest {

	@TempDir
	Path dir;

	@Test
	void bothFoldsAreDrawnInTheirColours() throws Exception {
		final SortedMap<Integer, History> folds = new TreeMap<>();
		folds.put(0, history("0", 1.0));
		folds.put(1, history("1", 2.0));
		final Path png = dir.resolve("fitting.png");
		FittingCurves.write(folds, png);
		final BufferedImage image = ImageIO.read(png.toFile());
		assertEquals(FittingCurves.WIDTH, image.getWidth());
		assertEquals(FittingCurves.HEIGHT, image.getHeight());
		for (int k = 0; k < 2; k++) {
			final Color colour = FittingCurves.colour(k);
			assertTrue(count(image, colour) > 200, "fold " + k + " loss: " + count(image, colour) + " pixels");
			final Color light = LossCurves.lighter(colour);
			assertTrue(count(image, light) > 100, "fold " + k + " val_loss: " + count(image, light) + " pixels");
		}
		assertEquals(0, count(image, FittingCurves.colour(2)), "no third fold");
	}

	@Test
	void foldsWithoutEpochsAreSkipped() {
		final SortedMap<Integer, History> folds = new TreeMap<>();
		folds.put(0, History.create(dir.resolve("empty.tsv")));
		folds.put(1, history("1", 1.0));
		final BufferedImage image = FittingCurves.of(folds);
		assertTrue(count(image, FittingCurves.colour(0)) > 200);
		assertEquals(0, count(image, FittingCurves.colour(1)));
	}

	@Test
	void noEpochsAtAllIsBadInput() {
		final SortedMap<Integer, History> folds = new TreeMap<>();
		folds.put(0, History.create(dir.resolve("empty.tsv")));
		assertThrows(BadInputException.class, () -> FittingCurves.of(folds));
		assertThrows(BadInputException.class, () -> FittingCurves.of(new TreeMap<>()));
	}

	/** 20 epochs of falling losses, scaled by {@code scale}, validation above training; one NaN. */
	private History history(final String name, final double scale) {
		final History history = History.create(dir.resolve(name + ".tsv"));
		for (int e = 1; e <= 20; e++) {
			final double loss = scale / e, val = e == 7 ? Double.NaN : 1.3 * scale / e + 0.05;
			history.append(new History.Row(e, 1e-3, loss, loss / 2, loss / 2, 1 - loss, val, 1 - val, 10));
		}
		return history;
	}

	private static int count(final BufferedImage image, final Color colour) {
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) n++;
		}
		return n;
	}
}
