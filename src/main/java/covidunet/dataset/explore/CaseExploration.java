package covidunet.dataset.explore;

import covidunet.dataset.IntensityKind;

/**
 * What {@code explore} measures of one case: grid, intensities, and the volume of each class.
 *
 * @param id the case id
 * @param dims the grid size along x, y, z
 * @param spacing voxel size along x, y, z in mm
 * @param orientation the orientation code of the image's affine, e.g. {@code RAS}
 * @param min the smallest image value as stored (HU, or 0–255)
 * @param max the largest image value as stored
 * @param mean the mean image value as stored
 * @param kind whether the image is in HU or windowed and rescaled to 0–255
 * @param voxels voxels per class: background, left lung, right lung, infection
 * @param voxelMl the volume of one voxel in mL
 * @param histogram per class, counts of HU values in {@link HuHistogram}'s bins (0–255 images
 *          mapped back to HU first)
 */
public record CaseExploration(String id, long[] dims, double[] spacing, String orientation, double min,
	double max, double mean, IntensityKind kind, long[] voxels, double voxelMl, long[][] histogram)
{

	/** The volume of class {@code label} (0–3) in mL. */
	public double millilitres(final int label) {
		return voxels[label] * voxelMl;
	}

	/** The lung volume in mL: left, right and infection together (docs/formats.md, Label images and volumes). */
	public double lungMillilitres() {
		return (voxels[1] + voxels[2] + voxels[3]) * voxelMl;
	}

	/** Infection as a percentage of the lung volume; 0 when there are no lung voxels. */
	public double infectionPercent() {
		final long lungs = voxels[1] + voxels[2] + voxels[3];
		return lungs == 0 ? 0 : 100.0 * voxels[3] / lungs;
	}
}
