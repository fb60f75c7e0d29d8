package covidunet.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A cross-validation split of a dataset's cases: K {@link Fold}s numbered from 0, each using
 * every case either for training or for validation, and each case's {@link IntensityKind}. Made
 * by {@link FoldSplitter} (then with a seed) or imported with {@link BenchmarkSplits} (then with
 * the benchmark's set name); saved by {@link #write} and read back by {@link #read}.
 * <p>
 * The JSON file, format version 1:
 *
 * <pre>
 * {
 *   "format": "covid-unet folds",
 *   "format_version": 1,
 *   "seed": 1,                       (a seeded split; an imported one has instead
 *                                     "benchmark_set": "Task1_COVID_82_datasplit.pkl")
 *   "k": 5,
 *   "kinds": { "coronacases_001": "hu", "radiopaedia_4_85506_1": "rescaled_0_255", … },
 *   "folds": [
 *     { "fold": 0, "train": [ "coronacases_001", … ], "validation": [ "coronacases_003", … ] },
 *     …
 *   ]
 * }
 * </pre>
 *
 * Case ids are sorted everywhere; {@code kinds} lists every case of the split (keys as
 * {@link IntensityKind#key()}). The CSV beside it ({@link #csvPath}) has the header
 * {@code fold,case,role,kind} and one row per fold and case, role {@code train} or
 * {@code validation}, ordered by fold and then by case id.
 *
 * @param seed the seed of a {@link FoldSplitter} split, or null for an imported one
 * @param benchmarkSet the benchmark set an imported split came from, or null for a seeded one
 * @param kinds the intensity kind of every case, by case id; its keys are the split's cases. Kept
 *          as an unmodifiable copy that iterates in case id order
 * @param folds the folds, {@code folds.get(i).index() == i}
 */
public record Folds(Long seed, String benchmarkSet, Map<String, IntensityKind> kinds, List<Fold> folds) {

	/**
	 * @throws IllegalArgumentException if not exactly one of {@code seed} and
	 *           {@code benchmarkSet} is given, there are fewer than two folds, a fold's index is not
	 *           its position, or a fold does not use exactly the cases of {@code kinds}
	 */
	public Folds {
		if ((seed == null) == (benchmarkSet == null)) {
			throw new IllegalArgumentException("folds need either a seed or a benchmark set, not " +
				(seed == null ? "neither" : "both"));
		}
		kinds = Collections.unmodifiableSortedMap(new TreeMap<>(kinds));
		folds = List.copyOf(folds);
		if (folds.size() < 2) throw new IllegalArgumentException("there are " + folds.size() + " folds, at least 2 are needed");
		for (int i = 0; i < folds.size(); i++) {
			final Fold fold = folds.get(i);
			if (fold.index() != i) throw new IllegalArgumentException("fold " + fold.index() + " is in place " + i);
			final Set<String> used = new HashSet<>(fold.train());
			used.addAll(fold.validation());
			if (!used.equals(kinds.keySet())) throw new IllegalArgumentException(mismatch(i, used, kinds.keySet()));
		}
	}

	/**
	 * Reads a folds file written by {@link #write}.
	 *
	 * @throws covidunet.BadInputException naming the file if it cannot be read or is not a valid
	 *           folds file
	 */
	public static Folds read(final Path json) {
		return FoldsFile.read(json);
	}

	/**
	 * Writes the split as JSON to {@code json} and as a table to {@link #csvPath csvPath(json)},
	 * each to a temporary file renamed into place once both are complete (the JSON last), so that
	 * a failure leaves neither.
	 *
	 * @param overwrite whether existing files may be replaced
	 * @throws covidunet.BadInputException if {@link #checkOutput} refuses, or a file cannot be
	 *           written
	 */
	public void write(final Path json, final boolean overwrite) {
		FoldsFile.write(this, json, overwrite);
	}

	/**
	 * Checks, before any work, that {@link #write} may write to {@code json}: its name ends in
	 * {@code .json}, it is not a folder, and unless {@code overwrite} neither it nor its CSV exist.
	 *
	 * @throws covidunet.BadInputException naming the file otherwise
	 */
	public static void checkOutput(final Path json, final boolean overwrite) {
		FoldsFile.checkOutput(json, overwrite);
	}

	/** The table written beside a folds file: the same name ending in {@code .csv}. */
	public static Path csvPath(final Path json) {
		return FoldsFile.csvPath(json);
	}

	/** The number of folds, K. */
	public int k() {
		return folds.size();
	}

	/**
	 * The fold of this index.
	 *
	 * @throws IndexOutOfBoundsException unless 0 ≤ index &lt; K
	 */
	public Fold fold(final int index) {
		return folds.get(index);
	}

	/** All case ids, sorted. */
	public List<String> cases() {
		return List.copyOf(kinds.keySet());
	}

	/**
	 * Whether every case is a validation case of exactly one fold, as in a K-fold
	 * cross-validation (not so in the benchmark's 4-training / 16-validation set).
	 */
	public boolean isPartition() {
		final Set<String> seen = new HashSet<>();
		for (final Fold fold : folds) {
			for (final String id : fold.validation()) {
				if (!seen.add(id)) return false;
			}
		}
		return seen.equals(kinds.keySet());
	}

	/** A few lines for people: the cases by kind, the origin, and each fold's validation cases. */
	public String summary() {
		final Map<IntensityKind, Integer> counts = new EnumMap<>(IntensityKind.class);
		for (final IntensityKind kind : kinds.values()) counts.merge(kind, 1, Integer::sum);
		final List<String> byKind = new ArrayList<>();
		counts.forEach((kind, count) -> byKind.add(count + " " + kind.key()));
		final StringBuilder text = new StringBuilder().append(kinds.size()).append(" cases (")
			.append(String.join(", ", byKind)).append(") in ").append(k()).append(" folds, ")
			.append(seed != null ? "seed " + seed : "benchmark set " + benchmarkSet).append('\n');
		for (final Fold fold : folds) {
			text.append("fold ").append(fold.index()).append(": ").append(fold.train().size()).append(" training, validation ")
				.append(String.join(", ", fold.validation())).append('\n');
		}
		return text.toString();
	}

	private static String mismatch(final int index, final Set<String> used, final Set<String> all) {
		final SortedSet<String> lacking = new TreeSet<>(all);
		lacking.removeAll(used);
		final SortedSet<String> unknown = new TreeSet<>(used);
		unknown.removeAll(all);
		final List<String> parts = new ArrayList<>();
		if (!lacking.isEmpty()) parts.add("lacks " + String.join(", ", lacking));
		if (!unknown.isEmpty()) parts.add("has cases without a kind: " + String.join(", ", unknown));
		return "fold " + index + " " + String.join(" and ", parts);
	}
}
