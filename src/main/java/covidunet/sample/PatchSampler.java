package covidunet.sample;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import covidunet.BadInputException;
import covidunet.preprocess.PreprocessedCase;

/**
 * Chooses where a patch is cut from a case.
 * <p>
 * Convention (shared with {@link Crop}): a patch of size {@code s} with centre {@code c} along an
 * axis covers the voxels {@code start … start + s − 1} with {@code start = Crop.start(c, s)}, that
 * is {@code c − (s − 1)/2} rounded half up; patch voxel {@code i} sits at the case's voxel
 * coordinate {@code c − (s − 1)/2 + i}, so {@code c} is the patch's geometric centre
 * (batchgenerators' convention, shared with the augmenter's coordinate map). The centres this
 * class returns make {@code c − (s − 1)/2} an integer, so an augmentation that applies no spatial
 * transform samples exactly at voxel centres.
 * <p>
 * Per axis, where the case is at least as long as the patch, the patch lies inside it:
 * {@code start} in {@code [0, dim − s]}, i.e. the centre in {@code [(s − 1)/2, dim − 1 − (s − 1)/2]}
 * as the reference's random crop. Where the case is shorter, the patch is centred on the case, whatever
 * the draw, and padded: {@code (s − dim) / 2} voxels before it (rounded down) and the rest after.
 * <p>
 * Placement: with probability {@link SamplingConfig#foregroundFraction()} the patch is centred on
 * a foreground voxel drawn uniformly among the case's foreground voxels (it becomes the patch's
 * voxel {@code s/2}, rounded down), shifted along any axis where that would leave the case so that
 * the patch stays inside as above (the voxel stays in the patch); otherwise, or when the case has
 * no foreground, {@code start} is uniform over its range. Random numbers are drawn in a fixed
 * order: one {@code nextDouble} for the choice, then either one {@code nextInt} for the foreground
 * voxel or one {@code nextInt} per axis that fits, x, y, z.
 * <p>
 * Thread-safe. The foreground voxels of a case are indexed on its first foreground draw, once
 * (one int per x row; cases are told apart by identity).
 */
public final class PatchSampler {

	private final SamplingConfig config;
	private final int[] size;
	private final Map<PreprocessedCase, ForegroundIndex> indices = new ConcurrentHashMap<>();

	/**
	 * @param config the foreground oversampling
	 * @param patchSize the patch size along x, y, z (the network's), each ≥ 1
	 * @throws BadInputException naming the patch size if it is not 3 positive sizes or holds 2^31
	 *           voxels or more
	 */
	public PatchSampler(final SamplingConfig config, final int... patchSize) {
		if (patchSize.length != 3) throw new BadInputException("patch size: needs 3 sizes (x, y, z), got " +
			patchSize.length);
		long voxels = 1;
		for (final int s : patchSize) {
			if (s < 1) throw new BadInputException("patch size: each size must be at least 1, got " + Arrays.toString(
				patchSize));
			voxels *= s;
		}
		if (voxels > Integer.MAX_VALUE) throw new BadInputException("patch size: " + Arrays.toString(patchSize) +
			" has more than 2^31 voxels");
		this.config = config;
		this.size = patchSize.clone();
	}

	/** The configuration. */
	public SamplingConfig config() {
		return config;
	}

	/** The patch size along x, y, z (a copy). */
	public int[] patchSize() {
		return size.clone();
	}

	/** The number of voxels in a patch. */
	public int patchVoxels() {
		return size[0] * size[1] * size[2];
	}

	/**
	 * Draws the centre of a patch of {@link #patchSize()}.
	 *
	 * @param source the case (its labels decide foreground; a case without labels has none)
	 * @param random the randomness of this draw
	 * @return the centre x, y, z, for {@link PatchMaker#make}
	 */
	public double[] centre(final PreprocessedCase source, final SplittableRandom random) {
		final int[] dims = source.size();
		final int[] start = new int[3];
		final boolean onForeground = random.nextDouble() < config.foregroundFraction();
		final ForegroundIndex index = onForeground ? foreground(source) : null;
		if (index != null && index.count() > 0) {
			final int[] voxel = index.voxel(random.nextInt(index.count()));
			for (int d = 0; d < 3; d++) {
				start[d] = dims[d] >= size[d] ? Math.max(0, Math.min(dims[d] - size[d], voxel[d] - size[d] / 2)) :
					paddedStart(dims[d], size[d]);
			}
		}
		else {
			for (int d = 0; d < 3; d++) {
				start[d] = dims[d] >= size[d] ? random.nextInt(dims[d] - size[d] + 1) : paddedStart(dims[d], size[d]);
			}
		}
		return centreOf(start, size);
	}

	/**
	 * The centre that {@link Crop} turns into this start.
	 *
	 * @param start the first voxel of the patch along x, y, z (negative where padded)
	 * @param size the patch size along x, y, z
	 */
	public static double[] centreOf(final int[] start, final int[] size) {
		final double[] centre = new double[3];
		for (int d = 0; d < 3; d++) centre[d] = start[d] + (size[d] - 1) / 2.0;
		return centre;
	}

	/** The number of foreground voxels of a case (indexing it if need be). */
	public int foregroundVoxels(final PreprocessedCase source) {
		return foreground(source).count();
	}

	private ForegroundIndex foreground(final PreprocessedCase source) {
		return indices.computeIfAbsent(source, c -> new ForegroundIndex(c.labelArray(), c.size(), config.foreground()));
	}

	private static int paddedStart(final int dim, final int size) {
		return -((size - dim) / 2);
	}
}
