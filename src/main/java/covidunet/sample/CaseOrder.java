package covidunet.sample;

import java.util.SplittableRandom;

/**
 * Which training case fills each slot of an epoch: the slots (iteration × batch size + position)
 * walk through shuffles of the case list, a fresh shuffle every {@code cases} slots and at the
 * start of every epoch. Each case therefore fills ⌊slots / cases⌋ or one more slots per epoch, in
 * an order that depends only on the run's seed, the epoch and the slot.
 */
final class CaseOrder {

	private static final long SALT = 0x13198A2E03707344L;

	private final long seed;
	private final int cases;

	CaseOrder(final long seed, final int cases) {
		this.seed = seed;
		this.cases = cases;
	}

	/** The index of the case in this slot of this epoch. */
	int caseAt(final int epoch, final int slot) {
		return shuffle(epoch, slot / cases)[slot % cases];
	}

	private int[] shuffle(final int epoch, final int round) {
		final SplittableRandom random = new SplittableRandom(Seeds.mix(Seeds.mix(Seeds.mix(seed ^ SALT) ^ epoch) ^
			round));
		final int[] order = new int[cases];
		for (int i = 0; i < cases; i++) order[i] = i;
		for (int i = cases - 1; i > 0; i--) {
			final int j = random.nextInt(i + 1);
			final int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return order;
	}
}
