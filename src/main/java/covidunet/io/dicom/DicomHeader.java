package covidunet.io.dicom;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import covidunet.BadInputException;

/**
 * Tag values of one DICOM file, from the header text ImageJ's DICOM reader writes: one line per
 * tag, {@code GGGG,EEEE  Name: value}, tags inside sequences marked with {@code >} (ignored here).
 */
final class DicomHeader {

	private static final int TAG_LENGTH = "0000,0000".length();

	private final Map<String, String> values = new HashMap<>();
	private final Path file;

	/**
	 * @param info the header text of {@code ij.plugin.DICOM#getInfo}
	 * @param file the file, named in errors
	 */
	DicomHeader(final String info, final Path file) {
		this.file = file;
		for (final String line : info.split("\n")) {
			final int colon = line.indexOf(':', TAG_LENGTH);
			if (colon < 0 || line.substring(TAG_LENGTH).trim().startsWith(">")) continue;
			values.putIfAbsent(line.substring(0, TAG_LENGTH), line.substring(colon + 1).trim());
		}
	}

	/** The tag's value without surrounding spaces, or {@code null} if the file lacks it or it is empty. */
	String text(final String tag) {
		final String value = values.get(tag);
		return value == null || value.isEmpty() ? null : value;
	}

	/**
	 * The tag's backslash-separated numbers, or {@code null} if the file lacks it.
	 *
	 * @param name the tag's name, for errors
	 * @throws BadInputException if the value is not {@code count} finite numbers
	 */
	double[] numbers(final String tag, final String name, final int count) {
		final String value = text(tag);
		if (value == null) return null;
		final String[] parts = value.split("\\\\");
		if (parts.length != count) throw invalid(tag, name, value);
		final double[] numbers = new double[count];
		try {
			for (int n = 0; n < count; n++) {
				numbers[n] = Double.parseDouble(parts[n].trim());
				if (!Double.isFinite(numbers[n])) throw invalid(tag, name, value);
			}
		}
		catch (final NumberFormatException e) {
			throw invalid(tag, name, value);
		}
		return numbers;
	}

	/**
	 * The tag's number, or {@code absent} if the file lacks it.
	 *
	 * @param name the tag's name, for errors
	 * @throws BadInputException if the value is not a number
	 */
	double number(final String tag, final String name, final double absent) {
		final double[] value = numbers(tag, name, 1);
		return value == null ? absent : value[0];
	}

	/**
	 * The tag's whole number.
	 *
	 * @param name the tag's name, for errors
	 * @throws BadInputException if the file lacks it or it is not a whole number
	 */
	int integer(final String tag, final String name) {
		final double value = number(tag, name, Double.NaN);
		if (Double.isNaN(value)) throw new BadInputException(file + ": has no " + name + " (" + tag + ")");
		if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) throw invalid(tag, name, text(tag));
		return (int) value;
	}

	/** An error naming the file, the tag and its unusable value. */
	BadInputException invalid(final String tag, final String name, final String value) {
		return new BadInputException(file + ": " + name + " (" + tag + ") is \"" + value + "\", which cannot be used");
	}
}
