package covidunet.preprocess;

import java.util.Arrays;

import covidunet.BadInputException;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.IntensityKind;
import covidunet.dataset.MaskReader;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.VoxelStatistics;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Preprocesses one case (docs/method.md, Preprocessing), in this order:
 * <ol>
 * <li>refuse NaN and infinite image voxels, and labels other than 0–3;</li>
 * <li>reorient image and labels to the canonical orientation ({@link Reorientation});</li>
 * <li>map a 0–255 image back to the HU window, {@code hu = low + v/255·(high − low)}, if the
 * kind is {@link IntensityKind#RESCALED_0_255} and {@link PreprocessConfig#mapBack0255()};</li>
 * <li>clip to [{@code clipLow}, {@code clipHigh}];</li>
 * <li>rescale to [{@code rescaleLow}, {@code rescaleHigh}]: the volume's min–max (a constant
 * volume becomes {@code rescaleLow}), or the HU window's, as {@link RescaleRange} says;</li>
 * <li>resample to the target spacing ({@link Resampler}): the image with the image
 * interpolation, the labels with the label interpolation;</li>
 * <li>z-score over the whole volume, if enabled (a constant volume becomes 0).</li>
 * </ol>
 * Each stage works on a float array, x fastest; each array is dropped once the next exists.
 */
public final class Preprocessor {

	private Preprocessor() {}

	/**
	 * Preprocesses a case in memory.
	 *
	 * @param id the case id, named in messages
	 * @param image the CT volume, any real voxel type
	 * @param labels its labels 0–3 on the same grid, or {@code null}
	 * @param kind what the image's values mean
	 * @param config the parameters (validated here)
	 * @throws BadInputException naming the case if the image has NaN or infinite voxels, the
	 *           labels are not 0–3, their grid differs from the image's or the volume is too
	 *           large; naming the parameter if the configuration is impossible
	 */
	public static PreprocessedCase preprocess(final String id, final Volume<?> image, final Volume<?> labels,
		final IntensityKind kind, final PreprocessConfig config)
	{
		config.validate();
		if (labels != null) checkGrid(id, image.geometry(), labels.geometry(), "the image", "the mask");
		final Reorientation reorientation = Reorientation.to(image.geometry(), config.orientation());
		return process(id, reorientation, reorientation.apply(imageVoxels(id, image)), labels == null ? null :
			reorientation.apply(MaskReader.voxels(id, labels)), kind, config);
	}

	/**
	 * Reads a case's files and preprocesses it. The image is read last, and its voxels are held
	 * in their file's type only until converted.
	 *
	 * @param files the image and the mask ({@code null} for none)
	 * @throws BadInputException naming the file if it cannot be read or has NaN or infinite voxels,
	 *           else as {@link #preprocess(String, Volume, Volume, IntensityKind, PreprocessConfig)}
	 */
	public static PreprocessedCase preprocess(final CaseFiles files, final IntensityKind kind,
		final PreprocessConfig config)
	{
		config.validate();
		final String id = files.id();
		final Geometry geometry = NiftiReader.readHeader(files.image()).geometry();
		final Reorientation reorientation = Reorientation.to(geometry, config.orientation());
		final byte[] labels = files.mask() == null ? null : reorientation.apply(MaskReader.voxels(id, mask(files,
			geometry)));
		final float[] voxels = reorientation.apply(imageVoxels(files.image().toString(), NiftiReader.read(files
			.image())));
		return process(id, reorientation, voxels, labels, kind, config);
	}

	private static Volume<?> mask(final CaseFiles files, final Geometry image) {
		final Volume<?> mask = MaskReader.read(files.mask());
		checkGrid(files.id(), image, mask.geometry(), "the image " + files.image(), "the mask " + files.mask());
		return mask;
	}

	private static void checkGrid(final String id, final Geometry image, final Geometry mask, final String imageName,
		final String maskName)
	{
		if (!Arrays.equals(image.dims(), mask.dims())) {
			throw new BadInputException(id + ": " + imageName + " has " + size(image) + " voxels but " + maskName + " " +
				size(mask));
		}
	}

	/** The stages after reorientation, on canonical arrays that this method may change. */
	private static PreprocessedCase process(final String id, final Reorientation reorientation, final float[] canonical,
		final byte[] labels, final IntensityKind kind, final PreprocessConfig config)
	{
		final Geometry geometry = reorientation.target();
		window(canonical, kind, config);
		if (config.rescaleRange() == RescaleRange.WINDOW) {
			linear(canonical, config.clipLow(), config.clipHigh(), config.rescaleLow(), config.rescaleHigh());
		} else {
			minMax(canonical, config.rescaleLow(), config.rescaleHigh());
		}
		final Resampler resampler = Resampler.of(ints(geometry.dims()), geometry.spacing(), config.targetSpacing());
		final float[] voxels = resampler.image(canonical, config.imageInterpolation());
		if (config.zScore()) zScore(voxels);
		return new PreprocessedCase(id, resampler.geometry(geometry), voxels, labels == null ? null :
			resampler.labels(labels, config.labelInterpolation()));
	}

	/**
	 * Maps a 0–255 image back to the HU window (if the kind and the configuration say so) and
	 * clips to the window, in place.
	 */
	static void window(final float[] voxels, final IntensityKind kind, final PreprocessConfig config) {
		final double low = config.clipLow(), high = config.clipHigh();
		final boolean mapBack = kind == IntensityKind.RESCALED_0_255 && config.mapBack0255();
		final double scale = (high - low) / 255;
		for (int i = 0; i < voxels.length; i++) {
			final double v = mapBack ? low + voxels[i] * scale : voxels[i];
			voxels[i] = (float) Math.max(low, Math.min(high, v));
		}
	}

	/** Maps the volume's range linearly onto [low, high] in place; a constant volume becomes low. */
	static void minMax(final float[] voxels, final double low, final double high) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : voxels) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		linear(voxels, min, max, low, high);
	}

	/** Maps [from, to] linearly onto [low, high] in place; if from = to, every voxel becomes low. */
	static void linear(final float[] voxels, final double from, final double to, final double low, final double high) {
		final double scale = to > from ? (high - low) / (to - from) : 0;
		for (int i = 0; i < voxels.length; i++) {
			voxels[i] = (float) (low + (voxels[i] - from) * scale);
		}
	}

	/** Subtracts the mean and divides by the standard deviation in place; a constant volume becomes 0. */
	static void zScore(final float[] voxels) {
		final MeanSd stats = MeanSd.of(voxels);
		final double mean = stats.mean();
		final double scale = stats.sd() > 0 ? 1 / stats.sd() : 1;
		for (int i = 0; i < voxels.length; i++) {
			voxels[i] = (float) ((voxels[i] - mean) * scale);
		}
	}

	private static float[] imageVoxels(final String id, final Volume<?> image) {
		final float[] voxels = new float[checkedCount(id, image.geometry())];
		copy(image, voxels);
		int nan = 0, infinite = 0;
		for (final float v : voxels) {
			if (Float.isNaN(v)) nan++;
			else if (Float.isInfinite(v)) infinite++;
		}
		if (nan + infinite > 0) {
			throw new BadInputException(id + ": " + VoxelStatistics.nonFinite(nan, infinite) + " in the image");
		}
		return voxels;
	}

	private static <T extends RealType<T>> void copy(final Volume<T> image, final float[] voxels) {
		final Cursor<T> cursor = Views.flatIterable(image.image()).cursor();
		for (int i = 0; i < voxels.length; i++) {
			voxels[i] = cursor.next().getRealFloat();
		}
	}

	private static int checkedCount(final String id, final Geometry geometry) {
		if (geometry.voxelCount() > Integer.MAX_VALUE - 8) {
			throw new BadInputException(id + ": " + size(geometry) + " voxels are more than one volume may hold (2^31)");
		}
		return (int) geometry.voxelCount();
	}

	private static int[] ints(final long[] dims) {
		return new int[] { (int) dims[0], (int) dims[1], (int) dims[2] };
	}

	private static String size(final Geometry geometry) {
		final long[] d = geometry.dims();
		return d[0] + "x" + d[1] + "x" + d[2];
	}
}
