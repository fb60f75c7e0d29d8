package covidunet.bench;

import java.util.Map;

import covidunet.BadInputException;
import covidunet.io.IntTriple;

/** The options the network benchmarks ({@code bench train}, {@code bench infer}) share; errors name the option. */
final class BenchOptions {

	private BenchOptions() {}

	/** {@code --patch X,Y,Z}, else a cube of side {@code --size} (default {@code side}). */
	static int[] patch(final Map<String, String> options, final int side) {
		final String patch = options.get("patch");
		if (patch == null) {
			final int s = integer(options, "size", side);
			return new int[] { s, s, s };
		}
		if (options.containsKey("size")) throw new BadInputException("size, patch: give one of them, not both");
		return IntTriple.parse("patch", patch);
	}

	/** {@code --steps}, at least 1. */
	static int steps(final Map<String, String> options, final int otherwise) {
		final int steps = integer(options, "steps", otherwise);
		if (steps < 1) throw new BadInputException("steps: " + steps + " must be at least 1");
		return steps;
	}

	/** {@code --threads}, TensorFlow's intra-op threads; 0 (its own choice) unless given. */
	static int threads(final Map<String, String> options) {
		final int threads = integer(options, "threads", 0);
		if (threads < 0) throw new BadInputException("threads: " + threads + " must be 0 (TensorFlow's choice) or more");
		return threads;
	}

	/** The integer option {@code key}, or {@code otherwise} if it is not given. */
	static int integer(final Map<String, String> options, final String key, final int otherwise) {
		final String v = options.get(key);
		return v == null ? otherwise : parse(key, v);
	}

	private static int parse(final String key, final String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (final NumberFormatException e) {
			throw new BadInputException(key + ": '" + value + "' is not an integer");
		}
	}
}
