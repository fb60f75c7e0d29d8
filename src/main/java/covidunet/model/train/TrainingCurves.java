package covidunet.model.train;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import covidunet.BadInputException;
import covidunet.figure.PngFiles;
import covidunet.figure.TitledFigure;
import ij.gui.Plot;

/**
 * The training curves of a {@link History}: the training and validation losses against the
 * epoch, as lines with points (epochs where a loss is NaN or infinite are left out), with a legend;
 * at the epoch of the best validation loss (the model that is exported) a dotted grey line and a
 * grey halo around the point. Drawn with ImageJ's {@link Plot} (no display needed) under a title
 * band.
 */
public final class TrainingCurves {

	/** The figure's width in pixels. */
	public static final int WIDTH = 900;

	/** The figure's height in pixels, title included. */
	public static final int HEIGHT = 500;

	/** The training loss's colour. */
	public static final Color TRAINING = new Color(0x1f77b4);

	/** The validation loss's colour. */
	public static final Color VALIDATION = new Color(0xff7f0e);

	/** The best-validation marker's colour. */
	public static final Color BEST = Color.GRAY;

	private static final String TITLE = "Training curves";

	private TrainingCurves() {}

	/** One loss's finite values and their epochs. */
	private record Series(double[] epochs, double[] values) {

		static Series of(final List<History.Row> rows, final ToDoubleFunction<History.Row> loss) {
			final List<History.Row> kept = new ArrayList<>();
			for (final History.Row row : rows) if (Double.isFinite(loss.applyAsDouble(row))) kept.add(row);
			final double[] epochs = new double[kept.size()], values = new double[kept.size()];
			for (int i = 0; i < epochs.length; i++) {
				epochs[i] = kept.get(i).epoch();
				values[i] = loss.applyAsDouble(kept.get(i));
			}
			return new Series(epochs, values);
		}
	}

	/**
	 * The figure of {@code history}, {@link #WIDTH} × {@link #HEIGHT} pixels.
	 *
	 * @throws BadInputException if the history has no epochs
	 */
	public static BufferedImage of(final History history) {
		return TitledFigure.of(image(history, WIDTH, HEIGHT - TitledFigure.TITLE_HEIGHT), TITLE, WIDTH, HEIGHT);
	}

	/**
	 * The curves of {@code history} without the title band, {@code width} × {@code height}
	 * pixels (the live training window draws them at its own size).
	 *
	 * @throws BadInputException if the history has no epochs
	 */
	public static BufferedImage image(final History history, final int width, final int height) {
		final List<History.Row> rows = history.rows();
		if (rows.isEmpty()) throw new BadInputException("history: no epochs to plot");
		final Series training = Series.of(rows, History.Row::loss);
		final Series validation = Series.of(rows, History.Row::valLoss);
		final Plot plot = new Plot(TITLE, "epoch", "loss");
		final double[] limits = limits(rows, training, validation);
		plot.setLimits(limits[0], limits[1], limits[2], limits[3]);
		final List<String> legend = new ArrayList<>();
		final Optional<History.Best> best = history.bestValidation().filter(b -> Double.isFinite(b.value()));
		if (best.isPresent()) {
			final History.Best b = best.get();
			plot.setColor(BEST);
			plot.drawDottedLine(b.epoch(), limits[2], b.epoch(), limits[3], 3);
			plot.setLineWidth(6);
			plot.add("circle", new double[] { b.epoch() }, new double[] { b.value() });
			legend.add("best validation (epoch " + b.epoch() + ")");
		}
		plot.setLineWidth(2);
		add(plot, training, TRAINING, "training loss", legend);
		add(plot, validation, VALIDATION, "validation loss", legend);
		plot.setColor(Color.BLACK);
		if (!legend.isEmpty()) plot.setLegend(String.join("\t", legend), Plot.AUTO_POSITION);
		plot.setSize(width, height);
		return plot.getProcessor().getBufferedImage();
	}

	/**
	 * Writes the figure of {@code history} to {@code png}, atomically ({@link PngFiles#write}).
	 *
	 * @throws BadInputException if the history has no epochs or the file cannot be written
	 */
	public static void write(final History history, final Path png) {
		PngFiles.write(of(history), png);
	}

	private static void add(final Plot plot, final Series series, final Color colour, final String label,
		final List<String> legend)
	{
		if (series.epochs().length == 0) return;
		plot.setColor(colour, colour);
		plot.add("connected circle", series.epochs(), series.values());
		legend.add(label);
	}

	/**
	 * The plot's x and y range: the epochs, half an epoch (or 2 %) more on each side, and the finite
	 * losses with 5 % more (at least 1 % of the largest magnitude, so a flat curve has a range).
	 */
	private static double[] limits(final List<History.Row> rows, final Series training, final Series validation) {
		final int first = rows.get(0).epoch(), last = rows.get(rows.size() - 1).epoch();
		final double xPad = Math.max(0.5, 0.02 * (last - first));
		double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
		for (final Series s : List.of(training, validation)) {
			for (final double v : s.values()) {
				low = Math.min(low, v);
				high = Math.max(high, v);
			}
		}
		if (low > high) return new double[] { first - xPad, last + xPad, 0, 1 };
		final double yPad = Math.max(0.05 * (high - low), 0.01 * Math.max(1, Math.max(Math.abs(low), Math.abs(high))));
		return new double[] { first - xPad, last + xPad, low - yPad, high + yPad };
	}
}
