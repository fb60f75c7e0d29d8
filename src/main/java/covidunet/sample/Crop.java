package covidunet.sample;

import java.util.Arrays;
import java.util.SplittableRandom;

import covidunet.preprocess.PreprocessedCase;

/**
 * The plain crop: the patch is the case's voxels {@code start … start + size − 1} along each axis,
 * with {@code start = }{@link #start}{@code (centre, size)} (the convention of
 * {@link PatchSampler}); voxels outside the case hold the case's minimum in the image (air, as
 * in the augmented patches and in {@code segment}'s padding) and 0 in the labels (also
 * everywhere when the case has no labels). Uses no randomness. Stateless and thread-safe.
 */
public final class Crop implements PatchMaker {

	@Override
	public Patch make(final PreprocessedCase source, final int[] size, final double[] centre,
		final SplittableRandom random)
	{
		final int[] dims = source.size();
		final int sx = size[0], sy = size[1], sz = size[2];
		final float[] image = new float[sx * sy * sz];
		final byte[] labels = new byte[image.length];
		final int x0 = start(centre[0], sx), y0 = start(centre[1], sy), z0 = start(centre[2], sz);
		if (x0 < 0 || y0 < 0 || z0 < 0 || x0 + sx > dims[0] || y0 + sy > dims[1] || z0 + sz > dims[2]) {
			Arrays.fill(image, source.imageMinimum());
		}
		final int xFrom = Math.max(0, -x0), xTo = Math.min(sx, dims[0] - x0);
		final int yFrom = Math.max(0, -y0), yTo = Math.min(sy, dims[1] - y0);
		final int zFrom = Math.max(0, -z0), zTo = Math.min(sz, dims[2] - z0);
		final int length = xTo - xFrom;
		if (length > 0) {
			final float[] srcImage = source.imageArray();
			final byte[] srcLabels = source.labelArray();
			for (int z = zFrom; z < zTo; z++) {
				for (int y = yFrom; y < yTo; y++) {
					final int from = ((z + z0) * dims[1] + y + y0) * dims[0] + xFrom + x0;
					final int to = (z * sy + y) * sx + xFrom;
					System.arraycopy(srcImage, from, image, to, length);
					if (srcLabels != null) System.arraycopy(srcLabels, from, labels, to, length);
				}
			}
		}
		return new Patch(source.id(), size.clone(), image, labels);
	}

	/**
	 * The first case voxel of a patch along one axis: {@code centre − (size − 1)/2} rounded half
	 * up. Patch voxel {@code i} lies at {@code centre − (size − 1)/2 + i}, so the centre is the
	 * patch's geometric centre (batchgenerators' convention, which the augmenter's coordinate map
	 * shares).
	 *
	 * @param centre the patch centre along the axis, in voxel coordinates
	 * @param size the patch size along the axis
	 */
	public static int start(final double centre, final int size) {
		return (int) Math.floor(centre - (size - 1) / 2.0 + 0.5);
	}
}
