package covidunet.sample;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;
import covidunet.io.JsonFiles;

/**
 * Where training patches are placed: which share of them is centred on a foreground voxel instead
 * of uniformly, and which labels count as foreground. Immutable; the defaults are the reference's
 * (uniform placement). The patch size is the network's ({@code UNetConfig.patch()}), given to the
 * {@link PatchSampler} beside this configuration. Saved with every model as JSON:
 *
 * <pre>
 * { "foreground_fraction": 0.0, "foreground": "lungs_or_infection" }
 * </pre>
 */
public final class SamplingConfig {

	/** The reference's sampling: patches placed uniformly. */
	public static final SamplingConfig DEFAULT = new SamplingConfig(0.0, Foreground.LUNGS_OR_INFECTION);

	/**
	 * The member of format version 1, where a card also gave the patch size here; readers of old
	 * files check it against the network's and drop it ({@link #withoutLegacyPatchSize}).
	 */
	public static final String LEGACY_PATCH_SIZE = "patch_size";

	private static final String FRACTION = "foreground_fraction";
	private static final String FOREGROUND = "foreground";
	private static final Set<String> MEMBERS = Set.of(FRACTION, FOREGROUND);

	private final double foregroundFraction;
	private final Foreground foreground;

	/**
	 * @param foregroundFraction the probability, in [0, 1], that a patch is centred on a
	 *          foreground voxel rather than placed uniformly; 0 is the reference's sampling
	 * @param foreground which labels count as foreground
	 * @throws BadInputException naming the parameter if one is out of range
	 */
	public SamplingConfig(final double foregroundFraction, final Foreground foreground) {
		if (!(foregroundFraction >= 0 && foregroundFraction <= 1)) {
			throw new BadInputException(FRACTION + ": must be between 0 and 1, got " + foregroundFraction);
		}
		if (foreground == null) throw new BadInputException(FOREGROUND + ": missing");
		this.foregroundFraction = foregroundFraction;
		this.foreground = foreground;
	}

	/** The probability that a patch is centred on a foreground voxel. */
	public double foregroundFraction() {
		return foregroundFraction;
	}

	/** Which labels count as foreground. */
	public Foreground foreground() {
		return foreground;
	}

	/** This configuration with another foreground fraction. */
	public SamplingConfig withForegroundFraction(final double fraction) {
		return new SamplingConfig(fraction, foreground);
	}

	/** This configuration with other foreground labels. */
	public SamplingConfig withForeground(final Foreground labels) {
		return new SamplingConfig(foregroundFraction, labels);
	}

	/** The JSON form (see the class description). */
	public JsonObject toJson() {
		final JsonObject json = new JsonObject();
		json.addProperty(FRACTION, foregroundFraction);
		json.addProperty(FOREGROUND, foreground.key());
		return json;
	}

	/**
	 * Reads the JSON form. Absent members take their defaults; unknown members are refused, so
	 * that a misspelt one is not silently ignored.
	 *
	 * @throws BadInputException naming the member if one is unknown, of the wrong type, or out of
	 *           range
	 */
	public static SamplingConfig fromJson(final JsonObject json) {
		for (final Map.Entry<String, JsonElement> e : json.entrySet()) {
			if (!MEMBERS.contains(e.getKey())) throw new BadInputException("sampling: unknown member '" + e.getKey() +
				"' (known: " + FRACTION + ", " + FOREGROUND + ")");
		}
		final double fraction = json.has(FRACTION) ? number(json.get(FRACTION), FRACTION).doubleValue() :
			DEFAULT.foregroundFraction;
		Foreground labels = DEFAULT.foreground;
		if (json.has(FOREGROUND)) {
			final JsonElement e = json.get(FOREGROUND);
			if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
				throw new BadInputException(FOREGROUND + ": must be a string, got " + e);
			}
			try {
				labels = Foreground.ofKey(e.getAsString());
			}
			catch (final IllegalArgumentException exc) {
				throw new BadInputException(FOREGROUND + ": " + exc.getMessage(), exc);
			}
		}
		return new SamplingConfig(fraction, labels);
	}

	/**
	 * A version-1 {@code sampling} section without its {@code patch_size}, after checking that it
	 * names the network's patch: the patch size now has one home, the network's.
	 *
	 * @param json a {@code sampling} section, of either format version (not changed)
	 * @param patch the network's patch size, x, y, z
	 * @param where where the section is, for the message (e.g. {@code "sampling"})
	 * @return the section without {@code patch_size}
	 * @throws BadInputException in one line if {@code patch_size} is given and contradicts
	 *           {@code patch}
	 */
	public static JsonObject withoutLegacyPatchSize(final JsonObject json, final int[] patch, final String where) {
		final JsonObject rest = json.deepCopy();
		final JsonElement legacy = rest.remove(LEGACY_PATCH_SIZE);
		if (legacy != null && !legacy.equals(JsonFiles.array(patch))) {
			throw new BadInputException(where + "." + LEGACY_PATCH_SIZE + " " + legacy + " contradicts architecture.patch " +
				JsonFiles.array(patch) + "; give the patch size once, in architecture.patch");
		}
		return rest;
	}

	private static Number number(final JsonElement e, final String member) {
		if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
			throw new BadInputException(member + ": must be a number, got " + e);
		}
		return e.getAsNumber();
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof SamplingConfig c && Double.compare(foregroundFraction, c.foregroundFraction) == 0 &&
			foreground == c.foreground;
	}

	@Override
	public int hashCode() {
		return Double.hashCode(foregroundFraction) * 31 + foreground.hashCode();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "foreground fraction %s (%s)", foregroundFraction, foreground.key());
	}
}
