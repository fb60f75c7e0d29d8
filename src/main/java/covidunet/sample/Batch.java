package covidunet.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One batch of patches, laid out as a trainer's tensors want it: the images as one contiguous
 * {@code float} array and the labels as one {@code byte} array, each of shape {@link #shape()}
 * (N, D, H, W, C) = (patches, z, y, x, 1), x fastest; patch {@code j} starts at
 * {@code j · patchVoxels()}.
 *
 * @param epoch the epoch, from 0
 * @param iteration the batch's index within its epoch (or within a validation pass)
 * @param patchSize the patch size along x, y, z
 * @param caseIds the case of each patch, in order
 * @param images the image values of all patches
 * @param labels the labels 0–3 of all patches
 */
public record Batch(int epoch, int iteration, int[] patchSize, List<String> caseIds, float[] images, byte[] labels) {

	/** The number of patches. */
	public int size() {
		return caseIds.size();
	}

	/** The number of voxels of one patch. */
	public int patchVoxels() {
		return patchSize[0] * patchSize[1] * patchSize[2];
	}

	/** The tensor shape: patches, z, y, x, 1 channel. */
	public long[] shape() {
		return new long[] { size(), patchSize[2], patchSize[1], patchSize[0], 1 };
	}

	/** Patch {@code j} as a copy. */
	public Patch patch(final int j) {
		final int voxels = patchVoxels();
		final int from = j * voxels;
		return new Patch(caseIds.get(j), patchSize.clone(), Arrays.copyOfRange(images, from, from + voxels),
			Arrays.copyOfRange(labels, from, from + voxels));
	}

	/**
	 * Packs patches into a batch.
	 *
	 * @throws IllegalStateException if a patch is not of this size (a faulty {@link PatchMaker})
	 */
	static Batch of(final int epoch, final int iteration, final int[] size, final List<Patch> patches) {
		final int voxels = size[0] * size[1] * size[2];
		final float[] images = new float[patches.size() * voxels];
		final byte[] labels = new byte[images.length];
		final List<String> ids = new ArrayList<>(patches.size());
		for (int j = 0; j < patches.size(); j++) {
			final Patch p = patches.get(j);
			if (!Arrays.equals(p.size(), size) || p.image().length != voxels || p.labels().length != voxels) {
				throw new IllegalStateException("a patch of " + p.caseId() + " has size " + Arrays.toString(p.size()) +
					" and " + p.image().length + "/" + p.labels().length + " voxels; expected " + Arrays.toString(size));
			}
			System.arraycopy(p.image(), 0, images, j * voxels, voxels);
			System.arraycopy(p.labels(), 0, labels, j * voxels, voxels);
			ids.add(p.caseId());
		}
		return new Batch(epoch, iteration, size.clone(), List.copyOf(ids), images, labels);
	}
}
