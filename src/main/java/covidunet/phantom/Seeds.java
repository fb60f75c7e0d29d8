package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * Derives independent seeds from a cohort seed and labels (case index, purpose, slice), so that
 * each random choice depends only on what it is about: case k is the same whatever the number of
 * cases, and drawing one more number for the anatomy does not change the noise.
 */
final class Seeds {

	/** Purposes of derived seeds. */
	static final long CASE = 0x43415345L;
	static final long BLOCK = 0x424c4f43L;
	static final long ANATOMY = 0x414e4154L;
	static final long VESSELS = 0x56455353L;
	static final long LESIONS = 0x4c455349L;
	static final long SCANNER = 0x5343414eL;
	static final long NOISE = 0x4e4f4953L;
	static final long TEXTURE = 0x54455854L;
	static final long VARIATION = 0x56415249L;

	private Seeds() {}

	/** A well-mixed 64-bit value of {@code seed} and the labels, in order. */
	static long mix(final long seed, final long... labels) {
		long h = scramble(seed ^ 0x9e3779b97f4a7c15L);
		for (final long label : labels) {
			h = scramble(h + scramble(label + 0x632be59bd9b4e019L));
		}
		return h;
	}

	/** A generator seeded with {@link #mix}. */
	static SplittableRandom random(final long seed, final long... labels) {
		return new SplittableRandom(mix(seed, labels));
	}

	/** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
	static long scramble(final long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
