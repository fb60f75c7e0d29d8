package covidunet.figure;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import ij.gui.Plot;

/**
 * Loss curves against the epoch — one training's losses (the training window, a model's
 * {@code training_curves.png}) or every fold's (an evaluation's fitting curves) — with a legend and
 * optionally the selected epoch marked by a dotted grey line and a grey halo around its point.
 * Drawn with ImageJ's {@link Plot} (no display needed). Values that are NaN or infinite are left
 * out; the y range is the finite values with 5 % more (at least 1 % of the largest magnitude, so a
 * flat curve has a range), 0 to 1 without any.
 */
public final class LossCurves {

	/** A figure's usual width in pixels. */
	public static final int WIDTH = 900;

	/** A figure's usual height in pixels, title included. */
	public static final int HEIGHT = 500;

	/** The colours of successive curves or folds (matplotlib's tab10), cycling. */
	public static final List<Color> COLOURS = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
		new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
		new Color(0xbcbd22), new Color(0x17becf));

	/** The selected epoch's marker colour. */
	public static final Color SELECTED = Color.GRAY;

	private LossCurves() {}

	/**
	 * One loss against the epoch.
	 *
	 * @param label the legend's text
	 * @param epochs the epochs, ascending
	 * @param values the loss at each epoch; NaN and infinite values are left out
	 * @param colour the line's colour
	 * @param points whether each epoch is a point on the line
	 * @param lineWidth the line's width in pixels
	 */
	public record Curve(String label, double[] epochs, double[] values, Color colour, boolean points, int lineWidth) {

		/** Only the epochs whose value is finite. */
		Curve finite() {
			int n = 0;
			for (final double v : values) if (Double.isFinite(v)) n++;
			final double[] e = new double[n], v = new double[n];
			for (int i = 0, k = 0; i < values.length; i++) {
				if (!Double.isFinite(values[i])) continue;
				e[k] = epochs[i];
				v[k++] = values[i];
			}
			return new Curve(label, e, v, colour, points, lineWidth);
		}
	}

	/**
	 * The epoch whose model was kept, marked on the plot.
	 *
	 * @param label the legend's text
	 * @param epoch the epoch
	 * @param value its loss
	 */
	public record Selected(String label, double epoch, double value) {}

	/**
	 * The plot, {@code width} × {@code height} pixels, without a title band.
	 *
	 * @param curves the curves, drawn in this order
	 * @param selected the epoch to mark, or {@code null}
	 * @param firstEpoch the x range's start before padding
	 * @param lastEpoch the x range's end before padding
	 * @param xPad how far the x range extends beyond both ends
	 */
	public static BufferedImage image(final List<Curve> curves, final Selected selected, final double firstEpoch,
		final double lastEpoch, final double xPad, final int width, final int height)
	{
		final List<Curve> finite = curves.stream().map(Curve::finite).toList();
		final Plot plot = new Plot("", "epoch", "loss");
		final double[] y = yRange(finite);
		plot.setLimits(firstEpoch - xPad, lastEpoch + xPad, y[0], y[1]);
		final List<String> legend = new ArrayList<>();
		if (selected != null) {
			plot.setColor(SELECTED);
			plot.drawDottedLine(selected.epoch(), y[0], selected.epoch(), y[1], 3);
			plot.setLineWidth(6);
			plot.add("circle", new double[] { selected.epoch() }, new double[] { selected.value() });
			legend.add(selected.label());
		}
		for (final Curve c : finite) {
			if (c.epochs().length == 0) continue;
			plot.setLineWidth(c.lineWidth());
			plot.setColor(c.colour(), c.colour());
			plot.add(c.points() ? "connected circle" : "line", c.epochs(), c.values());
			legend.add(c.label());
		}
		plot.setColor(Color.BLACK);
		if (!legend.isEmpty()) plot.setLegend(String.join("\t", legend), Plot.AUTO_POSITION);
		plot.setSize(width, height);
		return plot.getProcessor().getBufferedImage();
	}

	/** {@link #image} under a title band ({@link TitledFigure}), {@code width} × {@code height} in all. */
	public static BufferedImage titled(final String title, final List<Curve> curves, final Selected selected,
		final double firstEpoch, final double lastEpoch, final double xPad, final int width, final int height)
	{
		return TitledFigure.of(image(curves, selected, firstEpoch, lastEpoch, xPad, width, height -
			TitledFigure.TITLE_HEIGHT), title, width, height);
	}

	/** {@code colour} halfway to white. */
	public static Color lighter(final Color colour) {
		return new Color((colour.getRed() + 255) / 2, (colour.getGreen() + 255) / 2, (colour.getBlue() + 255) / 2);
	}

	private static double[] yRange(final List<Curve> curves) {
		double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
		for (final Curve c : curves) {
			for (final double v : c.values()) {
				low = Math.min(low, v);
				high = Math.max(high, v);
			}
		}
		if (low > high) return new double[] { 0, 1 };
		final double pad = Math.max(0.05 * (high - low), 0.01 * Math.max(1, Math.max(Math.abs(low), Math.abs(high))));
		return new double[] { low - pad, high + pad };
	}
}
