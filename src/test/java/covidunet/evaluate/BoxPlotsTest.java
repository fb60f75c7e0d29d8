package covidunet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.io.CsvTable;

/** One readable figure per metric, a box per class with values, none where all are NaN. */
class BoxPlotsTest {

	private static final int CLASSES = EvaluatedClass.values().length;

	@TempDir
	Path dir;

	@Test
	void writesOneFigurePerMetricWithABoxPerClassThatHasValues() throws Exception {
		final List<Path> files = BoxPlots.write(detailed(), dir);
		assertEquals(Arrays.stream(Metric.values()).map(m -> dir.resolve("boxplot_" + m.key() + ".png")).toList(), files);
		for (final Path file : files) {
			final BufferedImage image = ImageIO.read(file.toFile());
			assertEquals(BoxPlots.WIDTH, image.getWidth());
			assertEquals(BoxPlots.HEIGHT, image.getHeight());
			final boolean hd95 = file.endsWith("boxplot_HD95.png");
			for (int c = 0; c < CLASSES; c++) {
				final boolean empty = hd95 && c == EvaluatedClass.INFECTION.ordinal();
				assertEquals(!empty, boxPixels(image, c) > 100, file.getFileName() + ", class " + c);
			}
		}
	}

	@Test
	void quartilesInterpolateLinearlyAsNumPy() {
		final double[] sorted = { 1, 2, 3, 4 };
		assertEquals(1.75, BoxPlots.quantile(sorted, 0.25), 1e-12);
		assertEquals(2.5, BoxPlots.quantile(sorted, 0.5), 1e-12);
		assertEquals(3.25, BoxPlots.quantile(sorted, 0.75), 1e-12);
		assertEquals(7, BoxPlots.quantile(new double[] { 7 }, 0.75), 1e-12);
	}

	/** Six cases; HD95 of infection NaN in all of them, one case's Dice NaN everywhere; case ids {@code case_<i>}. */
	static CsvTable detailed() {
		final List<String> columns = new ArrayList<>(List.of("index", "fold", "score"));
		for (final EvaluatedClass k : EvaluatedClass.values()) columns.add(k.key());
		final CsvTable table = new CsvTable(columns);
		for (int i = 0; i < 6; i++) {
			for (final Metric m : Metric.values()) {
				final List<Object> row = new ArrayList<>(List.of("case_" + i, i % 2, m.key()));
				for (int c = 0; c < CLASSES; c++) {
					final boolean nan = m == Metric.HD95 && c == EvaluatedClass.INFECTION.ordinal() ||
						m == Metric.DSC && i == 3;
					row.add(nan ? Double.NaN : 0.5 + 0.07 * i + 0.01 * c + 0.03 * m.ordinal());
				}
				table.add(row.toArray());
			}
		}
		return table;
	}

	/** Pixels of the box colour in class {@code c}'s slot. */
	private static int boxPixels(final BufferedImage image, final int c) {
		final double slot = (BoxPlots.WIDTH - 100) / (double) CLASSES;
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = (int) (80 + slot * c); x < 80 + slot * (c + 1); x++) {
				if ((image.getRGB(x, y) & 0xffffff) == (BoxPlots.BOX.getRGB() & 0xffffff)) n++;
			}
		}
		return n;
	}
}
