package covidunet.preprocess;

import java.util.Locale;

/** Which range of a clipped volume is mapped linearly onto the rescale range. */
public enum RescaleRange {

	/**
	 * The volume's own minimum and maximum, as the reference does: the result depends on what
	 * else is in the field of view (a scan without the darkest or brightest window values moves).
	 */
	VOLUME,

	/**
	 * The HU window [{@code clipLow}, {@code clipHigh}]: a fixed map from HU, the same for every
	 * scan whatever its field of view.
	 */
	WINDOW;

	/** The lower-case name used in JSON: {@code volume} or {@code window}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
