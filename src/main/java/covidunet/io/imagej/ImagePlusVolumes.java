package covidunet.io.imagej;

import java.util.Arrays;

import covidunet.BadInputException;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Bridges ImageJ 1.x images and {@link Volume}s.
 * <p>
 * {@link #wrap} shows an {@link ImagePlus} as a volume without copying voxels;
 * {@link #toImagePlus} makes an {@link ImagePlus} of a volume, storing its full geometry in the
 * image's properties ({@link GeometryProperties}) and its voxel sizes in the calibration. The
 * voxels keep their order: volume index (x, y, z) is ImageJ pixel (x, y) of slice z + 1.
 */
public final class ImagePlusVolumes {

	/** The largest number of elements a Java array can hold. */
	private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

	private ImagePlusVolumes() {}

	/**
	 * The image as a volume over the stack's own pixel arrays: 8-bit slices as
	 * {@code UnsignedByteType}, 16-bit as {@code UnsignedShortType}, 32-bit as {@link FloatType},
	 * so writing to the volume changes the image. If an 8- or 16-bit image has a density
	 * calibration function (ImageJ gives signed 16-bit DICOM the straight line
	 * {@code value - 32768}, and applies the rescale slope and intercept), the volume is instead a
	 * read-only {@link FloatType} view of the calibrated values (HU for CT), still without a copy.
	 * <p>
	 * A single 2-D image is a volume of depth 1. A virtual stack is read into memory plane by
	 * plane; writes then do not reach its files. The geometry is {@link #geometryOf}.
	 *
	 * @throws BadInputException if the image is RGB or indexed-colour, or has more than one
	 *           channel or time point
	 */
	public static Volume<?> wrap(final ImagePlus imp) {
		requireGreyVolume(imp);
		final ImageStack stack = imp.getStack();
		final Geometry geometry = geometryOf(imp);
		final Calibration cal = imp.getCalibration();
		switch (stack.getBitDepth()) {
			case 8:
				return calibrated(StackPlanes.bytes(stack), cal, 8, geometry);
			case 16:
				return calibrated(StackPlanes.shorts(stack), cal, 16, geometry);
			default:
				return new Volume<>(StackPlanes.floats(stack), geometry);
		}
	}

	/**
	 * The image's geometry: the one stored in its properties by {@link #toImagePlus} if present,
	 * readable and of the image's size; otherwise the one its calibration implies, with the LPS
	 * voxel axes ImageJ and DICOM use (see {@link CalibrationGeometry}).
	 *
	 * @throws BadInputException if the geometry must come from a calibration whose unit is not a
	 *           length
	 */
	public static Geometry geometryOf(final ImagePlus imp) {
		final long[] dims = { imp.getWidth(), imp.getHeight(), imp.getStackSize() };
		return GeometryProperties.read(imp).filter(g -> Arrays.equals(g.dims(), dims)).orElseGet(
			() -> CalibrationGeometry.assumed(imp.getCalibration(), dims, imp.getTitle()));
	}

	/**
	 * A new image of the volume's voxels: {@code UnsignedByteType} as 8-bit; {@code ShortType}
	 * and {@code UnsignedShortType} as 16-bit (signed values stored + 32768 with ImageJ's signed
	 * 16-bit calibration, so ImageJ shows and measures the true values); any other type as 32-bit
	 * float (exact for values up to 2^24 in magnitude). If the volume's image is a
	 * {@code PlanarImg} over arrays ImageJ can hold, its arrays become the slices; otherwise the
	 * voxels are copied. The calibration gets the voxel sizes in mm, the properties the full
	 * geometry; 16- and 32-bit images show the whole volume's range.
	 *
	 * @param title the new image's title
	 * @throws BadInputException if a slice or the stack is too large for ImageJ
	 */
	public static ImagePlus toImagePlus(final Volume<?> volume, final String title) {
		final ImagePlus imp = new ImagePlus(title, stackOf(volume, title));
		final Calibration cal = imp.getCalibration().copy();
		if (volume.type() instanceof ShortType) cal.setSigned16BitCalibration();
		CalibrationGeometry.calibrate(cal, volume.geometry());
		imp.setCalibration(cal);
		GeometryProperties.write(imp, volume.geometry());
		showFullRange(imp);
		return imp;
	}

	private static void requireGreyVolume(final ImagePlus imp) {
		final String image = "image \"" + imp.getTitle() + "\"";
		if (imp.getType() == ImagePlus.COLOR_RGB) {
			throw new BadInputException(image + " is an RGB image; a grey-level volume is needed");
		}
		if (imp.getType() == ImagePlus.COLOR_256) {
			throw new BadInputException(image + " is an indexed-colour image; a grey-level volume is needed");
		}
		if (imp.getNChannels() > 1 || imp.getNFrames() > 1) {
			throw new BadInputException(image + " has " + imp.getNChannels() + " channels and " +
				imp.getNFrames() + " time points; a volume with one channel and one time point is needed");
		}
	}

	private static <T extends IntegerType<T>> Volume<?> calibrated(
		final RandomAccessibleInterval<T> raw, final Calibration cal, final int bitDepth,
		final Geometry geometry)
	{
		if (!cal.calibrated()) return new Volume<>(raw, geometry);
		final float[] table = new float[1 << bitDepth];
		for (int i = 0; i < table.length; i++) {
			table[i] = (float) cal.getCValue(i);
		}
		final RandomAccessibleInterval<FloatType> values = Converters.convert(raw,
			(in, out) -> out.set(table[in.getInteger()]), new FloatType());
		return new Volume<>(values, geometry);
	}

	private static <T extends RealType<T>> ImageStack stackOf(final Volume<T> volume,
		final String title)
	{
		final long[] dims = volume.geometry().dims();
		if (dims[0] * dims[1] > MAX_ARRAY_LENGTH || dims[2] > Integer.MAX_VALUE) {
			throw new BadInputException("volume \"" + title + "\" of size " + Arrays.toString(dims) +
				" is too large for an ImageJ stack");
		}
		final ImageStack stack = new ImageStack((int) dims[0], (int) dims[1]);
		for (final Object slice : StackPlanes.of(volume.type()).slices(volume.image())) {
			stack.addSlice(null, slice);
		}
		return stack;
	}

	private static void showFullRange(final ImagePlus imp) {
		if (imp.getBitDepth() == 8) return;
		final ImageStack stack = imp.getStack();
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int n = 1; n <= stack.getSize(); n++) {
			final ImageProcessor ip = stack.getProcessor(n);
			ip.resetMinAndMax();
			min = Math.min(min, ip.getMin());
			max = Math.max(max, ip.getMax());
		}
		if (min <= max) imp.setDisplayRange(min, max);
	}
}
