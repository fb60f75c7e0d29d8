package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * How one case departs from the plain chest CT, where real scans vary and a model must not learn
 * one look (domain randomisation): the field of view, the patient's arms, the table, contrast
 * medium, the outside air and the padding outside the reconstruction circle, the reconstruction
 * kernel and dose, bowel gas, and normal findings that are not infection. Drawn from its own
 * seed, so the anatomy and lesions of a case do not depend on it.
 *
 * @param seed the seed of the shapes this variation adds (arms, kidneys, bowel, emphysema)
 * @param below how far (mm) the scan reaches below the lungs beyond the usual margin: 0, or an
 *          abdominal slab of 40–260 mm (in 55 % of the cases)
 * @param baseSlab how far (mm) the scan reaches above the higher of the two lungs' lowest points,
 *          where it holds only the lung bases and the abdomen; 0 for a scan of the whole chest (in
 *          85 % of the cases)
 * @param armsDown whether the arms lie beside the trunk rather than above the head
 * @param enhancement HU that intravenous contrast adds to blood (0 for a plain scan); the organs
 *          take a share of it
 * @param outsideAir the HU of the air around the patient
 * @param tableShell the HU of the table's shell
 * @param tableCore the HU of the table's core
 * @param cushion the thickness (mm) of a foam cushion between back and table, 0 if none
 * @param padding the value outside the reconstruction circle
 * @param noiseGrain the standard deviation (voxels) of the in-plane blur that a smooth kernel gives
 *          the noise; 0 for a sharp kernel's white noise
 * @param sharpness the factor on the image's blur: below 1 for sharp kernels, above for smooth
 * @param dose the factor on the noise's standard deviation: above 1 for low-dose scans
 * @param bowelGas how much of the bowel holds gas, 0–1
 * @param dependent HU added to the dependent lung at the bases (normal hypoventilation), 0 if none
 * @param effusion the thickness (mm) of a small pleural effusion at the bases, 0 if none
 * @param emphysema how much of the lung is emphysematous, 0–0.3
 */
record Variation(long seed, double below, double baseSlab, boolean armsDown, double enhancement,
	double outsideAir, double tableShell, double tableCore, double cushion, short padding, double noiseGrain,
	double sharpness, double dose, double bowelGas, double dependent, double effusion, double emphysema)
{

	private static final short[] PADDINGS = { -3024, -2048, -2000, -1024 };

	/** Draws a case's variation from its own generator. */
	static Variation draw(final long seed, final SplittableRandom random) {
		final double field = random.nextDouble();
		final double below = field < 0.55 ? random.nextDouble(40, 260) : 0;
		final double baseSlab = field >= 0.4 && field < 0.55 ? random.nextDouble(15, 70) : 0;
		final boolean armsDown = random.nextDouble() < 0.3;
		final double enhancement = random.nextDouble() < 0.4 ? random.nextDouble(80, 300) : 0;
		final double outsideAir = random.nextDouble(-1024, -985);
		final double tableShell = random.nextDouble(60, 400), tableCore = random.nextDouble(-990, -800);
		final double cushion = random.nextDouble() < 0.4 ? random.nextDouble(8, 40) : 0;
		final short padding = PADDINGS[random.nextInt(PADDINGS.length)];
		final boolean smooth = random.nextDouble() < 0.5;
		final double noiseGrain = smooth ? random.nextDouble(0.6, 1.4) : 0;
		final double sharpness = smooth ? random.nextDouble(1.1, 1.6) : random.nextDouble(0.5, 0.9);
		final double dose = random.nextDouble(0.6, 2.5);
		final double bowelGas = random.nextDouble(0.1, 1);
		final double dependent = random.nextDouble() < 0.5 ? random.nextDouble(60, 350) : 0;
		final double effusion = random.nextDouble() < 0.15 ? random.nextDouble(5, 20) : 0;
		final double emphysema = random.nextDouble() < 0.2 ? random.nextDouble(0.05, 0.3) : 0;
		return new Variation(seed, below, baseSlab, armsDown, enhancement, outsideAir, tableShell, tableCore, cushion,
			padding, noiseGrain, sharpness, dose, bowelGas, dependent, effusion, emphysema);
	}
}
