package covidunet.sample;

/** Chosen augmentation parameters for tests, from {@link AugmentationDraw#NONE}. */
final class DrawBuilder {

	private boolean mx, my, mz, contrast, brightness, gamma, noise, elastic, rotation, scaling, scanEnd, scanEndAbove;
	private double contrastFactor = 1, brightnessFactor = 1, gammaExponent = 1, noiseSigma, alpha, sigma = 1, ax, ay,
		az, scale = 1, scanEndAt;
	private long noiseSeed, elasticSeed;

	DrawBuilder mirror(final boolean x, final boolean y, final boolean z) {
		mx = x;
		my = y;
		mz = z;
		return this;
	}

	DrawBuilder contrast(final double factor) {
		contrast = true;
		contrastFactor = factor;
		return this;
	}

	DrawBuilder brightness(final double factor) {
		brightness = true;
		brightnessFactor = factor;
		return this;
	}

	DrawBuilder gamma(final double exponent) {
		gamma = true;
		gammaExponent = exponent;
		return this;
	}

	DrawBuilder noise(final double sd, final long seed) {
		noise = true;
		noiseSigma = sd;
		noiseSeed = seed;
		return this;
	}

	DrawBuilder elastic(final double a, final double s, final long seed) {
		elastic = true;
		alpha = a;
		sigma = s;
		elasticSeed = seed;
		return this;
	}

	DrawBuilder rotation(final double x, final double y, final double z) {
		rotation = true;
		ax = x;
		ay = y;
		az = z;
		return this;
	}

	DrawBuilder scaling(final double s) {
		scaling = true;
		scale = s;
		return this;
	}

	DrawBuilder scanEnd(final boolean above, final double at) {
		scanEnd = true;
		scanEndAbove = above;
		scanEndAt = at;
		return this;
	}

	AugmentationDraw build() {
		return new AugmentationDraw(mx, my, mz, contrast, contrastFactor, brightness, brightnessFactor, gamma,
			gammaExponent, noise, noiseSigma, noiseSeed, elastic, alpha, sigma, elasticSeed, rotation, ax, ay, az,
			scaling, scale, scanEnd, scanEndAbove, scanEndAt);
	}
}
