package covidunet.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import covidunet.BadInputException;

/**
 * Seeded K-fold splits stratified by {@link IntensityKind}. The case ids of each kind, sorted,
 * are shuffled (Fisher–Yates driven by {@code java.util.Random(seed)}, whose sequence Java
 * specifies, one generator for the kinds in their declaration order); then, kind after kind,
 * case i of the concatenation becomes a validation case of fold {@code i mod K}. So each fold
 * gets each kind's cases round-robin (their numbers differ by at most one between folds), the
 * fold sizes differ by at most one, every case is validated in exactly one fold and trains in
 * the others, and the split depends only on the cases, their kinds, K and the seed, never on
 * the order in which the cases are given.
 */
public final class FoldSplitter {

	/** The number of folds the reference method used. */
	public static final int DEFAULT_FOLDS = 5;

	private FoldSplitter() {}

	/**
	 * Checks a fold count for a number of cases.
	 *
	 * @throws BadInputException naming {@code --folds} unless 2 ≤ k ≤ cases
	 */
	public static void checkFoldCount(final int k, final int cases) {
		if (k < 2) throw new BadInputException("bad value '" + k + "' for --folds: must be at least 2");
		if (k > cases) {
			throw new BadInputException("bad value '" + k + "' for --folds: must be at most " + cases +
				", the number of cases");
		}
	}

	/**
	 * Splits the cases into {@code k} folds.
	 *
	 * @param kinds the cases to split with their kinds, by case id
	 * @throws BadInputException naming {@code --folds} unless 2 ≤ k ≤ the number of cases
	 */
	public static Folds split(final Map<String, IntensityKind> kinds, final int k, final long seed) {
		checkFoldCount(k, kinds.size());
		final SortedMap<String, IntensityKind> sorted = new TreeMap<>(kinds);
		final Random random = new Random(seed);
		final List<String> order = new ArrayList<>();
		for (final IntensityKind kind : IntensityKind.values()) {
			final List<String> ids = new ArrayList<>();
			for (final Map.Entry<String, IntensityKind> c : sorted.entrySet()) {
				if (c.getValue() == kind) ids.add(c.getKey());
			}
			shuffle(ids, random);
			order.addAll(ids);
		}
		final List<Fold> folds = new ArrayList<>();
		for (int f = 0; f < k; f++) {
			final List<String> train = new ArrayList<>();
			final List<String> validation = new ArrayList<>();
			for (int i = 0; i < order.size(); i++) {
				(i % k == f ? validation : train).add(order.get(i));
			}
			folds.add(new Fold(f, train, validation));
		}
		return new Folds(seed, null, sorted, folds);
	}

	private static void shuffle(final List<String> ids, final Random random) {
		for (int i = ids.size() - 1; i > 0; i--) {
			final int j = random.nextInt(i + 1);
			ids.set(j, ids.set(i, ids.get(j)));
		}
	}
}
