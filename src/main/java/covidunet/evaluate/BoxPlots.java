package covidunet.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import covidunet.figure.PngFiles;
import covidunet.figure.TitledFigure;
import covidunet.io.CsvTable;

/**
 * Box plots of the per-case metrics ({@link MetricsTable#detailed()}): one figure per metric,
 * {@code boxplot_<metric>.png}, titled with the metric, one box per class column: the quartiles
 * (linear interpolation, NumPy's default) as the box, the median as a thick line, whiskers to the
 * furthest values within 1.5 IQR of the box (Tukey), and every value as a point. NaN and infinite
 * values are left out; a class without values has no box. Pure Java 2D: no display needed.
 */
public final class BoxPlots {

	/** A figure's width in pixels. */
	public static final int WIDTH = 900;

	/** A figure's height in pixels, title included. */
	public static final int HEIGHT = 500;

	/** The box's fill. */
	public static final Color BOX = new Color(0xaec7e8);

	/** The points' colour. */
	public static final Color POINT = new Color(0x1f77b4);

	private static final int LEFT = 80, RIGHT = 20, TOP = 10, BOTTOM = 50;
	private static final int FIRST_CLASS_COLUMN = 3;
	private static final double GOLDEN = 0.6180339887498949;

	private BoxPlots() {}

	/**
	 * Writes one box plot per metric of {@code detailed} (its {@code score} column) into
	 * {@code folder}, each atomically.
	 *
	 * @param detailed the per-case table: index, fold, score, then one column per class
	 * @return the files written, in the metrics' order of first appearance
	 * @throws covidunet.BadInputException if a file cannot be written
	 */
	public static List<Path> write(final CsvTable detailed, final Path folder) {
		final List<String> classes = detailed.columns().subList(FIRST_CLASS_COLUMN, detailed.columns().size());
		final Map<String, List<List<String>>> byMetric = new LinkedHashMap<>();
		for (final List<String> row : detailed.rows()) byMetric.computeIfAbsent(row.get(2), m -> new ArrayList<>()).add(row);
		final List<Path> files = new ArrayList<>();
		for (final Map.Entry<String, List<List<String>>> metric : byMetric.entrySet()) {
			final List<double[]> values = new ArrayList<>();
			for (int c = 0; c < classes.size(); c++) values.add(finite(metric.getValue(), FIRST_CLASS_COLUMN + c));
			final Path file = folder.resolve("boxplot_" + metric.getKey() + ".png");
			PngFiles.write(of(metric.getKey(), classes, values), file);
			files.add(file);
		}
		return files;
	}

	/**
	 * One metric's figure, {@link #WIDTH} × {@link #HEIGHT} pixels: a box per class, of its
	 * finite values.
	 */
	public static BufferedImage of(final String metric, final List<String> classes, final List<double[]> values) {
		final BufferedImage body = new BufferedImage(WIDTH, HEIGHT - TitledFigure.TITLE_HEIGHT, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = body.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, body.getWidth(), body.getHeight());
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
			final Axis axis = Axis.of(values, TOP, body.getHeight() - BOTTOM);
			axis.draw(g, metric, LEFT, WIDTH - RIGHT);
			final double slot = (WIDTH - LEFT - RIGHT) / (double) classes.size();
			for (int c = 0; c < classes.size(); c++) {
				final double centre = LEFT + slot * (c + 0.5);
				label(g, classes.get(c), centre, body.getHeight() - BOTTOM + 20);
				box(g, values.get(c), axis, centre, slot * 0.25);
			}
		}
		finally {
			g.dispose();
		}
		return TitledFigure.of(body, metric, WIDTH, HEIGHT);
	}

	/** The finite values of a column, parsed as {@link CsvTable#format} wrote them. */
	private static double[] finite(final List<List<String>> rows, final int column) {
		return rows.stream().map(r -> r.get(column)).filter(t -> !t.isEmpty() && !t.endsWith("Inf"))
			.mapToDouble(Double::parseDouble).filter(Double::isFinite).toArray();
	}

	/** Draws one box, {@code half} pixels either side of {@code centre}; nothing without values. */
	private static void box(final Graphics2D g, final double[] values, final Axis axis, final double centre,
		final double half)
	{
		if (values.length == 0) return;
		final double[] sorted = values.clone();
		Arrays.sort(sorted);
		final double q1 = quantile(sorted, 0.25), median = quantile(sorted, 0.5), q3 = quantile(sorted, 0.75);
		final double reach = 1.5 * (q3 - q1);
		final double low = Arrays.stream(sorted).filter(v -> v >= q1 - reach).min().orElse(q1);
		final double high = Arrays.stream(sorted).filter(v -> v <= q3 + reach).max().orElse(q3);
		final int left = (int) Math.round(centre - half), right = (int) Math.round(centre + half);
		final int x = (int) Math.round(centre);
		g.setColor(BOX);
		g.fillRect(left, axis.y(q3), right - left, axis.y(q1) - axis.y(q3));
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(1));
		g.drawRect(left, axis.y(q3), right - left, axis.y(q1) - axis.y(q3));
		g.drawLine(x, axis.y(q3), x, axis.y(high));
		g.drawLine(x, axis.y(q1), x, axis.y(low));
		g.drawLine(x - (int) (half / 2), axis.y(high), x + (int) (half / 2), axis.y(high));
		g.drawLine(x - (int) (half / 2), axis.y(low), x + (int) (half / 2), axis.y(low));
		g.setStroke(new BasicStroke(3));
		g.drawLine(left, axis.y(median), right, axis.y(median));
		g.setStroke(new BasicStroke(1));
		g.setColor(POINT);
		for (int i = 0; i < values.length; i++) {
			final double jitter = ((i * GOLDEN) % 1 - 0.5) * half;
			g.fillOval((int) Math.round(centre + jitter) - 2, axis.y(values[i]) - 2, 5, 5);
		}
	}

	/** The {@code p} quantile of sorted values, by linear interpolation. */
	static double quantile(final double[] sorted, final double p) {
		final double position = p * (sorted.length - 1);
		final int below = (int) Math.floor(position);
		final int above = Math.min(sorted.length - 1, below + 1);
		return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
	}

	private static void label(final Graphics2D g, final String text, final double centre, final int baseline) {
		final FontMetrics metrics = g.getFontMetrics();
		g.setColor(Color.BLACK);
		g.drawString(text, (int) Math.round(centre - metrics.stringWidth(text) / 2.0), baseline);
	}

	/** The y axis: values from {@code low} to {@code high} shown from pixel row {@code bottom} up to {@code top}. */
	private record Axis(double low, double high, int top, int bottom) {

		/** An axis over all finite values with 5 % more on each side; 0 to 1 without values. */
		static Axis of(final List<double[]> values, final int top, final int bottom) {
			final double low = values.stream().flatMapToDouble(Arrays::stream).min().orElse(0);
			final double high = values.stream().flatMapToDouble(Arrays::stream).max().orElse(1);
			final double pad = Math.max(0.05 * (high - low), 0.01 * Math.max(1, Math.max(Math.abs(low), Math.abs(high))));
			return new Axis(low - pad, high + pad, top, bottom);
		}

		int y(final double value) {
			return (int) Math.round(bottom - (value - low) / (high - low) * (bottom - top));
		}

		/** The frame from {@code left} to {@code right}, five labelled ticks and the axis title. */
		void draw(final Graphics2D g, final String title, final int left, final int right) {
			g.setColor(Color.BLACK);
			g.drawRect(left, top, right - left, bottom - top);
			final FontMetrics metrics = g.getFontMetrics();
			for (int i = 0; i <= 4; i++) {
				final double value = low + (high - low) * i / 4;
				final String text = String.format(Locale.ROOT, "%.3g", value);
				g.drawLine(left - 5, y(value), left, y(value));
				g.drawString(text, left - 8 - metrics.stringWidth(text), y(value) + metrics.getAscent() / 2 - 1);
			}
			final Graphics2D rotated = (Graphics2D) g.create();
			try {
				rotated.rotate(-Math.PI / 2);
				rotated.drawString(title, -(top + bottom + metrics.stringWidth(title)) / 2, metrics.getAscent() + 4);
			}
			finally {
				rotated.dispose();
			}
		}
	}
}
