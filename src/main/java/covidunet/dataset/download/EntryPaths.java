package covidunet.dataset.download;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a zip entry's name and turns it into a path relative to the extraction target. Refused:
 * an empty name, absolute paths ({@code /x}, {@code C:x}), backslashes (Windows separators that
 * would mean something else on Windows), colons (drive letters, Windows streams), NUL characters
 * and any {@code ..} part, even one that would stay inside the target after normalisation.
 */
final class EntryPaths {

	private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*", Pattern.DOTALL);

	private EntryPaths() {}

	/**
	 * The path, {@code /}-separated, without {@code .} and empty parts and without a trailing
	 * {@code /}; empty for a name such as {@code ./}.
	 *
	 * @throws IllegalArgumentException whose message says what is wrong with the name
	 */
	static String normalise(final String name) {
		if (name.isEmpty()) throw new IllegalArgumentException("has an empty name");
		if (name.startsWith("/")) throw new IllegalArgumentException("is an absolute path");
		if (DRIVE.matcher(name).matches()) throw new IllegalArgumentException("is an absolute path (a drive letter)");
		if (name.indexOf('\\') >= 0) throw new IllegalArgumentException("has a backslash (a Windows path)");
		if (name.indexOf(':') >= 0) throw new IllegalArgumentException("has a colon");
		if (name.indexOf('\0') >= 0) throw new IllegalArgumentException("has a NUL character");
		final List<String> parts = new ArrayList<>();
		for (final String part : name.split("/")) {
			if (part.equals("..")) throw new IllegalArgumentException("escapes the target folder (..)");
			if (!part.isEmpty() && !part.equals(".")) parts.add(part);
		}
		return String.join("/", parts);
	}

	/**
	 * What a case-insensitive, Unicode-normalising file system (Windows; macOS, where {@code é}
	 * typed two ways is one name) keeps of a normalised path: two entries with the same key would
	 * be one file there.
	 */
	static String key(final String path) {
		final String composed = Normalizer.normalize(path, Normalizer.Form.NFC);
		return Normalizer.normalize(composed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
	}

	/** The name with control characters escaped, so that a message stays on one line. */
	static String printable(final String name) {
		final StringBuilder s = new StringBuilder();
		for (final char c : name.toCharArray()) {
			if (Character.isISOControl(c)) s.append(String.format("\\u%04x", (int) c));
			else s.append(c);
		}
		return s.toString();
	}
}
