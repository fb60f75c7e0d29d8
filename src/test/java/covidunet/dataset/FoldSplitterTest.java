package covidunet.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;

class FoldSplitterTest {

	/** Checks the K-fold properties of a split of {@code kinds}. */
	private static void assertKFold(final Folds folds, final Map<String, IntensityKind> kinds, final int k) {
		assertEquals(k, folds.k());
		assertEquals(kinds, folds.kinds());
		assertTrue(folds.isPartition());
		final Map<String, Integer> validated = new HashMap<>();
		int smallest = Integer.MAX_VALUE, largest = 0;
		for (int f = 0; f < k; f++) {
			final Fold fold = folds.fold(f);
			assertEquals(f, fold.index());
			final Set<String> all = new HashSet<>(fold.train());
			all.addAll(fold.validation());
			assertEquals(kinds.keySet(), all, "train and validation cover every case");
			assertEquals(kinds.size(), fold.train().size() + fold.validation().size(), "train and validation are disjoint");
			for (final String id : fold.validation()) validated.merge(id, 1, Integer::sum);
			smallest = Math.min(smallest, fold.validation().size());
			largest = Math.max(largest, fold.validation().size());
			final List<String> sorted = new ArrayList<>(fold.validation());
			Collections.sort(sorted);
			assertEquals(sorted, fold.validation());
		}
		assertEquals(kinds.keySet(), validated.keySet());
		assertEquals(Set.of(1), new HashSet<>(validated.values()), "each case is validated exactly once");
		assertTrue(largest - smallest <= 1, "fold sizes differ by at most one");
	}

	/** How many validation cases of each kind each fold has. */
	private static List<Map<IntensityKind, Integer>> kindsPerFold(final Folds folds) {
		final List<Map<IntensityKind, Integer>> counts = new ArrayList<>();
		for (final Fold fold : folds.folds()) {
			final Map<IntensityKind, Integer> c = new HashMap<>();
			for (final String id : fold.validation()) c.merge(folds.kinds().get(id), 1, Integer::sum);
			counts.add(c);
		}
		return counts;
	}

	@Test
	void theRealDatasetSplitsIntoFiveFoldsOfTwoAndTwo() {
		final Map<String, IntensityKind> kinds = TestDatasets.realKinds();
		final Folds folds = FoldSplitter.split(kinds, 5, 1);
		assertKFold(folds, kinds, 5);
		assertEquals(Long.valueOf(1), folds.seed());
		assertEquals(null, folds.benchmarkSet());
		for (final Map<IntensityKind, Integer> c : kindsPerFold(folds)) {
			assertEquals(Map.of(IntensityKind.HU, 2, IntensityKind.RESCALED_0_255, 2), c);
		}
	}

	@Test
	void unevenKindsAreSpreadAndSizesBalanced() {
		final Map<String, IntensityKind> kinds = new LinkedHashMap<>();
		for (int i = 0; i < 13; i++) kinds.put("hu_" + i, IntensityKind.HU);
		for (int i = 0; i < 4; i++) kinds.put("r_" + i, IntensityKind.RESCALED_0_255);
		for (long seed = 0; seed < 20; seed++) {
			final Folds folds = FoldSplitter.split(kinds, 5, seed);
			assertKFold(folds, kinds, 5);
			int foldsWithRescaled = 0;
			for (final Map<IntensityKind, Integer> c : kindsPerFold(folds)) {
				final int hu = c.getOrDefault(IntensityKind.HU, 0);
				assertTrue(hu == 2 || hu == 3, "13 HU cases over 5 folds: 2 or 3 each");
				if (c.containsKey(IntensityKind.RESCALED_0_255)) {
					assertEquals(1, c.get(IntensityKind.RESCALED_0_255));
					foldsWithRescaled++;
				}
			}
			assertEquals(4, foldsWithRescaled, "4 rescaled cases in 4 different folds");
		}
	}

	@Test
	void theSameSeedGivesTheSameFoldsWhateverTheOrder() {
		final Map<String, IntensityKind> kinds = TestDatasets.realKinds();
		final Folds folds = FoldSplitter.split(kinds, 5, 42);
		final List<String> ids = new ArrayList<>(kinds.keySet());
		Collections.shuffle(ids, new Random(3));
		final Map<String, IntensityKind> shuffled = new LinkedHashMap<>();
		for (final String id : ids) shuffled.put(id, kinds.get(id));
		assertEquals(folds, FoldSplitter.split(shuffled, 5, 42));
		assertEquals(folds, FoldSplitter.split(new HashMap<>(kinds), 5, 42));
	}

	@Test
	void otherSeedsGiveOtherFolds() {
		final Set<List<Fold>> splits = new HashSet<>();
		for (long seed = 1; seed <= 10; seed++) splits.add(FoldSplitter.split(TestDatasets.realKinds(), 5, seed).folds());
		assertEquals(10, splits.size());
		assertNotEquals(FoldSplitter.split(TestDatasets.realKinds(), 5, 1).folds(),
			FoldSplitter.split(TestDatasets.realKinds(), 5, -1).folds());
	}

	@Test
	void kFromTwoToTheNumberOfCases() {
		final Map<String, IntensityKind> kinds = TestDatasets.hu("a", "b", "c");
		kinds.put("d", IntensityKind.RESCALED_0_255);
		assertKFold(FoldSplitter.split(kinds, 2, 9), kinds, 2);
		assertKFold(FoldSplitter.split(kinds, 4, 9), kinds, 4);
		assertEquals("bad value '1' for --folds: must be at least 2",
			assertThrows(BadInputException.class, () -> FoldSplitter.split(kinds, 1, 9)).getMessage());
		assertEquals("bad value '5' for --folds: must be at most 4, the number of cases",
			assertThrows(BadInputException.class, () -> FoldSplitter.split(kinds, 5, 9)).getMessage());
	}

	@Test
	void foldsRefuseInconsistentParts() {
		final Map<String, IntensityKind> kinds = TestDatasets.hu("a", "b", "c");
		final List<Fold> good = List.of(new Fold(0, List.of("a", "b"), List.of("c")), new Fold(1, List.of("c"), List.of("b", "a")));
		assertEquals(List.of("a", "b"), new Folds(3L, null, kinds, good).fold(1).validation());
		assertThrows(IllegalArgumentException.class, () -> new Fold(0, List.of("a", "b"), List.of("b")));
		assertThrows(IllegalArgumentException.class, () -> new Fold(0, List.of("a", "a"), List.of("b")));
		assertThrows(IllegalArgumentException.class, () -> new Fold(0, List.of(), List.of("b")));
		assertThrows(IllegalArgumentException.class, () -> new Folds(null, null, kinds, good));
		assertThrows(IllegalArgumentException.class, () -> new Folds(3L, "set", kinds, good));
		assertThrows(IllegalArgumentException.class, () -> new Folds(3L, null, kinds, good.subList(0, 1)));
		assertThrows(IllegalArgumentException.class, () -> new Folds(3L, null, kinds, List.of(good.get(1), good.get(0))));
		assertEquals("fold 0 lacks c and has cases without a kind: x", assertThrows(IllegalArgumentException.class,
			() -> new Folds(3L, null, kinds, List.of(new Fold(0, List.of("a", "b"), List.of("x")), good.get(1)))).getMessage());
	}
}
