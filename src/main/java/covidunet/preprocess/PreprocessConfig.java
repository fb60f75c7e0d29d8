package covidunet.preprocess;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;

/**
 * Every parameter of preprocessing (docs/method.md, Preprocessing), saved with each model and part
 * of each cache key. The defaults, {@link #REFERENCE}, are the reference's: clip to
 * [−1250, 250] HU, min–max to [0, 255] per volume, resample to 1.58 × 1.58 × 2.70 mm (cubic
 * image, per-label linear labels), z-score per volume; ours adds the canonical orientation RAS
 * and maps 0–255 images back to the HU window.
 * <p>
 * Instances are immutable: {@code with…} methods return changed copies. The constructor accepts
 * any values; {@link #validate()} refuses impossible ones.
 *
 * @param clipLow the lower end of the HU window, also the value 0 of a 0–255 image
 * @param clipHigh the upper end of the HU window, also the value 255 of a 0–255 image
 * @param rescaleLow the value the volume's minimum (or the window's low end) is mapped to after
 *          clipping
 * @param rescaleHigh the value the volume's maximum (or the window's high end) is mapped to after
 *          clipping
 * @param zScore whether the resampled volume is z-scored (mean 0, standard deviation 1)
 * @param targetSpacing voxel size along x, y, z in mm after resampling
 * @param imageInterpolation how the image is resampled
 * @param labelInterpolation how the labels are resampled
 * @param orientation the canonical orientation code, e.g. {@code RAS}, or
 *          {@value Reorientation#AS_STORED} for the voxel axes as stored
 * @param mapBack0255 whether 0–255 images are mapped back to the HU window before clipping
 * @param rescaleRange which range is mapped onto [{@code rescaleLow}, {@code rescaleHigh}]: the
 *          volume's (the reference) or the HU window's (independent of the field of view); JSON
 *          without the key means the volume's
 */
public record PreprocessConfig(double clipLow, double clipHigh, double rescaleLow, double rescaleHigh,
	boolean zScore, double[] targetSpacing, ImageInterpolation imageInterpolation,
	LabelInterpolation labelInterpolation, String orientation, boolean mapBack0255, RescaleRange rescaleRange)
{

	/** The reference's preprocessing, with our canonical orientation and 0–255 mapping. */
	public static final PreprocessConfig REFERENCE = new PreprocessConfig(-1250, 250, 0, 255, true,
		new double[] { 1.58, 1.58, 2.70 }, ImageInterpolation.CUBIC, LabelInterpolation.LINEAR_PER_LABEL, "RAS", true,
		RescaleRange.VOLUME);

	private static final String CLIP_LOW = "clip_low", CLIP_HIGH = "clip_high", RESCALE_LOW = "rescale_low",
		RESCALE_HIGH = "rescale_high", Z_SCORE = "z_score", TARGET_SPACING = "target_spacing",
		IMAGE_INTERPOLATION = "image_interpolation", LABEL_INTERPOLATION = "label_interpolation",
		ORIENTATION = "orientation", MAP_BACK = "map_back_0_255", RESCALE_RANGE = "rescale_range";

	private static final Set<String> KEYS = Set.of(CLIP_LOW, CLIP_HIGH, RESCALE_LOW, RESCALE_HIGH, Z_SCORE,
		TARGET_SPACING, IMAGE_INTERPOLATION, LABEL_INTERPOLATION, ORIENTATION, MAP_BACK, RESCALE_RANGE);

	/** Copies the spacing; refuses null components. */
	public PreprocessConfig {
		Objects.requireNonNull(targetSpacing, "targetSpacing");
		Objects.requireNonNull(imageInterpolation, "imageInterpolation");
		Objects.requireNonNull(labelInterpolation, "labelInterpolation");
		Objects.requireNonNull(orientation, "orientation");
		Objects.requireNonNull(rescaleRange, "rescaleRange");
		targetSpacing = targetSpacing.clone();
	}

	/** Voxel size along x, y, z in mm after resampling (a copy). */
	@Override
	public double[] targetSpacing() {
		return targetSpacing.clone();
	}

	/** A builder that starts from this configuration. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** Builds a {@link PreprocessConfig} from another one, changing what is set. */
	public static final class Builder {

		private double clipLow, clipHigh, rescaleLow, rescaleHigh;
		private boolean zScore, mapBack0255;
		private double[] targetSpacing;
		private ImageInterpolation imageInterpolation;
		private LabelInterpolation labelInterpolation;
		private String orientation;
		private RescaleRange rescaleRange;

		private Builder(final PreprocessConfig c) {
			clipLow = c.clipLow;
			clipHigh = c.clipHigh;
			rescaleLow = c.rescaleLow;
			rescaleHigh = c.rescaleHigh;
			zScore = c.zScore;
			targetSpacing = c.targetSpacing;
			imageInterpolation = c.imageInterpolation;
			labelInterpolation = c.labelInterpolation;
			orientation = c.orientation;
			mapBack0255 = c.mapBack0255;
			rescaleRange = c.rescaleRange;
		}

		/** The HU window. */
		public Builder clip(final double low, final double high) {
			clipLow = low;
			clipHigh = high;
			return this;
		}

		/** The min–max range. */
		public Builder rescale(final double low, final double high) {
			rescaleLow = low;
			rescaleHigh = high;
			return this;
		}

		/** With or without the final z-score. */
		public Builder zScore(final boolean on) {
			zScore = on;
			return this;
		}

		/** The target spacing (x, y, z in mm). */
		public Builder targetSpacing(final double... spacing) {
			targetSpacing = spacing;
			return this;
		}

		/** The image interpolation. */
		public Builder imageInterpolation(final ImageInterpolation interpolation) {
			imageInterpolation = interpolation;
			return this;
		}

		/** The label interpolation. */
		public Builder labelInterpolation(final LabelInterpolation interpolation) {
			labelInterpolation = interpolation;
			return this;
		}

		/** The canonical orientation code. */
		public Builder orientation(final String code) {
			orientation = code;
			return this;
		}

		/** Whether 0–255 images are mapped back to the HU window. */
		public Builder mapBack0255(final boolean on) {
			mapBack0255 = on;
			return this;
		}

		/** The range mapped onto the rescale range. */
		public Builder rescaleRange(final RescaleRange range) {
			rescaleRange = range;
			return this;
		}

		/** The configuration, not yet {@linkplain PreprocessConfig#validate() validated}. */
		public PreprocessConfig build() {
			return new PreprocessConfig(clipLow, clipHigh, rescaleLow, rescaleHigh, zScore, targetSpacing,
				imageInterpolation, labelInterpolation, orientation, mapBack0255, rescaleRange);
		}
	}

	/**
	 * Refuses impossible values.
	 *
	 * @return this configuration
	 * @throws BadInputException naming the parameter: a window or range that is not finite and
	 *           increasing, a spacing that is not three positive finite numbers, or an
	 *           orientation code that is not three of R/L, A/P, S/I
	 */
	public PreprocessConfig validate() {
		increasing(CLIP_LOW, clipLow, CLIP_HIGH, clipHigh);
		increasing(RESCALE_LOW, rescaleLow, RESCALE_HIGH, rescaleHigh);
		if (targetSpacing.length != 3) {
			throw new BadInputException(TARGET_SPACING + ": " + targetSpacing.length + " values; expected 3 (x, y, z)");
		}
		for (final double s : targetSpacing) {
			if (!(s > 0) || Double.isInfinite(s)) {
				throw new BadInputException(TARGET_SPACING + ": " + Arrays.toString(targetSpacing) +
					" must be positive and finite");
			}
		}
		if (!Reorientation.isValidCode(orientation)) {
			throw new BadInputException(ORIENTATION + ": '" + orientation +
				"' is not an orientation code; expected one letter of R/L, A/P and S/I each, e.g. RAS, or " +
				Reorientation.AS_STORED);
		}
		return this;
	}

	private static void increasing(final String lowName, final double low, final String highName, final double high) {
		if (!Double.isFinite(low) || !Double.isFinite(high) || low >= high) {
			throw new BadInputException(lowName + ", " + highName + ": " + low + " and " + high +
				" must be finite with " + lowName + " < " + highName);
		}
	}

	/** The configuration as a JSON object, keys in a fixed order (snake_case). */
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty(CLIP_LOW, clipLow);
		o.addProperty(CLIP_HIGH, clipHigh);
		o.addProperty(RESCALE_LOW, rescaleLow);
		o.addProperty(RESCALE_HIGH, rescaleHigh);
		o.addProperty(Z_SCORE, zScore);
		final JsonArray spacing = new JsonArray();
		for (final double s : targetSpacing) spacing.add(s);
		o.add(TARGET_SPACING, spacing);
		o.addProperty(IMAGE_INTERPOLATION, imageInterpolation.key());
		o.addProperty(LABEL_INTERPOLATION, labelInterpolation.key());
		o.addProperty(ORIENTATION, orientation);
		o.addProperty(MAP_BACK, mapBack0255);
		o.addProperty(RESCALE_RANGE, rescaleRange.key());
		return o;
	}

	/** {@link #toJson()} as compact text: the same configuration always gives the same text. */
	public String canonicalJson() {
		return toJson().toString();
	}

	/**
	 * Reads a configuration written by {@link #toJson()} and validates it.
	 *
	 * @throws BadInputException naming the key if one is missing, unknown or of the wrong type,
	 *           or the parameter if its value is impossible
	 */
	public static PreprocessConfig fromJson(final JsonObject o) {
		final Set<String> unknown = new LinkedHashSet<>(o.keySet());
		unknown.removeAll(KEYS);
		if (!unknown.isEmpty()) {
			throw new BadInputException("preprocessing: unknown key" + (unknown.size() == 1 ? " " : "s ") +
				String.join(", ", unknown.stream().map(k -> "'" + k + "'").toList()));
		}
		final JsonElement spacing = member(o, TARGET_SPACING);
		if (!spacing.isJsonArray()) throw wrongType(TARGET_SPACING, "an array of 3 numbers");
		final JsonArray array = spacing.getAsJsonArray();
		final double[] target = new double[array.size()];
		for (int i = 0; i < target.length; i++) target[i] = number(array.get(i), TARGET_SPACING);
		final PreprocessConfig config = new PreprocessConfig(number(o, CLIP_LOW), number(o, CLIP_HIGH),
			number(o, RESCALE_LOW), number(o, RESCALE_HIGH), bool(o, Z_SCORE), target,
			choice(o, IMAGE_INTERPOLATION, ImageInterpolation.values()),
			choice(o, LABEL_INTERPOLATION, LabelInterpolation.values()), string(o, ORIENTATION), bool(o, MAP_BACK),
			o.has(RESCALE_RANGE) ? choice(o, RESCALE_RANGE, RescaleRange.values()) : RescaleRange.VOLUME);
		return config.validate();
	}

	private static JsonElement member(final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) throw new BadInputException("preprocessing: missing '" + key + "'");
		return e;
	}

	private static double number(final JsonObject o, final String key) {
		return number(member(o, key), key);
	}

	private static double number(final JsonElement e, final String key) {
		if (!(e instanceof JsonPrimitive p) || !p.isNumber()) throw wrongType(key, "a number");
		return p.getAsDouble();
	}

	private static boolean bool(final JsonObject o, final String key) {
		if (!(member(o, key) instanceof JsonPrimitive p) || !p.isBoolean()) throw wrongType(key, "true or false");
		return p.getAsBoolean();
	}

	private static String string(final JsonObject o, final String key) {
		if (!(member(o, key) instanceof JsonPrimitive p) || !p.isString()) throw wrongType(key, "a string");
		return p.getAsString();
	}

	private static <E extends Enum<E>> E choice(final JsonObject o, final String key, final E[] values) {
		final String name = string(o, key);
		for (final E v : values) {
			if (v.name().equalsIgnoreCase(name)) return v;
		}
		throw new BadInputException("preprocessing: " + key + " '" + name + "' is not one of " +
			String.join(", ", Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()));
	}

	private static BadInputException wrongType(final String key, final String expected) {
		return new BadInputException("preprocessing: '" + key + "' must be " + expected);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof PreprocessConfig c && canonicalJson().equals(c.canonicalJson());
	}

	@Override
	public int hashCode() {
		return canonicalJson().hashCode();
	}

	@Override
	public String toString() {
		return "PreprocessConfig" + canonicalJson();
	}
}
