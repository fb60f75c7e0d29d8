package covidunet.model.published;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import covidunet.BadInputException;

/**
 * Which model file is which of the five cross-validation folds 0–4.
 * <ul>
 * <li>A fold number is read from the path: {@code fold} or {@code cv}, then an optional blank,
 * {@code _}, {@code -} or {@code .}, then the number, not inside a longer word or number
 * ({@code fold_3}, {@code fold3}, {@code Fold-3}, {@code cv_3}, {@code fold 3},
 * {@code model.fold.3.h5} …). The innermost part of the path that has one counts, so
 * {@code models_cv5.zip/fold_2/model.h5} is fold 2; a part with two different numbers is
 * ambiguous.</li>
 * <li>Folds numbered 1–5 (none 0) are taken as 0–4, in that order.</li>
 * <li>Where a fold has several files, one whose name contains {@code best} is preferred (the
 * reference keeps its best and its latest model, and its prediction script loads the best), then
 * the shortest name, then the shortest path; a tie is ambiguous.</li>
 * <li>Files without a fold number are ignored when others have one; if none has one, exactly five
 * files are taken as folds 0–4 in the order of their paths.</li>
 * </ul>
 * Anything else (a fold missing, a sixth fold, ties, a different number of files without fold
 * numbers) is refused in one line listing what was found.
 */
public final class FoldMapping {

	/** The number of folds of the published models. */
	public static final int FOLDS = 5;

	private static final Pattern FOLD =
		Pattern.compile("(?<![a-z0-9])(?:fold|cv)[ _.-]?([0-9]{1,3})(?![0-9])", Pattern.CASE_INSENSITIVE);

	/** The most files a message lists. */
	private static final int LISTED = 12;

	private final SortedMap<Integer, ModelFile> folds;
	private final List<String> notes;

	private FoldMapping(final SortedMap<Integer, ModelFile> folds, final List<String> notes) {
		this.folds = folds;
		this.notes = List.copyOf(notes);
	}

	/**
	 * Maps files to folds.
	 *
	 * @param where the record, for messages
	 * @throws BadInputException {@code <where>: cannot tell which model file is which fold: …} with
	 *           the files found
	 */
	public static FoldMapping of(final List<ModelFile> files, final String where) {
		final Map<Integer, List<ModelFile>> numbered = new TreeMap<>();
		for (final ModelFile file : files) {
			final Integer fold;
			try {
				fold = number(file.path());
			}
			catch (final IllegalArgumentException exc) {
				throw ambiguous(where, "'" + file.path() + "' " + exc.getMessage(), files);
			}
			if (fold != null) numbered.computeIfAbsent(fold, k -> new ArrayList<>()).add(file);
		}
		final List<String> notes = new ArrayList<>();
		final SortedMap<Integer, ModelFile> folds = new TreeMap<>();
		if (numbered.isEmpty()) {
			if (files.size() != FOLDS) {
				throw ambiguous(where, "no fold numbers in the paths, and " + files.size() + " files, not " + FOLDS,
					files);
			}
			final List<ModelFile> sorted = files.stream().sorted(Comparator.comparing(ModelFile::path)).toList();
			for (int k = 0; k < FOLDS; k++) folds.put(k, sorted.get(k));
			notes.add("no fold numbers in the paths: the five files are folds 0-4 in the order of their paths");
			return new FoldMapping(folds, notes);
		}
		final Set<Integer> expected = range(0), fromOne = range(1);
		final int shift = numbered.keySet().equals(fromOne) ? 1 : 0;
		if (shift == 1) notes.add("folds numbered 1-5 in the record, imported as fold_0 ... fold_4");
		else if (!numbered.keySet().equals(expected)) {
			throw ambiguous(where, "models for folds " + numbered.keySet().stream().map(String::valueOf).collect(
				Collectors.joining(", ")) + ", not 0-4", files);
		}
		for (final Map.Entry<Integer, List<ModelFile>> fold : numbered.entrySet()) {
			folds.put(fold.getKey() - shift, pick(fold.getKey(), fold.getValue(), where, files));
		}
		return new FoldMapping(folds, notes);
	}

	/** The file of each fold 0–4. */
	public SortedMap<Integer, ModelFile> folds() {
		return folds;
	}

	/** How the mapping was made where it is not plain (numbers shifted, files sorted), one line each. */
	public List<String> notes() {
		return notes;
	}

	/**
	 * The fold number in a path: that of its innermost part that has one; null if none has.
	 *
	 * @throws IllegalArgumentException if that part has two different numbers
	 */
	static Integer number(final String path) {
		final String[] parts = path.split("/");
		for (int i = parts.length - 1; i >= 0; i--) {
			final Set<Integer> found = new LinkedHashSet<>();
			final Matcher m = FOLD.matcher(parts[i]);
			while (m.find()) found.add(Integer.parseInt(m.group(1)));
			if (found.size() > 1) throw new IllegalArgumentException("names two folds (" + found + ")");
			if (found.size() == 1) return found.iterator().next();
		}
		return null;
	}

	private static ModelFile pick(final int fold, final List<ModelFile> candidates, final String where,
		final List<ModelFile> files)
	{
		final List<ModelFile> best = candidates.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).contains("best"))
			.toList();
		final Comparator<ModelFile> shortest = Comparator.comparingInt((final ModelFile f) -> f.name().length())
			.thenComparingInt(f -> f.path().length());
		final List<ModelFile> pool = (best.isEmpty() ? candidates : best).stream().sorted(shortest).toList();
		if (pool.size() > 1 && shortest.compare(pool.get(0), pool.get(1)) == 0) {
			throw ambiguous(where, "fold " + fold + " has " + pool.size() + " equally likely files (" + pool.get(0)
				.path() + ", " + pool.get(1).path() + ")", files);
		}
		return pool.get(0);
	}

	private static Set<Integer> range(final int first) {
		final Set<Integer> folds = new LinkedHashSet<>();
		for (int k = 0; k < FOLDS; k++) folds.add(first + k);
		return folds;
	}

	private static BadInputException ambiguous(final String where, final String problem, final List<ModelFile> files) {
		final List<String> paths = files.stream().map(ModelFile::path).sorted().toList();
		final String listed = String.join(", ", paths.subList(0, Math.min(LISTED, paths.size()))) +
			(paths.size() > LISTED ? " and " + (paths.size() - LISTED) + " more" : "");
		return new BadInputException(where + ": cannot tell which model file is which fold: " + problem +
			"; found " + paths.size() + " HDF5 file" + (paths.size() == 1 ? "" : "s") + ": " + listed);
	}
}
