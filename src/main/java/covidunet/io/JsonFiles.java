package covidunet.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import covidunet.BadInputException;

/** Reading JSON files with one-line messages that name the file, and writing JSON as people read it. */
public final class JsonFiles {

	private JsonFiles() {}

	/**
	 * Reads and parses a UTF-8 JSON file.
	 *
	 * @throws BadInputException {@code <file>: cannot read (…)} or {@code <file>: not valid JSON (…)}
	 */
	public static JsonElement parse(final Path file) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return JsonParser.parseReader(reader);
		}
		catch (final NoSuchFileException e) {
			throw new BadInputException(file + ": cannot read (no such file)", e);
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
		catch (final JsonParseException e) {
			final Throwable cause = e.getCause() != null ? e.getCause() : e;
			throw new BadInputException(file + ": not valid JSON (" + cause.getMessage() + ")", e);
		}
	}

	/** The values as a JSON array of numbers. */
	public static JsonArray array(final int... values) {
		final JsonArray array = new JsonArray();
		for (final int v : values) array.add(v);
		return array;
	}

	/** {@code json} as indented text (HTML characters as they are) ending with a line break. */
	public static String pretty(final JsonElement json) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
	}
}
