package covidunet.model.keras;

import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;

/**
 * One layer of a Keras model's graph: its class, name, configuration and the layers whose
 * outputs it takes, with typed access to its configuration. Every problem is one line naming the
 * file and the layer.
 *
 * @param file the model file, for messages
 * @param className the Keras class, e.g. {@code Conv3D}
 * @param name the layer's name, e.g. {@code conv3d_4}
 * @param config the layer's configuration
 * @param inputs the names of the layers whose outputs it takes, in order
 */
record KerasLayer(Path file, String className, String name, JsonObject config, List<String> inputs) {

	/** Whether the configuration has {@code key} with a non-null value. */
	boolean has(final String key) {
		return config.has(key) && !config.get(key).isJsonNull();
	}

	/** A string value. */
	String string(final String key, final String fallback) {
		if (!has(key)) return fallback;
		if (!(config.get(key) instanceof JsonPrimitive p) || !p.isString()) throw bad("'" + key + "' is not a string");
		return p.getAsString();
	}

	/** A boolean value. */
	boolean bool(final String key, final boolean fallback) {
		if (!has(key)) return fallback;
		if (!(config.get(key) instanceof JsonPrimitive p) || !p.isBoolean()) throw bad("'" + key + "' is not true or false");
		return p.getAsBoolean();
	}

	/** A number. */
	double number(final String key, final double fallback) {
		if (!has(key)) return fallback;
		if (!(config.get(key) instanceof JsonPrimitive p) || !p.isNumber()) throw bad("'" + key + "' is not a number");
		return p.getAsDouble();
	}

	/** A positive integer. */
	int positive(final String key) {
		if (!has(key)) throw bad("has no '" + key + "'");
		return positive(config.get(key), key);
	}

	/** Three positive integers, or one repeated three times; {@code fallback} if absent. */
	int[] triple(final String key, final int[] fallback) {
		if (!has(key)) {
			if (fallback == null) throw bad("has no '" + key + "'");
			return fallback.clone();
		}
		final JsonElement e = config.get(key);
		if (e.isJsonPrimitive()) {
			final int v = positive(e, key);
			return new int[] { v, v, v };
		}
		if (!e.isJsonArray()) throw bad("'" + key + "' must be 3 positive integers, not " + e);
		final JsonArray a = e.getAsJsonArray();
		if (a.size() != 3) throw bad("'" + key + "' has " + a.size() + " values; a 3-D layer needs 3");
		return new int[] { positive(a.get(0), key), positive(a.get(1), key), positive(a.get(2), key) };
	}

	/** An axis of a rank-5 tensor (0–4), from an integer or a one-element list; negative counts from the end. */
	int axis(final String key, final int fallback) {
		if (!has(key)) return fallback;
		JsonElement e = config.get(key);
		if (e.isJsonArray()) {
			if (e.getAsJsonArray().size() != 1) throw bad("'" + key + "' names " + e.getAsJsonArray().size() +
				" axes; only one is supported");
			e = e.getAsJsonArray().get(0);
		}
		if (!(e instanceof JsonPrimitive p) || !p.isNumber()) throw bad("'" + key + "' is not an axis");
		final int axis = p.getAsInt();
		final int normal = axis < 0 ? axis + 5 : axis;
		if (normal < 1 || normal > 4) throw bad("axis " + axis + " is not a channel or space axis of a 3-D tensor");
		return normal;
	}

	/** The layer's data format, which must be channels last (Keras' default). */
	void requireChannelsLast() {
		final String format = string("data_format", "channels_last");
		if (!format.equals("channels_last")) throw bad("data_format '" + format + "' is not supported (only channels_last)");
	}

	/** A one-line error naming the file and this layer. */
	BadInputException bad(final String problem) {
		return new BadInputException(file + ": layer '" + name + "' (" + className + ") " + problem);
	}

	private int positive(final JsonElement e, final String key) {
		if (!(e instanceof JsonPrimitive p) || !p.isNumber() || p.getAsDouble() != Math.rint(p.getAsDouble()) || p
			.getAsDouble() < 1 || p.getAsDouble() > 1 << 20)
		{
			throw bad("'" + key + "' must hold positive integers, not " + e);
		}
		return p.getAsInt();
	}
}
