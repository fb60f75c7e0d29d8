package covidunet;

/**
 * How long work reports its progress and learns that it should stop. The core calls it; the
 * edges implement it (the status bar in Fiji, progress lines on the console, nothing in tests).
 * Implementations must be thread-safe: workers may report concurrently.
 */
@FunctionalInterface
public interface Progress {

	/** Reports nothing and never cancels. */
	Progress NONE = (task, done, total) -> {};

	/**
	 * Reports that {@code done} of {@code total} steps of {@code task} are complete.
	 *
	 * @param task a short description of the work, e.g. {@code "writing case coronacases_003"}
	 */
	void report(String task, long done, long total);

	/** Whether the user asked to stop. Long loops check it between steps. */
	default boolean isCancelled() {
		return false;
	}

	/**
	 * @throws CancelledException if the user asked to stop
	 */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException("cancelled");
	}
}
