package covidunet.model.net;

import java.util.LinkedHashSet;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;
import covidunet.io.JsonFiles;

/**
 * The shape of a 3D U-Net and of its training batches. Always valid: the constructor checks every
 * parameter and throws a one-line {@link BadInputException} naming it.
 *
 * @param levels resolution levels, i.e. max-poolings + 1 (the reference's "depth 4" is 5 levels)
 * @param baseFilters filters of the first level; each level below doubles them
 * @param norm the normalisation after each convolution's ReLU
 * @param classes output classes, background included
 * @param patchX patch side along x (image width); all sides divisible by 2^(levels − 1)
 * @param patchY patch side along y
 * @param patchZ patch side along z (slices)
 * @param batchSize patches per training step
 * @param momentum batch-normalisation momentum in Keras terms (moving = m · moving + (1 − m) · batch)
 */
public record UNetConfig(int levels, int baseFilters, Norm norm, int classes, int patchX, int patchY, int patchZ,
	int batchSize, double momentum)
{

	/** The default number of classes: background, lung, infection… as docs/method.md's four. */
	public static final int DEFAULT_CLASSES = 4;

	/** The default batch-normalisation momentum (Keras' 0.99, the reference's). */
	public static final double DEFAULT_MOMENTUM = 0.99;

	/**
	 * The reference network (docs/method.md): depth 4 (5 levels), 32 base filters, batch norm,
	 * 160 × 160 × 80 patches, batch 2; 22,587,204 parameters (moving statistics included). For a
	 * GPU: on two CPU cores one training step takes 31 s and 14.7 GB of memory ({@code bench train}),
	 * a 150-step epoch about 80 minutes.
	 */
	public static final UNetConfig REFERENCE = new UNetConfig(5, 32, Norm.BATCH, DEFAULT_CLASSES, 160, 160, 80, 2,
		DEFAULT_MOMENTUM);

	/**
	 * The CPU default: 4 levels, 8 base filters (8/16/32/64), instance norm, 96 × 96 × 48 patches,
	 * batch 2; 351 k parameters. Chosen by measurement on two cores ({@code bench train}, the
	 * production loss and Adam): 0.77 s per step (1.14 M voxels/s), so a 150-step epoch takes about
	 * 2 minutes and a 10-minute training sees several hundred batches. The same patch with 16 base
	 * filters takes 1.8 s per step (2.4 × slower) and 64 × 64 × 32 patches with 16 filters 0.50 s but
	 * half the voxels per second and a field of view too small for the lungs' context. Instance
	 * norm because its statistics do not depend on a batch of two patches and it behaves the same
	 * in training and inference (batch norm costs the same time here).
	 */
	public static final UNetConfig CPU_DEFAULT = new UNetConfig(4, 8, Norm.INSTANCE, DEFAULT_CLASSES, 96, 96, 48, 2,
		DEFAULT_MOMENTUM);

	private static final String LEVELS = "levels", BASE = "base_filters", NORM = "norm", CLASSES = "classes",
			PATCH = "patch", BATCH = "batch_size", MOMENTUM = "momentum";
	private static final Set<String> KEYS = Set.of(LEVELS, BASE, NORM, CLASSES, PATCH, BATCH, MOMENTUM);

	/** Checks every parameter. */
	public UNetConfig {
		if (norm == null) throw new BadInputException(NORM + ": missing");
		if (levels < 1 || levels > 8) throw new BadInputException(LEVELS + ": " + levels + " must be 1 to 8");
		if (baseFilters < 1 || baseFilters > 1024) {
			throw new BadInputException(BASE + ": " + baseFilters + " must be 1 to 1024");
		}
		if (classes < 2 || classes > 255) throw new BadInputException(CLASSES + ": " + classes + " must be 2 to 255");
		if (batchSize < 1) throw new BadInputException(BATCH + ": " + batchSize + " must be at least 1");
		if (!(momentum >= 0 && momentum < 1)) {
			throw new BadInputException(MOMENTUM + ": " + momentum + " must be in [0, 1)");
		}
		final int divisor = 1 << (levels - 1);
		for (final int side : new int[] { patchX, patchY, patchZ }) {
			if (side < 1) throw new BadInputException(PATCH + ": " + side + " must be positive");
			if (side % divisor != 0) {
				throw new BadInputException(PATCH + ": " + side + " is not divisible by " + divisor + " (levels " +
					levels + ")");
			}
		}
	}

	/** The patch size (x, y, z). */
	public int[] patch() {
		return new int[] { patchX, patchY, patchZ };
	}

	/** Voxels of one patch. */
	public long patchVoxels() {
		return (long) patchX * patchY * patchZ;
	}

	/** Filters at {@code level} (0 = full resolution): base · 2^level. */
	public int filters(final int level) {
		return baseFilters << level;
	}

	/** This configuration with another patch size (x, y, z). */
	public UNetConfig withPatch(final int x, final int y, final int z) {
		return new UNetConfig(levels, baseFilters, norm, classes, x, y, z, batchSize, momentum);
	}

	/** This configuration with another batch size. */
	public UNetConfig withBatchSize(final int n) {
		return new UNetConfig(levels, baseFilters, norm, classes, patchX, patchY, patchZ, n, momentum);
	}

	/** The configuration as a JSON object (snake_case keys, patch as [x, y, z]). */
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty(LEVELS, levels);
		o.addProperty(BASE, baseFilters);
		o.addProperty(NORM, norm.key());
		o.addProperty(CLASSES, classes);
		o.add(PATCH, JsonFiles.array(patch()));
		o.addProperty(BATCH, batchSize);
		o.addProperty(MOMENTUM, momentum);
		return o;
	}

	/**
	 * Reads a configuration written by {@link #toJson()}.
	 *
	 * @throws BadInputException naming the key if one is missing, unknown or of the wrong type,
	 *           or the parameter if its value is impossible
	 */
	public static UNetConfig fromJson(final JsonObject o) {
		if (o.has("type") && o.get("type").isJsonPrimitive() && o.get("type").getAsString().equals("keras")) {
			throw new BadInputException("network: an imported Keras model, not this project's U-Net; it segments, " +
				"but it cannot be trained further or fine-tuned here");
		}
		final Set<String> unknown = new LinkedHashSet<>(o.keySet());
		unknown.removeAll(KEYS);
		if (!unknown.isEmpty()) throw new BadInputException("network: unknown key '" + unknown.iterator().next() + "'");
		final JsonElement p = member(o, PATCH);
		if (!p.isJsonArray() || p.getAsJsonArray().size() != 3) {
			throw new BadInputException("network: '" + PATCH + "' must be an array of 3 integers (x, y, z)");
		}
		final JsonArray patch = p.getAsJsonArray();
		final JsonElement norm = member(o, NORM);
		if (!(norm instanceof JsonPrimitive n) || !n.isString()) {
			throw new BadInputException("network: '" + NORM + "' must be a string");
		}
		return new UNetConfig(integer(member(o, LEVELS), LEVELS), integer(member(o, BASE), BASE), Norm.of(n
			.getAsString(), NORM), integer(member(o, CLASSES), CLASSES), integer(patch.get(0), PATCH), integer(patch
				.get(1), PATCH), integer(patch.get(2), PATCH), integer(member(o, BATCH), BATCH), number(member(o,
					MOMENTUM), MOMENTUM));
	}

	private static JsonElement member(final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) throw new BadInputException("network: missing '" + key + "'");
		return e;
	}

	private static double number(final JsonElement e, final String key) {
		if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
			throw new BadInputException("network: '" + key + "' must be a number");
		}
		return p.getAsDouble();
	}

	private static int integer(final JsonElement e, final String key) {
		final double v = number(e, key);
		if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
			throw new BadInputException("network: '" + key + "' must be an integer");
		}
		return (int) v;
	}
}
