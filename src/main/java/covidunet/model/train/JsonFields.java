package covidunet.model.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;

/**
 * Reads and writes the numbers of the training state's JSON. A best value that is still
 * +∞ (nothing seen yet) is written as {@code null}, since JSON has no infinity.
 */
final class JsonFields {

	private JsonFields() {}

	/** The best value as JSON: the number, or {@code null} for +∞. */
	static JsonElement best(final double value) {
		return value == Double.POSITIVE_INFINITY ? JsonNull.INSTANCE : new JsonPrimitive(value);
	}

	/** The best value written by {@link #best(double)}; {@code null} reads as +∞. */
	static double best(final JsonObject json, final String name) {
		if (json.has(name) && json.get(name).isJsonNull()) return Double.POSITIVE_INFINITY;
		return number(json, name);
	}

	/** A finite number. */
	static double number(final JsonObject json, final String name) {
		final JsonPrimitive p = primitive(json, name);
		final double value = p.getAsDouble();
		if (!Double.isFinite(value)) throw new BadInputException("\"" + name + "\" is not a finite number");
		return value;
	}

	/** A whole number that fits a long. */
	static long integer(final JsonObject json, final String name) {
		final JsonPrimitive p = primitive(json, name);
		try {
			return p.getAsBigDecimal().longValueExact();
		}
		catch (final ArithmeticException e) {
			throw new BadInputException("\"" + name + "\" is not a whole number", e);
		}
	}

	/** A non-negative whole number that fits an int. */
	static int count(final JsonObject json, final String name) {
		final long value = integer(json, name);
		if (value < 0 || value > Integer.MAX_VALUE) throw new BadInputException("\"" + name + "\" is out of range");
		return (int) value;
	}

	/** An object. */
	static JsonObject object(final JsonObject json, final String name) {
		final JsonElement e = json.get(name);
		if (e == null || !e.isJsonObject()) throw new BadInputException("\"" + name + "\" is missing or not an object");
		return e.getAsJsonObject();
	}

	private static JsonPrimitive primitive(final JsonObject json, final String name) {
		final JsonElement e = json.get(name);
		if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
			throw new BadInputException("\"" + name + "\" is missing or not a number");
		}
		return e.getAsJsonPrimitive();
	}
}
