package covidunet.preprocess;

import java.util.Arrays;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * One case after preprocessing, as the sampler and the network see it: the z-scored image and
 * its labels (0–3; absent for a scan to segment) on the target grid, in the canonical
 * orientation. Both are flat arrays, x fastest, so that hot loops (augmentation, tensors) can
 * read them directly; {@link #image()} and {@link #labels()} show them as volumes.
 */
public final class PreprocessedCase {

	private final String id;
	private final Geometry geometry;
	private final float[] image;
	private final byte[] labels;
	private float minimum = Float.NaN;

	/**
	 * @param id the case id
	 * @param geometry the target grid in the canonical orientation
	 * @param image z-scored voxels, x fastest, {@code geometry.voxelCount()} of them
	 * @param labels labels 0–3 on the same grid, or {@code null} when the case has none
	 * @throws IllegalArgumentException if an array's length differs from the grid's
	 */
	public PreprocessedCase(final String id, final Geometry geometry, final float[] image, final byte[] labels) {
		final long voxels = geometry.voxelCount();
		if (image.length != voxels || labels != null && labels.length != voxels) {
			throw new IllegalArgumentException(id + ": arrays of " + image.length + (labels == null ? "" : "/" +
				labels.length) + " voxels for a grid of " + Arrays.toString(geometry.dims()));
		}
		this.id = id;
		this.geometry = geometry;
		this.image = image;
		this.labels = labels;
	}

	/** The case id. */
	public String id() {
		return id;
	}

	/** The target grid in the canonical orientation. */
	public Geometry geometry() {
		return geometry;
	}

	/** The grid size along x, y, z as ints (preprocessed volumes are far below 2³¹ voxels). */
	public int[] size() {
		final long[] d = geometry.dims();
		return new int[] { (int) d[0], (int) d[1], (int) d[2] };
	}

	/** The z-scored image voxels, x fastest (shared, not copied). */
	public float[] imageArray() {
		return image;
	}

	/**
	 * The image's smallest voxel value (air, in a CT): what training patches hold beyond the
	 * volume's ends. Computed once, on first use.
	 */
	public float imageMinimum() {
		if (Float.isNaN(minimum)) {
			float min = Float.POSITIVE_INFINITY;
			for (final float v : image) min = Math.min(min, v);
			minimum = min;
		}
		return minimum;
	}

	/** The labels, x fastest (shared, not copied), or {@code null}. */
	public byte[] labelArray() {
		return labels;
	}

	/** Whether the case has labels. */
	public boolean hasLabels() {
		return labels != null;
	}

	/** The image as a volume over the same array. */
	public Volume<FloatType> image() {
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(image, geometry.dims());
		return new Volume<>(img, geometry);
	}

	/** The labels as a volume over the same array. */
	public Volume<UnsignedByteType> labels() {
		if (labels == null) throw new IllegalStateException(id + " has no labels");
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(labels, geometry.dims());
		return new Volume<>(img, geometry);
	}
}
