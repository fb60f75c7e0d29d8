package covidunet.sample;

import java.util.SplittableRandom;

import covidunet.preprocess.PreprocessedCase;

/**
 * Cuts one patch of a case around a centre: a plain crop, or a crop fused with the spatial and
 * intensity augmentations. Implementations are stateless and thread-safe; all their randomness
 * comes from {@code random}.
 */
@FunctionalInterface
public interface PatchMaker {

	/**
	 * @param source the preprocessed case (with labels)
	 * @param size the patch size along x, y, z
	 * @param centre the patch centre in the case's voxel coordinates (x, y, z): without a spatial
	 *          transform, patch voxel {@code i} lies at {@code centre − (size − 1)/2 + i} (see
	 *          {@link Crop#start})
	 * @param random the randomness of this patch alone
	 * @return the patch; voxels outside the case are 0 in the image and 0 (background) in the labels
	 */
	Patch make(PreprocessedCase source, int[] size, double[] centre, SplittableRandom random);
}
