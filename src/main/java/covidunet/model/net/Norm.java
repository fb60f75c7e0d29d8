package covidunet.model.net;

import java.util.Arrays;
import java.util.Locale;

import covidunet.BadInputException;

/** The normalisation after each convolution's ReLU. */
public enum Norm {
	/** Batch normalisation: batch statistics when training, moving averages otherwise. */
	BATCH,
	/** Instance normalisation: statistics of each sample and channel over space, always. */
	INSTANCE,
	/** No normalisation. */
	NONE;

	/** The name in configurations and on the command line: {@code batch}, {@code instance}, {@code none}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The normalisation named {@code key}.
	 *
	 * @throws BadInputException naming {@code parameter} if {@code key} is not one of the names
	 */
	public static Norm of(final String key, final String parameter) {
		for (final Norm n : values()) {
			if (n.key().equals(key)) return n;
		}
		throw new BadInputException(parameter + ": '" + key + "' is not one of " + String.join(", ", Arrays.stream(
			values()).map(Norm::key).toList()));
	}
}
