package covidunet.predict;

import java.util.Arrays;
import java.util.Locale;

import covidunet.BadInputException;

/** How the probabilities of overlapping windows are combined (see {@link ImportanceWeights}). */
public enum Blending {

	/** A weighted mean, the weights a Gaussian that peaks at the window's centre (nnU-Net's). The default. */
	GAUSSIAN,

	/** The plain mean of all windows that cover a voxel. */
	AVERAGE;

	/** The name in configurations and on the command line: {@code gaussian}, {@code average}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The blending named {@code key}.
	 *
	 * @param parameter the parameter's name, for the message
	 * @throws BadInputException naming {@code parameter} if {@code key} is not one of the names
	 */
	public static Blending of(final String key, final String parameter) {
		for (final Blending b : values()) {
			if (b.key().equals(key)) return b;
		}
		throw new BadInputException(parameter + ": '" + key + "' is not one of " + String.join(", ", Arrays.stream(
			values()).map(Blending::key).toList()));
	}
}
