package covidunet.sample;

/**
 * One training sample: an image patch and its labels, x fastest (the memory order of an NDHWC
 * tensor with one channel).
 *
 * @param caseId the case it was cut from
 * @param size the patch size along x, y, z
 * @param image the image values, {@code size[0] * size[1] * size[2]} of them
 * @param labels the labels 0–3, as many
 */
public record Patch(String caseId, int[] size, float[] image, byte[] labels) {

	/** The number of voxels. */
	public int voxels() {
		return size[0] * size[1] * size[2];
	}
}
