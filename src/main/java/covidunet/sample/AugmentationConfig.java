package covidunet.sample;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;

/**
 * The probabilities and ranges of the training augmentation (docs/method.md, "Training samples and
 * augmentation"; batchgenerators semantics). {@link #reference()} holds the reference pipeline's
 * values; it is saved with every model as JSON ({@link #toJson()}, {@link #fromJson}).
 * <p>
 * Ranges marked "split at 1" are drawn as batchgenerators draws them: with probability ½ from
 * U(low, 1), else from U(1, high), so that shrinking and growing are equally likely however
 * asymmetric the range is. Their {@code low} must not exceed 1 nor {@code high} be below it.
 *
 * @param mirrorProbability probability of mirroring, for each axis independently
 * @param contrastProbability probability of the contrast change
 * @param contrastFactor contrast factor about the mean, split at 1; the patch's range is kept
 * @param brightnessProbability probability of the multiplicative brightness change
 * @param brightnessFactor brightness multiplier, uniform
 * @param gammaProbability probability of the gamma change
 * @param gamma gamma exponent on the patch range normalised to [0, 1], split at 1; mean and
 *        standard deviation retained
 * @param noiseProbability probability of additive Gaussian noise
 * @param noiseSigma standard deviation of the noise, uniform
 * @param elasticProbability probability of the elastic deformation
 * @param elasticAlpha magnitude of the elastic field (voxels × the smoothing's normalisation), uniform
 * @param elasticSigma smoothing of the elastic field in voxels, uniform
 * @param rotationProbability probability of the rotation
 * @param rotationDegrees largest rotation about each axis in degrees; angles are U(−d, d)
 * @param scalingProbability probability of the isotropic scaling
 * @param scale factor of the sampling grid, split at 1 (above 1 shows more of the volume, so
 *        objects look smaller)
 * @param scanEndProbability probability that the patch shows a scan's end: its slices beyond a
 *        uniformly drawn plane across z, on a side drawn with equal odds, repeat the slice next to
 *        the plane (image and labels), as inference pads a scan shorter than its window. Not in
 *        the reference; it teaches a network trained on whole chests that a scan may end
 *        anywhere, e.g. just above the lung bases.
 */
public record AugmentationConfig(double mirrorProbability,
	double contrastProbability, Range contrastFactor,
	double brightnessProbability, Range brightnessFactor,
	double gammaProbability, Range gamma,
	double noiseProbability, Range noiseSigma,
	double elasticProbability, Range elasticAlpha, Range elasticSigma,
	double rotationProbability, double rotationDegrees,
	double scalingProbability, Range scale,
	double scanEndProbability)
{

	private static final String SCAN_END = "scan_end";

	/** The operations, in the order in which their random numbers are drawn. */
	public enum Operation {
		/** Mirroring (each axis). */
		MIRROR,
		/** Contrast about the mean, range preserved. */
		CONTRAST,
		/** Multiplicative brightness. */
		BRIGHTNESS,
		/** Gamma with mean and standard deviation retained. */
		GAMMA,
		/** Additive Gaussian noise. */
		NOISE,
		/** Elastic deformation. */
		ELASTIC,
		/** Rotation about x, y and z. */
		ROTATION,
		/** Isotropic scaling. */
		SCALING,
		/** A scan's end inside the patch. */
		SCAN_END;

		/** The operation's name in JSON and messages. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * A closed interval of a uniform draw.
	 *
	 * @param low the smallest value
	 * @param high the largest value
	 */
	public record Range(double low, double high) {

		@Override
		public String toString() {
			return "[" + low + ", " + high + "]";
		}
	}

	/** @throws BadInputException naming the first parameter out of its bounds */
	public AugmentationConfig {
		probability("mirror", mirrorProbability);
		probability("contrast", contrastProbability);
		splitRange("contrast.factor", contrastFactor);
		probability("brightness", brightnessProbability);
		range("brightness.factor", brightnessFactor, 0, Double.MAX_VALUE);
		probability("gamma", gammaProbability);
		splitRange("gamma.gamma", gamma);
		probability("noise", noiseProbability);
		range("noise.sigma", noiseSigma, 0, Double.MAX_VALUE);
		probability("elastic", elasticProbability);
		range("elastic.alpha", elasticAlpha, 0, Double.MAX_VALUE);
		range("elastic.sigma", elasticSigma, Double.MIN_VALUE, Double.MAX_VALUE);
		probability("rotation", rotationProbability);
		if (!(rotationDegrees >= 0 && rotationDegrees <= 180)) {
			throw bad("rotation.degrees is " + rotationDegrees + ", must be in [0, 180]");
		}
		probability("scaling", scalingProbability);
		splitRange("scaling.scale", scale);
		probability("scan_end", scanEndProbability);
	}

	/** The reference pipeline's augmentation (docs/method.md). */
	public static AugmentationConfig reference() {
		return new AugmentationConfig(0.5,
			0.15, new Range(0.3, 3),
			0.15, new Range(0.5, 2),
			0.15, new Range(0.7, 1.5),
			0.15, new Range(0, 0.05),
			0.15, new Range(0, 900), new Range(9, 13),
			0.15, 15,
			0.15, new Range(0.85, 1.25),
			0);
	}

	/** The reference ranges with every probability 0: a plain crop (validation patches). */
	public static AugmentationConfig none() {
		return reference().withOnly();
	}

	/** The probability of {@code operation} (for {@link Operation#MIRROR}: of each axis). */
	public double probability(final Operation operation) {
		return switch (operation) {
			case MIRROR -> mirrorProbability;
			case CONTRAST -> contrastProbability;
			case BRIGHTNESS -> brightnessProbability;
			case GAMMA -> gammaProbability;
			case NOISE -> noiseProbability;
			case ELASTIC -> elasticProbability;
			case ROTATION -> rotationProbability;
			case SCALING -> scalingProbability;
			case SCAN_END -> scanEndProbability;
		};
	}

	/** A copy with the probability of {@code operation} replaced. */
	public AugmentationConfig withProbability(final Operation operation, final double p) {
		final double[] ps = new double[Operation.values().length];
		for (final Operation o : Operation.values()) ps[o.ordinal()] = o == operation ? p : probability(o);
		return withProbabilities(ps);
	}

	/** A copy in which {@code operations} always happen and the others never (same ranges). */
	public AugmentationConfig withOnly(final Operation... operations) {
		final Set<Operation> on = operations.length == 0 ? EnumSet.noneOf(Operation.class) : EnumSet.of(operations[0],
			operations);
		final double[] ps = new double[Operation.values().length];
		for (final Operation o : on) ps[o.ordinal()] = 1;
		return withProbabilities(ps);
	}

	private AugmentationConfig withProbabilities(final double[] p) {
		return new AugmentationConfig(p[0], p[1], contrastFactor, p[2], brightnessFactor, p[3], gamma, p[4], noiseSigma,
			p[5], elasticAlpha, elasticSigma, p[6], rotationDegrees, p[7], scale, p[8]);
	}

	/**
	 * This configuration as a JSON object, one member per operation, e.g.
	 * {@code "contrast": {"probability": 0.15, "factor": [0.3, 3.0]}}.
	 */
	public JsonObject toJson() {
		final JsonObject json = new JsonObject();
		json.add("mirror", op(mirrorProbability));
		json.add("contrast", op(contrastProbability, "factor", contrastFactor));
		json.add("brightness", op(brightnessProbability, "factor", brightnessFactor));
		json.add("gamma", op(gammaProbability, "gamma", gamma));
		json.add("noise", op(noiseProbability, "sigma", noiseSigma));
		final JsonObject elastic = op(elasticProbability, "alpha", elasticAlpha);
		elastic.add("sigma", range(elasticSigma));
		json.add("elastic", elastic);
		final JsonObject rotation = op(rotationProbability);
		rotation.addProperty("degrees", rotationDegrees);
		json.add("rotation", rotation);
		json.add("scaling", op(scalingProbability, "scale", scale));
		json.add("scan_end", op(scanEndProbability));
		return json;
	}

	/**
	 * Reads what {@link #toJson()} writes; every member is required and no other is allowed, except
	 * {@code scan_end}, which files written before it existed lack (probability 0).
	 *
	 * @throws BadInputException naming the first missing, unknown or out-of-bounds parameter
	 */
	public static AugmentationConfig fromJson(final JsonElement json) {
		final JsonObject root = object(json, "the configuration");
		final Map<String, Set<String>> members = Map.of("mirror", Set.of("probability"),
			"contrast", Set.of("probability", "factor"), "brightness", Set.of("probability", "factor"),
			"gamma", Set.of("probability", "gamma"), "noise", Set.of("probability", "sigma"),
			"elastic", Set.of("probability", "alpha", "sigma"), "rotation", Set.of("probability", "degrees"),
			"scaling", Set.of("probability", "scale"), SCAN_END, Set.of("probability"));
		checkMembers(root, members.keySet(), Set.of(SCAN_END), "the configuration");
		for (final Map.Entry<String, Set<String>> e : members.entrySet()) {
			if (root.has(e.getKey())) checkMembers(object(root.get(e.getKey()), e.getKey()), e.getValue(), e.getKey());
		}
		return new AugmentationConfig(number(root, "mirror", "probability"),
			number(root, "contrast", "probability"), range(root, "contrast", "factor"),
			number(root, "brightness", "probability"), range(root, "brightness", "factor"),
			number(root, "gamma", "probability"), range(root, "gamma", "gamma"),
			number(root, "noise", "probability"), range(root, "noise", "sigma"),
			number(root, "elastic", "probability"), range(root, "elastic", "alpha"), range(root, "elastic", "sigma"),
			number(root, "rotation", "probability"), number(root, "rotation", "degrees"),
			number(root, "scaling", "probability"), range(root, "scaling", "scale"),
			root.has(SCAN_END) ? number(root, SCAN_END, "probability") : 0);
	}

	private static JsonObject op(final double probability) {
		final JsonObject o = new JsonObject();
		o.addProperty("probability", probability);
		return o;
	}

	private static JsonObject op(final double probability, final String key, final Range range) {
		final JsonObject o = op(probability);
		o.add(key, range(range));
		return o;
	}

	private static JsonArray range(final Range range) {
		final JsonArray a = new JsonArray();
		a.add(range.low());
		a.add(range.high());
		return a;
	}

	private static JsonObject object(final JsonElement json, final String name) {
		if (json == null || !json.isJsonObject()) throw bad(name + " is not a JSON object");
		return json.getAsJsonObject();
	}

	private static void checkMembers(final JsonObject object, final Set<String> expected, final String name) {
		checkMembers(object, expected, Set.of(), name);
	}

	private static void checkMembers(final JsonObject object, final Set<String> expected, final Set<String> optional,
		final String name)
	{
		for (final String key : object.keySet()) {
			if (!expected.contains(key)) throw bad(name + " has an unknown member '" + key + "'");
		}
		for (final String key : expected) {
			if (!object.has(key) && !optional.contains(key)) throw bad(name + " has no '" + key + "'");
		}
	}

	private static double number(final JsonObject root, final String op, final String key) {
		return number(root.getAsJsonObject(op).get(key), op + "." + key);
	}

	private static double number(final JsonElement e, final String name) {
		if (e instanceof JsonPrimitive p && p.isNumber()) return p.getAsDouble();
		throw bad(name + " is not a number");
	}

	private static Range range(final JsonObject root, final String op, final String key) {
		final JsonElement e = root.getAsJsonObject(op).get(key);
		final String name = op + "." + key;
		if (!e.isJsonArray() || e.getAsJsonArray().size() != 2) throw bad(name + " is not a pair [low, high]");
		return new Range(number(e.getAsJsonArray().get(0), name), number(e.getAsJsonArray().get(1), name));
	}

	private static void probability(final String name, final double p) {
		if (!(p >= 0 && p <= 1)) throw bad(name + ".probability is " + p + ", must be in [0, 1]");
	}

	private static void range(final String name, final Range r, final double min, final double max) {
		if (r == null) throw bad(name + " is missing");
		if (!(r.low() >= min && r.high() <= max && r.low() <= r.high())) {
			final String from = min == Double.MIN_VALUE ? "(0" : "[" + min;
			final String to = max == Double.MAX_VALUE ? "∞)" : max + "]";
			throw bad(name + " is " + r + ", must be an ordered range within " + from + ", " + to);
		}
	}

	private static void splitRange(final String name, final Range r) {
		range(name, r, Double.MIN_VALUE, Double.MAX_VALUE);
		if (!(r.low() <= 1 && r.high() >= 1)) {
			throw bad(name + " is " + r + ", must satisfy 0 < low ≤ 1 ≤ high");
		}
	}

	private static BadInputException bad(final String problem) {
		return new BadInputException("augmentation: " + problem);
	}
}
