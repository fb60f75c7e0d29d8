package covidunet.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the reason of each skipped test to the console, once per distinct reason, so that a
 * test run on a machine without an outside oracle (nibabel, the shared fixtures) says what it
 * did not check. Registered for every test through JUnit's extension auto-detection.
 */
public class SkipReasons implements TestWatcher {

	private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

	@Override
	public void testAborted(final ExtensionContext context, final Throwable cause) {
		final String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
		if (REPORTED.add(reason)) {
			System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + " and any other test " +
				"for the same reason: " + reason);
		}
	}
}
