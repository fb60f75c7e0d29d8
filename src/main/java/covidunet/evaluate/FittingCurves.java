package covidunet.evaluate;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.ToDoubleFunction;

import covidunet.BadInputException;
import covidunet.figure.PngFiles;
import covidunet.figure.TitledFigure;
import covidunet.model.train.History;
import ij.gui.Plot;

/**
 * The cross-validation's fitting curves: every fold's training loss (a solid line in the fold's
 * colour) and validation loss (a thinner line in a lighter tint of it) against the epoch, with a
 * legend ("fold k loss", "fold k val_loss"). Epochs where a loss is NaN or infinite are left out;
 * folds without epochs are skipped. Drawn with ImageJ's {@link Plot} (no display needed).
 */
public final class FittingCurves {

	/** The figure's usual file name, as {@link Report} captions it. */
	public static final String FILE = "fitting_curves.png";

	/** The figure's width in pixels. */
	public static final int WIDTH = 900;

	/** The figure's height in pixels, title included. */
	public static final int HEIGHT = 500;

	/** The folds' colours (matplotlib's tab10), the k-th fold in ascending order the k-th, cycling. */
	public static final List<Color> COLOURS = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
		new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
		new Color(0xbcbd22), new Color(0x17becf));

	private static final String TITLE = "Fitting curves";

	private FittingCurves() {}

	/**
	 * The figure, {@link #WIDTH} × {@link #HEIGHT} pixels.
	 *
	 * @param byFold each fold's training history
	 * @throws BadInputException if no fold has an epoch
	 */
	public static BufferedImage of(final SortedMap<Integer, History> byFold) {
		final Plot plot = new Plot(TITLE, "epoch", "loss");
		final List<String> legend = new ArrayList<>();
		final double[] limits = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
			Double.NEGATIVE_INFINITY };
		int index = 0;
		for (final Map.Entry<Integer, History> fold : byFold.entrySet()) {
			final List<History.Row> rows = fold.getValue().rows();
			if (rows.isEmpty()) continue;
			final Color colour = COLOURS.get(index++ % COLOURS.size());
			limits[0] = Math.min(limits[0], rows.get(0).epoch());
			limits[1] = Math.max(limits[1], rows.get(rows.size() - 1).epoch());
			plot.setLineWidth(2);
			add(plot, rows, History.Row::loss, colour, "fold " + fold.getKey() + " loss", legend, limits);
			plot.setLineWidth(1);
			add(plot, rows, History.Row::valLoss, lighter(colour), "fold " + fold.getKey() + " val_loss", legend, limits);
		}
		if (index == 0) throw new BadInputException("fitting curves: no fold has epochs to plot");
		plot.setLimits(limits[0] - 0.5, limits[1] + 0.5, padded(limits[2], limits[3], -1), padded(limits[2], limits[3], 1));
		plot.setColor(Color.BLACK);
		plot.setLegend(String.join("\t", legend), Plot.AUTO_POSITION);
		plot.setSize(WIDTH, HEIGHT - TitledFigure.TITLE_HEIGHT);
		return TitledFigure.of(plot.getProcessor().getBufferedImage(), TITLE, WIDTH, HEIGHT);
	}

	/**
	 * Writes the figure to {@code png}, atomically ({@link PngFiles#write}).
	 *
	 * @throws BadInputException if no fold has an epoch or the file cannot be written
	 */
	public static void write(final SortedMap<Integer, History> byFold, final Path png) {
		PngFiles.write(of(byFold), png);
	}

	/** Adds one loss's finite values as a line, and widens the y range in {@code limits} (x min, x max, y min, y max). */
	private static void add(final Plot plot, final List<History.Row> rows, final ToDoubleFunction<History.Row> loss,
		final Color colour, final String label, final List<String> legend, final double[] limits)
	{
		final List<History.Row> kept = rows.stream().filter(r -> Double.isFinite(loss.applyAsDouble(r))).toList();
		final double[] epochs = new double[kept.size()], values = new double[kept.size()];
		for (int i = 0; i < epochs.length; i++) {
			epochs[i] = kept.get(i).epoch();
			values[i] = loss.applyAsDouble(kept.get(i));
			limits[2] = Math.min(limits[2], values[i]);
			limits[3] = Math.max(limits[3], values[i]);
		}
		plot.setColor(colour);
		plot.add("line", epochs, values);
		legend.add(label);
	}

	/**
	 * The y range's lower ({@code side} −1) or upper (+1) end with 5 % more (at least 1 % of the
	 * largest magnitude); 0 to 1 if no loss is finite.
	 */
	private static double padded(final double low, final double high, final int side) {
		if (low > high) return side < 0 ? 0 : 1;
		final double pad = Math.max(0.05 * (high - low), 0.01 * Math.max(1, Math.max(Math.abs(low), Math.abs(high))));
		return side < 0 ? low - pad : high + pad;
	}

	/** {@code colour} halfway to white. */
	static Color lighter(final Color colour) {
		return new Color((colour.getRed() + 255) / 2, (colour.getGreen() + 255) / 2, (colour.getBlue() + 255) / 2);
	}
}
