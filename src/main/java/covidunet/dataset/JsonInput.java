package covidunet.dataset;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.io.JsonFiles;

/**
 * A JSON file being read, for messages that name it: the parsed document and typed access to
 * its members, every problem a {@link BadInputException} starting with the file's path.
 */
final class JsonInput {

	private final Path file;
	private final JsonObject root;

	private JsonInput(final Path file, final JsonObject root) {
		this.file = file;
		this.root = root;
	}

	/**
	 * Reads a file whose top level is a JSON object.
	 *
	 * @throws BadInputException naming the file if it cannot be read or is not a JSON object
	 */
	static JsonInput read(final Path file) {
		final JsonElement root = JsonFiles.parse(file);
		if (!root.isJsonObject()) throw bad(file, "not a JSON object", null);
		return new JsonInput(file, root.getAsJsonObject());
	}

	/** The top-level object. */
	JsonObject root() {
		return root;
	}

	/** A problem with the file, as one line naming it. */
	BadInputException bad(final String problem) {
		return bad(file, problem, null);
	}

	/** A problem with the file, as one line naming it, caused by {@code cause}. */
	BadInputException bad(final String problem, final Throwable cause) {
		return bad(file, problem, cause);
	}

	private static BadInputException bad(final Path file, final String problem, final Throwable cause) {
		return new BadInputException(file + ": " + problem, cause);
	}

	/** A member that must be present. */
	JsonElement member(final JsonObject object, final String key, final String where) {
		final JsonElement value = object.get(key);
		if (value == null || value.isJsonNull()) throw bad(where + " has no '" + key + "'");
		return value;
	}

	/** A member that must be a string. */
	String string(final JsonObject object, final String key, final String where) {
		final JsonElement value = member(object, key, where);
		if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
			throw bad(where + ": '" + key + "' is not a string");
		}
		return value.getAsString();
	}

	/** A member that must be an integer that fits a long. */
	long integer(final JsonObject object, final String key, final String where) {
		final JsonElement value = member(object, key, where);
		if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
			try {
				return new BigDecimal(value.getAsString()).longValueExact();
			}
			catch (final ArithmeticException | NumberFormatException e) {
				// reported below
			}
		}
		throw bad(where + ": '" + key + "' is not an integer");
	}

	/** A member that must be an object. */
	JsonObject object(final JsonObject object, final String key, final String where) {
		final JsonElement value = member(object, key, where);
		if (!value.isJsonObject()) throw bad(where + ": '" + key + "' is not an object");
		return value.getAsJsonObject();
	}

	/** A member that must be an array of objects. */
	List<JsonObject> objects(final JsonObject object, final String key, final String where) {
		final JsonElement value = member(object, key, where);
		final List<JsonObject> objects = new ArrayList<>();
		if (value.isJsonArray()) {
			for (final JsonElement e : value.getAsJsonArray()) {
				if (!e.isJsonObject()) break;
				objects.add(e.getAsJsonObject());
			}
			if (objects.size() == value.getAsJsonArray().size()) return objects;
		}
		throw bad(where + ": '" + key + "' is not a list of objects");
	}

	/** A member that must be an array of strings. */
	List<String> strings(final JsonObject object, final String key, final String where) {
		final JsonElement value = member(object, key, where);
		final List<String> strings = new ArrayList<>();
		if (value.isJsonArray()) {
			for (final JsonElement e : value.getAsJsonArray()) {
				if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) break;
				strings.add(e.getAsString());
			}
			if (strings.size() == value.getAsJsonArray().size()) return strings;
		}
		throw bad(where + ": '" + key + "' is not a list of strings");
	}
}
