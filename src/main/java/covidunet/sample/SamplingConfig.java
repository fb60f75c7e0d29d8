package covidunet.sample;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;

/**
 * How training patches are placed: their size, and which share of them is centred on a
 * foreground voxel instead of uniformly. Immutable; the defaults are the reference's (160 × 160 ×
 * 80 patches, uniform placement). Saved with every model as JSON:
 *
 * <pre>
 * { "patch_size": [160, 160, 80], "foreground_fraction": 0.0, "foreground": "lungs_or_infection" }
 * </pre>
 */
public final class SamplingConfig {

	/** The reference's sampling: 160 × 160 × 80 patches, uniformly placed. */
	public static final SamplingConfig DEFAULT = new SamplingConfig(new int[] { 160, 160, 80 }, 0.0,
		Foreground.LUNGS_OR_INFECTION);

	private static final String PATCH_SIZE = "patch_size";
	private static final String FRACTION = "foreground_fraction";
	private static final String FOREGROUND = "foreground";
	private static final Set<String> MEMBERS = Set.of(PATCH_SIZE, FRACTION, FOREGROUND);

	private final int[] patchSize;
	private final double foregroundFraction;
	private final Foreground foreground;

	/**
	 * @param patchSize the patch size along x, y, z, each ≥ 1
	 * @param foregroundFraction the probability, in [0, 1], that a patch is centred on a
	 *          foreground voxel rather than placed uniformly; 0 is the reference's sampling
	 * @param foreground which labels count as foreground
	 * @throws BadInputException naming the parameter if one is out of range
	 */
	public SamplingConfig(final int[] patchSize, final double foregroundFraction, final Foreground foreground) {
		if (patchSize.length != 3) throw new BadInputException(PATCH_SIZE + ": needs 3 sizes (x, y, z), got " +
			patchSize.length);
		long voxels = 1;
		for (final int s : patchSize) {
			if (s < 1) throw new BadInputException(PATCH_SIZE + ": each size must be at least 1, got " +
				Arrays.toString(patchSize));
			voxels *= s;
		}
		if (voxels > Integer.MAX_VALUE) throw new BadInputException(PATCH_SIZE + ": " + Arrays.toString(patchSize) +
			" has more than 2^31 voxels");
		if (!(foregroundFraction >= 0 && foregroundFraction <= 1)) {
			throw new BadInputException(FRACTION + ": must be between 0 and 1, got " + foregroundFraction);
		}
		if (foreground == null) throw new BadInputException(FOREGROUND + ": missing");
		this.patchSize = patchSize.clone();
		this.foregroundFraction = foregroundFraction;
		this.foreground = foreground;
	}

	/** The patch size along x, y, z (a copy). */
	public int[] patchSize() {
		return patchSize.clone();
	}

	/** The number of voxels in a patch. */
	public int patchVoxels() {
		return patchSize[0] * patchSize[1] * patchSize[2];
	}

	/** The probability that a patch is centred on a foreground voxel. */
	public double foregroundFraction() {
		return foregroundFraction;
	}

	/** Which labels count as foreground. */
	public Foreground foreground() {
		return foreground;
	}

	/** This configuration with another patch size. */
	public SamplingConfig withPatchSize(final int... size) {
		return new SamplingConfig(size, foregroundFraction, foreground);
	}

	/** This configuration with another foreground fraction. */
	public SamplingConfig withForegroundFraction(final double fraction) {
		return new SamplingConfig(patchSize, fraction, foreground);
	}

	/** This configuration with other foreground labels. */
	public SamplingConfig withForeground(final Foreground labels) {
		return new SamplingConfig(patchSize, foregroundFraction, labels);
	}

	/** The JSON form (see the class description). */
	public JsonObject toJson() {
		final JsonObject json = new JsonObject();
		final JsonArray size = new JsonArray();
		for (final int s : patchSize) size.add(s);
		json.add(PATCH_SIZE, size);
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
				"' (known: " + PATCH_SIZE + ", " + FRACTION + ", " + FOREGROUND + ")");
		}
		final int[] size = json.has(PATCH_SIZE) ? sizes(json.get(PATCH_SIZE)) : DEFAULT.patchSize;
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
		return new SamplingConfig(size, fraction, labels);
	}

	private static int[] sizes(final JsonElement e) {
		if (!e.isJsonArray()) throw new BadInputException(PATCH_SIZE + ": must be an array of 3 integers, got " + e);
		final JsonArray array = e.getAsJsonArray();
		final int[] size = new int[array.size()];
		for (int i = 0; i < size.length; i++) {
			final Number n = number(array.get(i), PATCH_SIZE);
			if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
				throw new BadInputException(PATCH_SIZE + ": must be integers, got " + e);
			}
			size[i] = n.intValue();
		}
		return size;
	}

	private static Number number(final JsonElement e, final String member) {
		if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
			throw new BadInputException(member + ": must be a number, got " + e);
		}
		return e.getAsNumber();
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof SamplingConfig c && Arrays.equals(patchSize, c.patchSize) &&
			Double.compare(foregroundFraction, c.foregroundFraction) == 0 && foreground == c.foreground;
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(patchSize) * 31 * 31 + Double.hashCode(foregroundFraction) * 31 + foreground.hashCode();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "patch %d×%d×%d, foreground fraction %s (%s)", patchSize[0], patchSize[1],
			patchSize[2], foregroundFraction, foreground.key());
	}
}
