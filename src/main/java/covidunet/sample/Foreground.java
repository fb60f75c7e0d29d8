package covidunet.sample;

import java.util.Locale;

/**
 * Which labels count as foreground for oversampling (labels: 0 background, 1 left lung, 2 right
 * lung, 3 infection).
 */
public enum Foreground {

	/** Labels 1–3: lung or infection. The default. */
	LUNGS_OR_INFECTION("lungs_or_infection", 1),

	/** Label 3 alone: infection, the rare class that oversampling is for. */
	INFECTION("infection", 3);

	private final String key;
	private final int lowest;

	Foreground(final String key, final int lowest) {
		this.key = key;
		this.lowest = lowest;
	}

	/** The name in JSON, e.g. {@code "infection"}. */
	public String key() {
		return key;
	}

	/** Whether a voxel with this label is foreground. */
	public boolean contains(final byte label) {
		return label >= lowest;
	}

	/**
	 * @throws IllegalArgumentException if no constant has this key
	 */
	public static Foreground ofKey(final String key) {
		for (final Foreground f : values()) {
			if (f.key.equals(key.toLowerCase(Locale.ROOT))) return f;
		}
		throw new IllegalArgumentException("'" + key + "' is not one of lungs_or_infection, infection");
	}
}
