package covidunet.io.nifti;

/**
 * Counts of distinct long values up to a limit, in an open-addressing table: once more values
 * than the limit appear, it stops counting and reports that it overflowed.
 */
final class DistinctValues {

	/** Receives each distinct value with its count. */
	interface Consumer {

		void accept(double value, long count);
	}

	private final int limit;
	private final long[] keys;
	private final long[] counts;
	private final boolean[] used;
	private int size;
	private boolean overflowed;

	DistinctValues(final int limit) {
		this.limit = limit;
		final int capacity = Integer.highestOneBit(limit * 4);
		keys = new long[capacity];
		counts = new long[capacity];
		used = new boolean[capacity];
	}

	void add(final long value, final long times) {
		if (overflowed) return;
		final int mask = keys.length - 1;
		int slot = Long.hashCode(value * 0x9E3779B97F4A7C15L) & mask;
		while (used[slot] && keys[slot] != value) {
			slot = (slot + 1) & mask;
		}
		if (!used[slot]) {
			if (size == limit) {
				overflow();
				return;
			}
			used[slot] = true;
			keys[slot] = value;
			size++;
		}
		counts[slot] += times;
	}

	void overflow() {
		overflowed = true;
	}

	boolean overflowed() {
		return overflowed;
	}

	void forEach(final Consumer consumer) {
		for (int i = 0; i < keys.length; i++) {
			if (used[i]) consumer.accept(keys[i], counts[i]);
		}
	}
}
