package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import covidunet.BadInputException;
import covidunet.cli.InfoSubcommand;
import covidunet.io.Volume;

/**
 * Everything a user can do with a NIfTI file — read its header, read its volume, run
 * {@code info} on it — each of which must end in a value or a {@link BadInputException} whose
 * message is one line starting with the file's path. The three must agree: the volume and
 * {@code info} succeed together, with the header's dims, or fail with the same message, the
 * header's if the header itself is bad.
 */
final class ReaderOracle {

	private ReaderOracle() {}

	/**
	 * Reads a file every way and checks the outcomes.
	 *
	 * @return {@code "value"} or the error message
	 * @throws AssertionError if an outcome breaks the rules above; any other exception or error
	 *           than {@link BadInputException} passes through as it was thrown
	 */
	static String check(final Path file) {
		NiftiHeader header = null;
		String headerError = null;
		try {
			header = NiftiReader.readHeader(file);
		}
		catch (final BadInputException e) {
			headerError = clear(e, file);
		}
		Volume<?> volume = null;
		String readError = null;
		try {
			volume = NiftiReader.read(file);
		}
		catch (final BadInputException e) {
			readError = clear(e, file);
		}
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		String infoError = null;
		try {
			InfoSubcommand.run(Map.of("input", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
		}
		catch (final BadInputException e) {
			infoError = clear(e, file);
		}
		if (headerError != null) {
			assertEquals(headerError, readError, "reading the volume fails as reading the header did");
		}
		assertEquals(readError, infoError, "info fails exactly when reading the volume does");
		if (volume == null) return readError;
		assertArrayEquals(header.dims(), volume.geometry().dims(), "the volume has the header's dims");
		final JsonArray dims = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject()
			.getAsJsonArray("dims");
		for (int d = 0; d < 3; d++) assertEquals(header.dims()[d], dims.get(d).getAsLong(), "info's dims");
		return "value";
	}

	private static String clear(final BadInputException e, final Path file) {
		final String message = e.getMessage();
		assertTrue(message.startsWith(file + ": "), "the message names the file: " + message);
		assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
		return message;
	}
}
