package covidunet.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One fold of a cross-validation: the cases a model trains on and those it is validated on.
 * Both lists are kept sorted, so two folds with the same cases are equal.
 *
 * @param index the fold's number, from 0
 * @param train the training case ids, at least one
 * @param validation the validation case ids, at least one, none of them in {@code train}
 */
public record Fold(int index, List<String> train, List<String> validation) {

	/**
	 * @throws IllegalArgumentException if the index is negative, a list is empty or has a case
	 *           twice, or a case is in both lists
	 */
	public Fold {
		if (index < 0) throw new IllegalArgumentException("fold index " + index + " is negative");
		train = sortedCopy(train, "fold " + index + " training");
		validation = sortedCopy(validation, "fold " + index + " validation");
		final List<String> both = new ArrayList<>(train);
		both.retainAll(validation);
		if (!both.isEmpty()) {
			throw new IllegalArgumentException("fold " + index + " has " + String.join(", ", both) +
				" both for training and for validation");
		}
	}

	/** Whether the case is one of this fold's validation cases. */
	public boolean validates(final String caseId) {
		return Collections.binarySearch(validation, caseId) >= 0;
	}

	private static List<String> sortedCopy(final List<String> ids, final String what) {
		if (ids.isEmpty()) throw new IllegalArgumentException(what + " cases are empty");
		final Set<String> seen = new HashSet<>();
		for (final String id : ids) {
			if (!seen.add(id)) throw new IllegalArgumentException(what + " cases name " + id + " twice");
		}
		final List<String> sorted = new ArrayList<>(ids);
		Collections.sort(sorted);
		return List.copyOf(sorted);
	}
}
