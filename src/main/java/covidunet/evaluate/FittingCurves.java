package covidunet.evaluate;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import covidunet.BadInputException;
import covidunet.figure.LossCurves;
import covidunet.figure.PngFiles;
import covidunet.model.train.History;
import covidunet.model.train.TrainingCurves;

/**
 * The cross-validation's fitting curves as {@link LossCurves}: every fold's training loss (a line
 * in the fold's colour) and validation loss (a thinner line in a lighter tint of it) against the
 * epoch, with a legend ("fold k loss", "fold k val_loss"); folds without epochs are skipped.
 */
public final class FittingCurves {

	/** The figure's usual file name, as {@link Report} captions it. */
	public static final String FILE = "fitting_curves.png";

	/** The figure's width in pixels. */
	public static final int WIDTH = LossCurves.WIDTH;

	/** The figure's height in pixels, title included. */
	public static final int HEIGHT = LossCurves.HEIGHT;

	private static final String TITLE = "Fitting curves";

	private FittingCurves() {}

	/**
	 * The figure, {@link #WIDTH} × {@link #HEIGHT} pixels.
	 *
	 * @param byFold each fold's training history
	 * @throws BadInputException if no fold has an epoch
	 */
	public static BufferedImage of(final SortedMap<Integer, History> byFold) {
		final List<LossCurves.Curve> curves = new ArrayList<>();
		double first = Double.POSITIVE_INFINITY, last = Double.NEGATIVE_INFINITY;
		int index = 0;
		for (final Map.Entry<Integer, History> fold : byFold.entrySet()) {
			final List<History.Row> rows = fold.getValue().rows();
			if (rows.isEmpty()) continue;
			final Color colour = colour(index++);
			first = Math.min(first, rows.get(0).epoch());
			last = Math.max(last, rows.get(rows.size() - 1).epoch());
			curves.add(TrainingCurves.curve(fold.getValue(), History.Row::loss, "fold " + fold.getKey() + " loss", colour,
				false, 2));
			curves.add(TrainingCurves.curve(fold.getValue(), History.Row::valLoss, "fold " + fold.getKey() + " val_loss",
				LossCurves.lighter(colour), false, 1));
		}
		if (index == 0) throw new BadInputException("fitting curves: no fold has epochs to plot");
		return LossCurves.titled(TITLE, curves, null, first, last, 0.5, WIDTH, HEIGHT);
	}

	/**
	 * Writes the figure to {@code png}, atomically ({@link PngFiles#write}).
	 *
	 * @throws BadInputException if no fold has an epoch or the file cannot be written
	 */
	public static void write(final SortedMap<Integer, History> byFold, final Path png) {
		PngFiles.write(of(byFold), png);
	}

	/** The colour of the {@code index}-th fold with epochs, in ascending fold order. */
	static Color colour(final int index) {
		return LossCurves.COLOURS.get(index % LossCurves.COLOURS.size());
	}
}
