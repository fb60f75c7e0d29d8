package covidunet.evaluate;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import covidunet.figure.GifFiles;
import covidunet.figure.PngFiles;
import covidunet.figure.SliceMontage;
import covidunet.io.Volume;
import covidunet.io.imagej.LabelLut;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A validation case's figures: {@code <case>.png}, a {@link SliceMontage} of {@value #ROWS}
 * axial slices through the truth's labels, and {@code <case>.gif}, an animation through the axial
 * slices (every slice, or every k-th so that there are at most {@value #MAX_FRAMES} frames,
 * {@value #FRAME_MS} ms each, looping forever, panels at most {@value #MAX_GIF_PANEL} pixels). Both show CT | truth | prediction side by side,
 * the lungs (labels 1 and 2) blue and infection (label 3) red at opacity
 * {@value SliceMontage#OPACITY} over the grey CT, windowed from {@value SliceMontage#WINDOW_LOW} to
 * {@value SliceMontage#WINDOW_HIGH} HU, or over its own range if the CT is an image of 0 to 255.
 */
public final class CaseFigures {

	/** Slices in the PNG montage. */
	public static final int ROWS = 4;

	/** The most frames in the GIF. */
	public static final int MAX_FRAMES = 60;

	/** The most pixels of a GIF panel's width and height (larger scans are shown coarser). */
	public static final int MAX_GIF_PANEL = 256;

	/** A frame's duration in the GIF, in milliseconds. */
	public static final int FRAME_MS = 100;

	private CaseFigures() {}

	/**
	 * Writes {@code <caseId>.png} and {@code <caseId>.gif} into {@code folder}, each atomically.
	 *
	 * @param ct the CT, any voxel type
	 * @param truth the true labels on the CT's grid
	 * @param prediction the predicted labels on the CT's grid
	 * @return the PNG and the GIF written
	 * @throws IllegalArgumentException if a label volume's size differs from the CT's
	 * @throws covidunet.BadInputException if a file cannot be written
	 */
	public static List<Path> write(final Volume<?> ct, final Volume<?> truth, final Volume<?> prediction,
		final String caseId, final Path folder)
	{
		final List<Volume<UnsignedByteType>> labels = List.of(lungsAsOne(truth), lungsAsOne(prediction));
		final double[] window = window(ct);
		final Path png = folder.resolve(caseId + ".png"), gif = folder.resolve(caseId + ".gif");
		PngFiles.write(SliceMontage.render(ct, labels, SliceMontage.slicesThroughLabels(truth, ROWS), window[0],
			window[1], 0), png);
		final long depth = SliceMontage.axialSlices(ct);
		final long step = (depth + MAX_FRAMES - 1) / MAX_FRAMES;
		final double pixelMm = SliceMontage.pixelMmWithin(ct, MAX_GIF_PANEL);
		final List<BufferedImage> frames = new ArrayList<>();
		for (long s = 0; s < depth; s += step) {
			frames.add(SliceMontage.render(ct, labels, new long[] { s }, window[0], window[1], pixelMm));
		}
		GifFiles.write(frames, FRAME_MS, gif);
		return List.of(png, gif);
	}

	/**
	 * The grey range: {@link SliceMontage#WINDOW_LOW} to {@link SliceMontage#WINDOW_HIGH}, or the
	 * image's own minimum to maximum if it is an image of 0 to 255 (a maximum of at most 255).
	 */
	static <T extends RealType<T>> double[] window(final Volume<T> ct) {
		double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
		final Cursor<T> cursor = ct.image().cursor();
		while (cursor.hasNext()) {
			final double v = cursor.next().getRealDouble();
			low = Math.min(low, v);
			high = Math.max(high, v);
		}
		if (high > 255 || low < 0) return new double[] { SliceMontage.WINDOW_LOW, SliceMontage.WINDOW_HIGH };
		return new double[] { low, Math.max(high, low + 1) };
	}

	/** The labels with the right lung drawn as the left, so that both lungs are blue. */
	private static <T extends RealType<T>> Volume<UnsignedByteType> lungsAsOne(final Volume<T> labels) {
		final RandomAccessibleInterval<UnsignedByteType> merged = Converters.convert(labels.image(), (in, out) -> {
			final int label = (int) in.getRealDouble();
			out.set(label == LabelLut.RIGHT_LUNG ? LabelLut.LEFT_LUNG : Math.max(0, Math.min(255, label)));
		}, new UnsignedByteType());
		return new Volume<>(merged, labels.geometry());
	}
}
