package covidunet.model.train;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

import covidunet.BadInputException;
import covidunet.figure.LossCurves;
import covidunet.figure.PngFiles;

/**
 * The training curves of a {@link History} as {@link LossCurves}: the training and validation
 * losses against the epoch, as lines with points, and the epoch of the best validation loss (the
 * model that is exported) marked.
 */
public final class TrainingCurves {

	/** The figure's width in pixels. */
	public static final int WIDTH = LossCurves.WIDTH;

	/** The figure's height in pixels, title included. */
	public static final int HEIGHT = LossCurves.HEIGHT;

	/** The training loss's colour. */
	public static final Color TRAINING = LossCurves.COLOURS.get(0);

	/** The validation loss's colour. */
	public static final Color VALIDATION = LossCurves.COLOURS.get(1);

	/** The best-validation marker's colour. */
	public static final Color BEST = LossCurves.SELECTED;

	private static final String TITLE = "Training curves";

	private TrainingCurves() {}

	/**
	 * The figure of {@code history}, {@link #WIDTH} × {@link #HEIGHT} pixels.
	 *
	 * @throws BadInputException if the history has no epochs
	 */
	public static BufferedImage of(final History history) {
		return LossCurves.titled(TITLE, curves(history), selected(history), first(history), last(history), xPad(history),
			WIDTH, HEIGHT);
	}

	/**
	 * The curves of {@code history} without the title band, {@code width} × {@code height}
	 * pixels (the live training window draws them at its own size).
	 *
	 * @throws BadInputException if the history has no epochs
	 */
	public static BufferedImage image(final History history, final int width, final int height) {
		return LossCurves.image(curves(history), selected(history), first(history), last(history), xPad(history), width,
			height);
	}

	/**
	 * Writes the figure of {@code history} to {@code png}, atomically ({@link PngFiles#write}).
	 *
	 * @throws BadInputException if the history has no epochs or the file cannot be written
	 */
	public static void write(final History history, final Path png) {
		PngFiles.write(of(history), png);
	}

	private static List<LossCurves.Curve> curves(final History history) {
		if (history.rows().isEmpty()) throw new BadInputException("history: no epochs to plot");
		return List.of(curve(history, History.Row::loss, "training loss", TRAINING, true, 2), curve(history,
			History.Row::valLoss, "validation loss", VALIDATION, true, 2));
	}

	/**
	 * One loss of {@code history} against the epoch, as {@link LossCurves} draws it.
	 *
	 * @param loss which loss of each row
	 * @param points whether each epoch is a point on the line
	 */
	public static LossCurves.Curve curve(final History history, final ToDoubleFunction<History.Row> loss,
		final String label, final Color colour, final boolean points, final int lineWidth)
	{
		final List<History.Row> rows = history.rows();
		final double[] epochs = new double[rows.size()], values = new double[rows.size()];
		for (int i = 0; i < epochs.length; i++) {
			epochs[i] = rows.get(i).epoch();
			values[i] = loss.applyAsDouble(rows.get(i));
		}
		return new LossCurves.Curve(label, epochs, values, colour, points, lineWidth);
	}

	private static LossCurves.Selected selected(final History history) {
		return history.bestValidation().filter(b -> Double.isFinite(b.value())).map(b -> new LossCurves.Selected(
			"best validation (epoch " + b.epoch() + ")", b.epoch(), b.value())).orElse(null);
	}

	private static int first(final History history) {
		return history.rows().get(0).epoch();
	}

	private static int last(final History history) {
		return history.rows().get(history.rows().size() - 1).epoch();
	}

	/** Half an epoch, or 2 % of the epochs, on each side. */
	private static double xPad(final History history) {
		return Math.max(0.5, 0.02 * (last(history) - first(history)));
	}
}
