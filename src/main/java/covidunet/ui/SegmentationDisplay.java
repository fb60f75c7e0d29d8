package covidunet.ui;

import ij.ImagePlus;

import covidunet.io.CsvTable;
import covidunet.io.imagej.LabelImages;
import covidunet.predict.Volumetrics;

/**
 * Shows a segmentation in Fiji: the labels as an overlay on the CT, and the volumetrics in a
 * results table (windows: never call when headless).
 */
public final class SegmentationDisplay {

	/** The overlay's opacity (the reference's figures use 0.3). */
	public static final double OPACITY = 0.3;

	private SegmentationDisplay() {}

	/**
	 * Shows the result of segmenting {@code ct}, except the label image itself: a command's output,
	 * Fiji (or the ImageJ 1.x adapter) shows it.
	 *
	 * @param ct the image segmented, shown if it is not already (gets the overlay)
	 * @param labelImage the labels on the CT's grid, with the label LUT
	 * @param id names the case in the table
	 * @param volumetrics the case's volumes
	 */
	public static void show(final ImagePlus ct, final ImagePlus labelImage, final String id,
		final Volumetrics volumetrics)
	{
		if (ct != null) {
			ct.setOverlay(LabelImages.overlay(labelImage, OPACITY));
			if (!ct.isVisible()) ct.show();
		}
		final CsvTable table = new CsvTable(Volumetrics.COLUMNS);
		table.add(volumetrics.csvRow(id).toArray());
		ResultsTables.show(table, "COVID-19 U-Net volumes");
	}
}
