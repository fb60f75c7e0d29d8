package covidunet.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.gson.JsonObject;

import covidunet.BadInputException;

/**
 * The five-fold splits of the dataset's own benchmark (COVID-19-CT-Seg-Benchmark, Task 1), as a
 * JSON file of its two split sets: an object whose members are named by the set and hold a
 * list of folds, each {@code {"train": [...], "val": [...]}} of case names. The benchmark names
 * a case by its mask's file name without {@code .nii.gz}, which is our case id
 * ({@link CaseNames}), so names map to ids unchanged. Instances are immutable.
 */
public final class BenchmarkSplits {

	/** 16 training and 4 validation cases per fold: the setting the reference method used. */
	public static final String SET_16_4 = "Task1_COVID_82_datasplit.pkl";

	/** 4 training and 16 validation cases per fold: the benchmark's low-data setting. */
	public static final String SET_4_16 = "Task1_COVID_datasplit.pkl";

	/** The set imported unless another is named. */
	public static final String DEFAULT_SET = SET_16_4;

	private final String set;
	private final List<Fold> folds;
	private final SortedSet<String> cases;

	private BenchmarkSplits(final String set, final List<Fold> folds, final SortedSet<String> cases) {
		this.set = set;
		this.folds = List.copyOf(folds);
		this.cases = cases;
	}

	/**
	 * Reads one split set and checks it against a dataset's case ids.
	 *
	 * @param file the benchmark's splits, as JSON
	 * @param set the set's name, e.g. {@link #SET_16_4}
	 * @param datasetIds the ids of the dataset's cases
	 * @throws BadInputException naming the file if it cannot be read, lacks the set, is not as
	 *           described, its folds do not all use the same cases, or it names cases the dataset
	 *           lacks (listing them)
	 */
	public static BenchmarkSplits read(final Path file, final String set, final Collection<String> datasetIds) {
		final JsonInput in = JsonInput.read(file);
		final JsonObject root = in.root();
		if (!root.has(set)) {
			throw in.bad("has no split set " + set + " (it has: " + String.join(", ", root.keySet()) + ")");
		}
		final List<Fold> folds = new ArrayList<>();
		SortedSet<String> cases = null;
		for (final JsonObject fold : in.objects(root, set, "the top level")) {
			final String where = set + " fold " + folds.size();
			final Fold f;
			try {
				f = new Fold(folds.size(), in.strings(fold, "train", where), in.strings(fold, "val", where));
			}
			catch (final IllegalArgumentException e) {
				throw in.bad(set + ": " + e.getMessage(), e);
			}
			final SortedSet<String> used = new TreeSet<>(f.train());
			used.addAll(f.validation());
			if (cases == null) cases = used;
			else if (!cases.equals(used)) throw in.bad(where + " does not use the same cases as fold 0");
			folds.add(f);
		}
		if (folds.size() < 2) throw in.bad(set + " has " + folds.size() + " folds, at least 2 are needed");
		final Set<String> known = new HashSet<>(datasetIds);
		final List<String> unknown = new ArrayList<>();
		for (final String id : cases) {
			if (!known.contains(id)) unknown.add(id);
		}
		if (!unknown.isEmpty()) {
			throw in.bad(set + " names " + unknown.size() + (unknown.size() == 1 ? " case" : " cases") +
				" the dataset lacks: " + String.join(", ", unknown));
		}
		return new BenchmarkSplits(set, folds, cases);
	}

	/** The set's name. */
	public String set() {
		return set;
	}

	/** The number of folds. */
	public int size() {
		return folds.size();
	}

	/** The ids of the cases the folds use, sorted. */
	public List<String> cases() {
		return List.copyOf(cases);
	}

	/**
	 * The split as {@link Folds} of the benchmark's cases.
	 *
	 * @param kinds the intensity kinds by case id, for at least the benchmark's cases
	 * @throws IllegalArgumentException if a case's kind is missing
	 */
	public Folds toFolds(final Map<String, IntensityKind> kinds) {
		final SortedMap<String, IntensityKind> used = new TreeMap<>();
		for (final String id : cases) {
			final IntensityKind kind = kinds.get(id);
			if (kind == null) throw new IllegalArgumentException("no intensity kind for " + id);
			used.put(id, kind);
		}
		return new Folds(null, set, used, folds);
	}
}
