package covidunet.predict;

import java.util.SplittableRandom;

/** Test volumes. */
final class Volumes {

	private Volumes() {}

	/** Seeded random image values in [−2, 2) over a volume of {@code size}. */
	static float[] random(final int[] size, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final float[] image = new float[size[0] * size[1] * size[2]];
		for (int i = 0; i < image.length; i++) image[i] = (float) random.nextDouble(-2, 2);
		return image;
	}
}
