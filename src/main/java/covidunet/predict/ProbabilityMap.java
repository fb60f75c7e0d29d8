package covidunet.predict;

import java.util.Arrays;
import java.util.Objects;

import covidunet.BadInputException;

/**
 * Class probabilities over a volume of size (nx, ny, nz), stored class by class: the value of
 * class {@code c} at voxel {@code v = (z·ny + y)·nx + x} is {@code values()[c · voxels() + v]}.
 * Mutable ({@link #add}, {@link #scale}) so that ensembles can be summed in place; not
 * thread-safe.
 */
public final class ProbabilityMap {

	/** The most classes whose labels fit an unsigned byte. */
	public static final int MAX_CLASSES = 256;

	private final int[] size;
	private final int classes;
	private final int voxels;
	private final float[] values;

	/**
	 * A map of zeros.
	 *
	 * @param size the volume's sides (x, y, z), each at least 1
	 * @param classes the number of classes, from 1 to {@value #MAX_CLASSES}
	 * @throws BadInputException naming {@code size} or {@code classes} if they are unusable or the
	 *           values would not fit one array
	 */
	public ProbabilityMap(final int[] size, final int classes) {
		WindowGrid.checkSides(size, "size");
		if (classes < 1 || classes > MAX_CLASSES) {
			throw new BadInputException("classes: must be from 1 to " + MAX_CLASSES + ", got " + classes);
		}
		final long voxelCount = (long) size[0] * size[1] * size[2];
		if (voxelCount * classes > Integer.MAX_VALUE - 8) {
			throw new BadInputException("size: " + Arrays.toString(size) + " voxels × " + classes +
				" classes do not fit one array");
		}
		this.size = size.clone();
		this.classes = classes;
		this.voxels = (int) voxelCount;
		this.values = new float[voxels * classes];
	}

	/** The volume's sides (x, y, z), a copy. */
	public int[] size() {
		return size.clone();
	}

	/** The number of classes. */
	public int classes() {
		return classes;
	}

	/** The number of voxels, nx·ny·nz. */
	public int voxels() {
		return voxels;
	}

	/**
	 * The probability of class {@code c} at voxel {@code v}.
	 *
	 * @throws IndexOutOfBoundsException if {@code c} or {@code v} is out of range
	 */
	public float probability(final int c, final int v) {
		return values[Objects.checkIndex(c, classes) * voxels + Objects.checkIndex(v, voxels)];
	}

	/**
	 * The probabilities of class {@code c}, x fastest, as a new array.
	 *
	 * @throws IndexOutOfBoundsException if {@code c} is out of range
	 */
	public float[] channel(final int c) {
		final int from = Objects.checkIndex(c, classes) * voxels;
		return Arrays.copyOfRange(values, from, from + voxels);
	}

	/** All values, class by class: the map's own array, not a copy; writes change the map. */
	public float[] values() {
		return values;
	}

	/**
	 * The most probable class of each voxel, x fastest, as unsigned bytes; where classes tie, the
	 * lowest of them.
	 */
	public byte[] labels() {
		final byte[] labels = new byte[voxels];
		final float[] best = channel(0);
		for (int c = 1; c < classes; c++) {
			final int offset = c * voxels;
			for (int v = 0; v < voxels; v++) {
				if (values[offset + v] > best[v]) {
					best[v] = values[offset + v];
					labels[v] = (byte) c;
				}
			}
		}
		return labels;
	}

	/**
	 * Adds another map's values to this one's, e.g. to sum an ensemble's predictions.
	 *
	 * @throws BadInputException naming {@code other} if its size or classes differ
	 */
	public void add(final ProbabilityMap other) {
		if (!Arrays.equals(size, other.size) || classes != other.classes) {
			throw new BadInputException("other: a map of size " + Arrays.toString(other.size) + " with " + other.classes +
				" classes cannot be added to one of size " + Arrays.toString(size) + " with " + classes);
		}
		for (int i = 0; i < values.length; i++) values[i] += other.values[i];
	}

	/**
	 * Multiplies every value by {@code factor}, e.g. by 1/members after {@link #add}.
	 *
	 * @throws BadInputException naming {@code factor} if it is NaN or infinite
	 */
	public void scale(final float factor) {
		if (!Float.isFinite(factor)) throw new BadInputException("factor: must be finite, got " + factor);
		for (int i = 0; i < values.length; i++) values[i] *= factor;
	}

	/**
	 * Makes every voxel where {@code region} is 0 certain background: probability 1 for class 0, 0
	 * for the others (e.g. outside the patient's body).
	 *
	 * @param region one value per voxel, x fastest
	 * @return how many voxels were not background before
	 */
	public long keepOnly(final byte[] region) {
		if (region.length != voxels()) {
			throw new BadInputException("region: " + region.length + " voxels where the map has " + voxels());
		}
		final byte[] before = labels();
		final int n = voxels();
		long cleared = 0;
		for (int v = 0; v < n; v++) {
			if (region[v] != 0) continue;
			if (before[v] != 0) cleared++;
			values[v] = 1;
			for (int c = 1; c < classes; c++) values[c * n + v] = 0;
		}
		return cleared;
	}
}
