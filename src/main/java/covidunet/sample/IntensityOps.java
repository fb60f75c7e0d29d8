package covidunet.sample;

import java.util.SplittableRandom;

/**
 * batchgenerators' intensity augmentations, applied to a patch after the crop, in the reference
 * order: contrast, brightness, gamma, noise. They see only the voxels that come from the volume
 * ({@code outside[i] == 0}, or all when {@code outside} is {@code null}); the padding keeps its
 * value, as in the reference, which pads after them. Statistics are computed in double precision.
 */
final class IntensityOps {

	/** batchgenerators' epsilon of the gamma's range. */
	private static final double GAMMA_EPSILON = 1e-7;

	/** batchgenerators' epsilon of the standard deviation when gamma retains it. */
	private static final double STD_EPSILON = 1e-8;

	private IntensityOps() {}

	/** Applies the draw's intensity operations to {@code image} in place. */
	static void apply(final AugmentationDraw draw, final float[] image, final byte[] outside) {
		if (draw.contrast()) contrast(image, outside, draw.contrastFactor());
		if (draw.brightness()) brightness(image, outside, draw.brightnessFactor());
		if (draw.gamma()) gamma(image, outside, draw.gammaExponent());
		if (draw.noise()) noise(image, outside, draw.noiseSigma(), draw.noiseSeed());
	}

	/** {@code augment_contrast} with {@code preserve_range}: (v − mean) f + mean, clipped to [min, max]. */
	static void contrast(final float[] image, final byte[] outside, final double factor) {
		final Stats s = Stats.of(image, outside);
		if (s.count == 0) return;
		for (int i = 0; i < image.length; i++) {
			if (outside != null && outside[i] != 0) continue;
			final double v = (image[i] - s.mean) * factor + s.mean;
			image[i] = (float) Math.max(s.min, Math.min(s.max, v));
		}
	}

	/** {@code augment_brightness_multiplicative}: v × f. */
	static void brightness(final float[] image, final byte[] outside, final double factor) {
		for (int i = 0; i < image.length; i++) {
			if (outside == null || outside[i] == 0) image[i] = (float) (image[i] * factor);
		}
	}

	/**
	 * {@code augment_gamma} with {@code retain_stats}: ((v − min) / (range + ε))<sup>γ</sup> range + min,
	 * then shifted and scaled back to the former mean and standard deviation.
	 */
	static void gamma(final float[] image, final byte[] outside, final double gamma) {
		final Stats before = Stats.of(image, outside);
		if (before.count == 0) return;
		final double range = before.max - before.min;
		for (int i = 0; i < image.length; i++) {
			if (outside != null && outside[i] != 0) continue;
			image[i] = (float) (Math.pow((image[i] - before.min) / (range + GAMMA_EPSILON), gamma) * range + before.min);
		}
		final Stats after = Stats.of(image, outside);
		final double gain = before.std / (after.std + STD_EPSILON);
		for (int i = 0; i < image.length; i++) {
			if (outside != null && outside[i] != 0) continue;
			image[i] = (float) ((image[i] - after.mean) * gain + before.mean);
		}
	}

	/** {@code augment_gaussian_noise}: v + N(0, σ²), the voxels' noise from {@code seed} in x-fastest order. */
	static void noise(final float[] image, final byte[] outside, final double sigma, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < image.length; i++) {
			if (outside == null || outside[i] == 0) image[i] = (float) (image[i] + sigma * random.nextGaussian());
		}
	}

	/** Count, mean, population standard deviation, min and max of the voxels inside. */
	record Stats(long count, double mean, double std, double min, double max) {

		static Stats of(final float[] image, final byte[] outside) {
			long count = 0;
			double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < image.length; i++) {
				if (outside != null && outside[i] != 0) continue;
				final double v = image[i];
				count++;
				sum += v;
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
			if (count == 0) return new Stats(0, 0, 0, 0, 0);
			final double mean = sum / count;
			double squares = 0;
			for (int i = 0; i < image.length; i++) {
				if (outside != null && outside[i] != 0) continue;
				final double d = image[i] - mean;
				squares += d * d;
			}
			return new Stats(count, mean, Math.sqrt(squares / count), min, max);
		}
	}
}
