package covidunet.sample;

import java.util.SplittableRandom;

import covidunet.sample.AugmentationConfig.Operation;
import covidunet.sample.AugmentationConfig.Range;

/**
 * The random choices of one augmented patch: which operations happen and with which parameters.
 * {@link #draw} makes every choice before anything is computed, always in the same order, so the
 * same random state gives the same patch on any thread. An operation that does not happen has
 * its neutral parameters (factors 1, angles 0, σ 0).
 *
 * @param mirrorX whether the patch is mirrored along x
 * @param mirrorY whether the patch is mirrored along y
 * @param mirrorZ whether the patch is mirrored along z
 * @param contrast whether the contrast changes
 * @param contrastFactor the contrast factor
 * @param brightness whether the brightness changes
 * @param brightnessFactor the brightness multiplier
 * @param gamma whether the gamma changes
 * @param gammaExponent the gamma exponent
 * @param noise whether noise is added
 * @param noiseSigma the noise's standard deviation
 * @param noiseSeed the seed of the noise voxels
 * @param elastic whether the elastic deformation happens
 * @param elasticAlpha the elastic field's magnitude
 * @param elasticSigma the elastic field's smoothing in voxels
 * @param elasticSeed the seed of the elastic field
 * @param rotation whether the rotation happens
 * @param angleX the angle about x in radians
 * @param angleY the angle about y in radians
 * @param angleZ the angle about z in radians
 * @param scaling whether the scaling happens
 * @param scale the factor of the sampling grid
 * @param scanEnd whether the patch shows a scan's end
 * @param scanEndAbove whether the scan ends above the plane (the slices beyond it are the higher
 *        ones) rather than below it
 * @param scanEndAt the plane's place along the patch's z, as a fraction of its depth in [0, 1)
 */
public record AugmentationDraw(boolean mirrorX, boolean mirrorY, boolean mirrorZ,
	boolean contrast, double contrastFactor,
	boolean brightness, double brightnessFactor,
	boolean gamma, double gammaExponent,
	boolean noise, double noiseSigma, long noiseSeed,
	boolean elastic, double elasticAlpha, double elasticSigma, long elasticSeed,
	boolean rotation, double angleX, double angleY, double angleZ,
	boolean scaling, double scale,
	boolean scanEnd, boolean scanEndAbove, double scanEndAt)
{

	/** No operation: a plain crop. */
	public static final AugmentationDraw NONE = new AugmentationDraw(false, false, false, false, 1, false, 1, false, 1,
		false, 0, 0, false, 0, 1, 0, false, 0, 0, 0, false, 1, false, false, 0);

	/**
	 * Draws the choices of one patch. Order: mirror x, y, z; contrast; brightness; gamma; noise;
	 * elastic; rotation; scaling. Each operation draws its "happens" number (happens if below its
	 * probability), then, only if it happens, its parameters: a 50/50 number and the value for the
	 * ranges split at 1, the value for the others, then a seed for noise and the elastic field
	 * (alpha, sigma, seed), three angles for the rotation (x, y, z). Last, only if its probability
	 * is above 0 (so configurations without it draw exactly as before it existed), the scan's end:
	 * its "happens" number, then its side and its plane.
	 */
	public static AugmentationDraw draw(final AugmentationConfig config, final SplittableRandom random) {
		final boolean mx = happens(random, config.mirrorProbability());
		final boolean my = happens(random, config.mirrorProbability());
		final boolean mz = happens(random, config.mirrorProbability());
		final boolean c = happens(random, config.contrastProbability());
		final double cf = c ? splitAtOne(random, config.contrastFactor()) : 1;
		final boolean b = happens(random, config.brightnessProbability());
		final double bf = b ? uniform(random, config.brightnessFactor()) : 1;
		final boolean g = happens(random, config.gammaProbability());
		final double ge = g ? splitAtOne(random, config.gamma()) : 1;
		final boolean n = happens(random, config.noiseProbability());
		final double ns = n ? uniform(random, config.noiseSigma()) : 0;
		final long nSeed = n ? random.nextLong() : 0;
		final boolean e = happens(random, config.elasticProbability());
		final double ea = e ? uniform(random, config.elasticAlpha()) : 0;
		final double es = e ? uniform(random, config.elasticSigma()) : 1;
		final long eSeed = e ? random.nextLong() : 0;
		final boolean r = happens(random, config.rotationProbability());
		final double maxAngle = Math.toRadians(config.rotationDegrees());
		final double ax = r ? uniform(random, -maxAngle, maxAngle) : 0;
		final double ay = r ? uniform(random, -maxAngle, maxAngle) : 0;
		final double az = r ? uniform(random, -maxAngle, maxAngle) : 0;
		final boolean s = happens(random, config.scalingProbability());
		final double sf = s ? splitAtOne(random, config.scale()) : 1;
		final boolean end = config.scanEndProbability() > 0 && happens(random, config.scanEndProbability());
		final boolean above = end && random.nextBoolean();
		final double at = end ? random.nextDouble() : 0;
		return new AugmentationDraw(mx, my, mz, c, cf, b, bf, g, ge, n, ns, nSeed, e, ea, es, eSeed, r, ax, ay, az, s, sf,
			end, above, at);
	}

	/** Whether {@code operation} happens (for {@link Operation#MIRROR}: along any axis). */
	public boolean happens(final Operation operation) {
		return switch (operation) {
			case MIRROR -> mirrorX || mirrorY || mirrorZ;
			case CONTRAST -> contrast;
			case BRIGHTNESS -> brightness;
			case GAMMA -> gamma;
			case NOISE -> noise;
			case ELASTIC -> elastic;
			case ROTATION -> rotation;
			case SCALING -> scaling;
			case SCAN_END -> scanEnd;
		};
	}

	/** Whether a spatial operation (elastic, rotation, scaling) happens, i.e. the patch is resampled. */
	public boolean spatial() {
		return elastic || rotation || scaling;
	}

	/** Whether an intensity operation (contrast, brightness, gamma, noise) happens. */
	public boolean intensity() {
		return contrast || brightness || gamma || noise;
	}

	private static boolean happens(final SplittableRandom random, final double probability) {
		return random.nextDouble() < probability;
	}

	private static double uniform(final SplittableRandom random, final Range range) {
		return uniform(random, range.low(), range.high());
	}

	private static double uniform(final SplittableRandom random, final double low, final double high) {
		return low + (high - low) * random.nextDouble();
	}

	/** batchgenerators' draw: U(low, 1) or U(1, high), 50/50. */
	private static double splitAtOne(final SplittableRandom random, final Range range) {
		return random.nextDouble() < 0.5 && range.low() < 1 ? uniform(random, range.low(), 1) :
			uniform(random, Math.max(range.low(), 1), range.high());
	}
}
