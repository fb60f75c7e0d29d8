package covidunet.sample;

/**
 * The seed of each training patch, from the run's seed and where the patch is used: one seed per
 * (epoch, case, slot), so that a patch is the same whichever thread makes it and in whatever
 * order.
 */
public final class Seeds {

	private Seeds() {}

	/**
	 * A well-mixed seed for one patch.
	 *
	 * @param seed the run's seed
	 * @param epoch the epoch, from 0
	 * @param caseIndex the case's index in the training list
	 * @param slot the patch's slot within the epoch (e.g. iteration × batch + position)
	 */
	public static long forPatch(final long seed, final int epoch, final int caseIndex, final int slot) {
		long h = mix(seed ^ 0x243F6A8885A308D3L);
		h = mix(h ^ epoch);
		h = mix(h ^ caseIndex);
		return mix(h ^ slot);
	}

	/** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
	static long mix(final long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
