package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * The cohort-level mix, balanced in small blocks of consecutive cases so that any cohort of a few
 * cases already has it, yet each case depends only on the seed and its own index (never on how
 * many cases are made): one case in each block of four is "radiopaedia-like" (windowed to
 * [−1250, 250] and rescaled to 0–255), one in each block of four is stored in LPS orientation
 * (independently), and each block of ten has the {@link Severity} mix.
 */
final class CohortDesign {

	private static final int BLOCK = 4;
	private static final long RADIOPAEDIA = 1, LPS = 2, SEVERITY = 3;

	private CohortDesign() {}

	/** Whether case {@code index} is windowed and rescaled to 0–255. */
	static boolean radiopaedia(final long seed, final int index) {
		return pick(seed, RADIOPAEDIA, index);
	}

	/** Whether case {@code index} is stored LPS (else RAS). */
	static boolean lps(final long seed, final int index) {
		return pick(seed, LPS, index);
	}

	/** The severity of case {@code index}. */
	static Severity severity(final long seed, final int index) {
		final int size = Severity.BLOCK_SIZE;
		final SplittableRandom random = Seeds.random(seed, Seeds.BLOCK, SEVERITY, index / size);
		final int[] order = new int[size];
		for (int i = 0; i < size; i++) order[i] = i;
		for (int i = size - 1; i > 0; i--) {
			final int j = random.nextInt(i + 1);
			final int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return Severity.inBlock(order[index % size]);
	}

	/**
	 * The case id: {@code coronacases_NNN}, numbered from 001 over the HU cases, or a
	 * radiopaedia-like {@code radiopaedia_<a>_<b>_<c>} whose numbers grow with the index (so
	 * they never repeat), as the real ids do.
	 */
	static String caseId(final long seed, final int index) {
		if (radiopaedia(seed, index)) {
			final SplittableRandom random = Seeds.random(seed, Seeds.CASE, index, RADIOPAEDIA);
			final int study = 85400 + 23 * index + random.nextInt(23);
			return "radiopaedia_" + (1 + (study - 85400) / 20) + "_" + study + "_" + random.nextInt(4);
		}
		int number = 0;
		for (int i = 0; i <= index; i++) {
			if (!radiopaedia(seed, i)) number++;
		}
		return String.format("coronacases_%03d", number);
	}

	private static boolean pick(final long seed, final long purpose, final int index) {
		return Seeds.random(seed, Seeds.BLOCK, purpose, index / BLOCK).nextInt(BLOCK) == index % BLOCK;
	}
}
