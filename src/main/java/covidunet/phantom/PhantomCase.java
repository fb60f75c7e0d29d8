package covidunet.phantom;

import java.util.List;

import covidunet.dataset.CaseNames;
import covidunet.io.Geometry;

/**
 * The plan of one synthetic case: who the patient is (anatomy and lesions, in world
 * coordinates), how it was scanned (grid, orientation, noise, blur) and how it is stored (HU or
 * 0–255, case id). Planning is cheap (no voxels); {@link CaseSynthesizer} makes the voxels.
 * <p>
 * Every choice derives from the cohort seed and the case's index only, so case k is the same in
 * a cohort of any size. Instances are immutable.
 */
public final class PhantomCase {

	/** Anatomies whose left lung is not clearly the smaller, or whose lungs are implausible, are drawn again. */
	private static final int ATTEMPTS = 20;

	private final int index;
	private final String id;
	private final boolean radiopaedia;
	private final Severity severity;
	private final long seed;
	final Anatomy anatomy;
	final List<Lesion> lesions;
	final Acquisition acquisition;
	final Variation variation;

	private PhantomCase(final long cohortSeed, final int index, final PhantomSize size) {
		this.index = index;
		id = CohortDesign.caseId(cohortSeed, index);
		radiopaedia = CohortDesign.radiopaedia(cohortSeed, index);
		severity = CohortDesign.severity(cohortSeed, index);
		seed = Seeds.mix(cohortSeed, Seeds.CASE, index);
		variation = Variation.draw(Seeds.mix(seed, Seeds.VARIATION, 1), Seeds.random(seed, Seeds.VARIATION));
		Anatomy candidate = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			candidate = new Anatomy(Seeds.mix(seed, attempt), variation);
			final double left = candidate.lungVolume(Lungs.LEFT), right = candidate.lungVolume(Lungs.RIGHT);
			if (left < 0.9 * right && left + right > 2500 && left + right < 8000) break;
		}
		anatomy = candidate;
		lesions = List.copyOf(LesionPlanner.plan(Seeds.random(seed, Seeds.LESIONS), anatomy, severity));
		acquisition = Acquisition.plan(Seeds.random(seed, Seeds.SCANNER), size, radiopaedia,
			CohortDesign.lps(cohortSeed, index), anatomy, variation);
	}

	/**
	 * Plans case {@code index} (from 0) of the cohort of a seed.
	 *
	 * @throws IllegalArgumentException if the index is negative
	 */
	public static PhantomCase plan(final long cohortSeed, final int index, final PhantomSize size) {
		if (index < 0) throw new IllegalArgumentException("case index " + index + " is negative");
		return new PhantomCase(cohortSeed, index, size);
	}

	/** The case's position in the cohort, from 0. */
	public int index() {
		return index;
	}

	/** The case id, e.g. {@code coronacases_003} or {@code radiopaedia_14_85714_0}. */
	public String id() {
		return id;
	}

	/** The image's file name in the Zenodo layout. */
	public String imageFileName() {
		return CaseNames.imageFileName(id);
	}

	/** The mask's file name in the Zenodo layout. */
	public String maskFileName() {
		return CaseNames.maskFileName(id);
	}

	/** Whether the image is windowed to [−1250, 250] and rescaled to 0–255 (uint8), not HU (int16). */
	public boolean isRadiopaedia() {
		return radiopaedia;
	}

	/** How much infection the case has. */
	public Severity severity() {
		return severity;
	}

	/** The number of lesions; 0 for {@link Severity#NONE}. */
	public int lesionCount() {
		return lesions.size();
	}

	/** The voxel grid and its world transform (qform and sform, code 1). */
	public Geometry geometry() {
		return acquisition.geometry;
	}

	/** The orientation code of the stored voxel axes: {@code RAS} or {@code LPS}. */
	public String orientation() {
		return acquisition.geometry.orientation();
	}

	/** The standard deviation of the scanner noise in HU. */
	public double noise() {
		return acquisition.noise;
	}

	/** The standard deviation of the scanner blur in voxels (along each axis). */
	public double blur() {
		return acquisition.blur;
	}

	/** Whether pixels outside the reconstruction circle hold the {@link #padding()} value. */
	public boolean hasReconstructionCircle() {
		return acquisition.circle;
	}

	/** The value of pixels outside the reconstruction circle, in HU. */
	public short padding() {
		return variation.padding();
	}

	/** The standard deviation (voxels) of the in-plane correlation of the noise; 0 for white noise. */
	public double noiseGrain() {
		return variation.noiseGrain();
	}

	/** The volume (mL) of the patient's left (side 0) or right (side 1) lung, estimated from the anatomy. */
	public double lungVolumeMl(final int side) {
		return anatomy.lungVolume(side);
	}

	/** The seed of everything random in this case. */
	long seed() {
		return seed;
	}
}
