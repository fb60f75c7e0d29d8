package covidunet.io.imagej;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

import covidunet.BadInputException;
import covidunet.io.Volume;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Label images in ImageJ: 8-bit images whose pixel values are the labels, shown with
 * {@link LabelLut}, and overlays of them on the CT they segment.
 */
public final class LabelImages {

	private LabelImages() {}

	/**
	 * An 8-bit image of the labels with the {@link LabelLut} colours, display range 0–255 (so each
	 * value takes its own LUT entry), voxel sizes in its calibration and the full geometry in its
	 * properties (as {@link ImagePlusVolumes#toImagePlus}).
	 *
	 * @param labels integer labels, each 0–255
	 * @param title the new image's title, also named in errors
	 * @throws BadInputException if the voxel type is not an integer type or a label is outside
	 *           0–255
	 */
	public static ImagePlus toLabelImagePlus(final Volume<?> labels, final String title) {
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(asBytes(labels, title), title);
		imp.setLut(LabelLut.lut());
		imp.setDisplayRange(0, 255);
		return imp;
	}

	/**
	 * An overlay showing each slice of an 8-bit label image in the {@link LabelLut} colours with a
	 * transparent background, to be set on the image the labels segment
	 * ({@code ct.setOverlay(overlay)}). Each slice's overlay image shares the label slice's pixels.
	 *
	 * @param labels an 8-bit label image of the same width, height and depth as the image shown
	 * @param opacity from 0 (invisible) to 1 (opaque)
	 * @throws BadInputException if the label image is not 8-bit
	 */
	public static Overlay overlay(final ImagePlus labels, final double opacity) {
		if (labels.getBitDepth() != 8) {
			throw new BadInputException("label image \"" + labels.getTitle() + "\" is " +
				labels.getBitDepth() + "-bit; an 8-bit label image is needed for an overlay");
		}
		final ImageStack stack = labels.getStack();
		final IndexColorModel colours = LabelLut.transparentBackground();
		final Overlay overlay = new Overlay();
		for (int n = 1; n <= stack.getSize(); n++) {
			final ImageRoi roi = new ImageRoi(0, 0, sliceImage(stack, n, colours));
			roi.setOpacity(opacity);
			roi.setPosition(n);
			overlay.add(roi);
		}
		return overlay;
	}

	private static <T extends RealType<T>> Volume<?> asBytes(final Volume<T> labels,
		final String title)
	{
		if (!(labels.type() instanceof IntegerType)) {
			throw new BadInputException("label volume \"" + title + "\" has " +
				labels.type().getClass().getSimpleName() + " voxels; labels must be integers 0-255");
		}
		requireByteRange(labels.image(), title);
		if (labels.type() instanceof UnsignedByteType) return labels;
		final RandomAccessibleInterval<UnsignedByteType> bytes = Converters.convert(labels.image(),
			(in, out) -> out.set((int) in.getRealDouble()), new UnsignedByteType());
		return new Volume<>(bytes, labels.geometry());
	}

	private static <T extends RealType<T>> void requireByteRange(
		final RandomAccessibleInterval<T> image, final String title)
	{
		final Cursor<T> cursor = image.cursor();
		while (cursor.hasNext()) {
			final double value = cursor.next().getRealDouble();
			if (value < 0 || value > 255) {
				throw new BadInputException("label volume \"" + title + "\" has value " + (long) value +
					" at voxel " + Arrays.toString(cursor.positionAsLongArray()) + "; labels must be 0-255");
			}
		}
	}

	/** Slice {@code n} (from 1) of an 8-bit stack as an indexed image over the same pixels. */
	static BufferedImage sliceImage(final ImageStack stack, final int n,
		final IndexColorModel colours)
	{
		final byte[] pixels = (byte[]) stack.getPixels(n);
		final int width = stack.getWidth();
		final WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(pixels,
			pixels.length), width, stack.getHeight(), width, 1, new int[] { 0 }, null);
		return new BufferedImage(colours, raster, false, null);
	}
}
