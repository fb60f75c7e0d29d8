package covidunet.io;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The one image representation of the core: an ImgLib2 image indexed (x, y, z) plus its
 * {@link Geometry}. Reading, preprocessing, segmentation and writing take and return volumes,
 * so the geometry travels with the voxels from the file read to the file written. Preprocessed
 * training cases keep flat arrays for the patch sampler's hot loops and give their image and
 * labels as volumes on request; the network itself sees tensors.
 *
 * @param <T> the voxel type
 */
public final class Volume<T extends RealType<T>> {

	private final RandomAccessibleInterval<T> image;
	private final Geometry geometry;

	/**
	 * @throws IllegalArgumentException if the image is not 3-D or its size differs from the
	 *           geometry's
	 */
	public Volume(final RandomAccessibleInterval<T> image, final Geometry geometry) {
		final long[] size = image.dimensionsAsLongArray();
		if (size.length != 3 || !Arrays.equals(size, geometry.dims())) {
			throw new IllegalArgumentException("image size " + Arrays.toString(size) +
				" does not match its geometry " + Arrays.toString(geometry.dims()));
		}
		this.image = image;
		this.geometry = geometry;
	}

	/** The voxels, indexed (x, y, z) from zero. */
	public RandomAccessibleInterval<T> image() {
		return image;
	}

	/** Where the voxels lie in the patient. */
	public Geometry geometry() {
		return geometry;
	}

	/** The voxel type, e.g. for choosing an output datatype. */
	public T type() {
		return image.getType();
	}
}
