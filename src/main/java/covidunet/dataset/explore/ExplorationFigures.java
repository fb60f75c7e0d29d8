package covidunet.dataset.explore;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import covidunet.io.imagej.LabelLut;
import ij.gui.Plot;

/**
 * The figures of {@code explore}, drawn with ImageJ's own {@link Plot} (no display needed):
 * intensity histograms per class, and class volumes per case.
 */
public final class ExplorationFigures {

	/** File name of the histogram figure. */
	public static final String HISTOGRAMS = "intensity_histograms.png";

	/** File name of the class-volume figure. */
	public static final String VOLUMES = "class_volumes.png";

	private static final String[] CLASSES = { "background", "left lung", "right lung", "infection" };
	private static final int WIDTH = 900;
	private static final int HEIGHT = 450;

	private ExplorationFigures() {}

	/**
	 * Per class, the fraction of its voxels in each 10 HU bin over [−1250, 250] HU, pooled over
	 * all cases (0–255 images mapped back to HU).
	 */
	public static BufferedImage histograms(final List<CaseExploration> cases) {
		final Plot plot = new Plot("Intensity per class", "HU (0-255 images mapped back to [-1250, 250])",
			"fraction of the class's voxels");
		final double[] x = new double[HuHistogram.BINS];
		for (int b = 0; b < x.length; b++) x[b] = HuHistogram.centre(b);
		for (int c = 0; c < CLASSES.length; c++) {
			final double[] y = new double[HuHistogram.BINS];
			long total = 0;
			for (final CaseExploration e : cases) {
				for (int b = 0; b < y.length; b++) {
					y[b] += e.histogram()[c][b];
					total += e.histogram()[c][b];
				}
			}
			if (total > 0) for (int b = 0; b < y.length; b++) y[b] /= total;
			plot.setColor(colour(c));
			plot.setLineWidth(2);
			plot.add("line", x, y);
		}
		plot.setLegend(String.join("\t", CLASSES), Plot.AUTO_POSITION);
		return render(plot);
	}

	/** Per case, bars of the left lung, right lung and infection volumes in mL. */
	public static BufferedImage volumes(final List<CaseExploration> cases) {
		final Plot plot = new Plot("Class volumes per case", "case (in the order of cases.csv, from 1)", "mL");
		final double barWidth = 0.25;
		for (int i = 0; i < cases.size(); i++) {
			for (int c = 1; c < CLASSES.length; c++) {
				final double left = i + 1 + (c - 2.5) * barWidth;
				final double height = cases.get(i).millilitres(c);
				plot.setColor(colour(c), colour(c));
				plot.add("filled", new double[] { left, left, left + barWidth, left + barWidth },
					new double[] { 0, height, height, 0 });
			}
		}
		plot.setColor(Color.BLACK);
		plot.setLimits(0.4, cases.size() + 0.6, 0, Double.NaN);
		plot.setLegend(String.join("\t", CLASSES[1], CLASSES[2], CLASSES[3]), Plot.AUTO_POSITION);
		return render(plot);
	}

	private static BufferedImage render(final Plot plot) {
		plot.setSize(WIDTH, HEIGHT);
		return plot.getProcessor().getBufferedImage();
	}

	private static Color colour(final int label) {
		return label == 0 ? Color.GRAY : LabelLut.colour(label);
	}
}
