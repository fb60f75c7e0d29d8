package covidunet.command.run;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.convert.ConvertService;
import org.scijava.log.Logger;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.ui.UserInterface;
import org.scijava.util.Types;

import covidunet.BadInputException;

/**
 * The options of a command: its inputs that a user sets (not services, the context, loggers or
 * messages), and the strict conversion of the values typed for them. Booleans are only
 * {@code true} or {@code false}, integers and numbers are plain decimal, a {@code choices} list
 * and {@code min}/{@code max} bounds of a {@code @Parameter} are enforced, other types go through
 * SciJava's {@link ConvertService}. An optional input with choices also takes an empty value (as
 * a macro's {@code key=[]} gives it), which the commands read as their default.
 */
public final class CommandOptions {

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
	private static final Pattern DECIMAL =
		Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	private CommandOptions() {}

	/** The inputs of {@code info} that a user sets, by name, in declaration order. */
	public static Map<String, ModuleItem<?>> of(final ModuleInfo info) {
		final Map<String, ModuleItem<?>> options = new LinkedHashMap<>();
		for (final ModuleItem<?> input : info.inputs()) {
			if (isOption(input)) options.put(input.getName(), input);
		}
		return options;
	}

	private static boolean isOption(final ModuleItem<?> input) {
		final Class<?> type = input.getType();
		return input.getVisibility() != ItemVisibility.MESSAGE &&
			!Service.class.isAssignableFrom(type) && !Context.class.isAssignableFrom(type) &&
			!Logger.class.isAssignableFrom(type) && !UserInterface.class.isAssignableFrom(type);
	}

	/**
	 * Converts a typed value (a string from {@code --key value}, or what parsington made of a
	 * {@code --run} argument) to the input's type; an object already of the input's type (e.g.
	 * ImageJ 1.x's current image) is taken as it is.
	 *
	 * @param option the option as the user knows it, e.g. {@code --cases}, for messages
	 * @throws BadInputException if the value does not fit the input
	 */
	static Object convert(final ModuleItem<?> input, final Object raw, final String option,
		final ConvertService convertService)
	{
		if (raw == null) return null;
		if (isObject(raw) && Types.box(input.getType()).isInstance(raw)) return raw;
		final String text = raw.toString();
		final Class<?> type = Types.box(input.getType());
		final Object value = parse(text, type, option, convertService);
		checkChoices(input, value, text, option);
		checkBounds(input, value, text, option);
		return value;
	}

	/** A value given as the object itself (e.g. an open image), not as typed text or a number. */
	private static boolean isObject(final Object raw) {
		return !(raw instanceof CharSequence || raw instanceof Number || raw instanceof Boolean);
	}

	private static Object parse(final String text, final Class<?> type, final String option,
		final ConvertService convertService)
	{
		if (type == String.class) return text;
		if (type == Boolean.class) {
			if ("true".equals(text)) return Boolean.TRUE;
			if ("false".equals(text)) return Boolean.FALSE;
			throw bad(text, option, "expected true or false");
		}
		if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
			return parseInteger(text, type, option);
		}
		if (type == Double.class || type == Float.class) {
			if (!DECIMAL.matcher(text).matches()) throw bad(text, option, "expected a number");
			final double d = Double.parseDouble(text);
			if (type == Float.class) {
				if (Float.isInfinite((float) d)) throw bad(text, option, "out of range");
				return (float) d;
			}
			if (Double.isInfinite(d)) throw bad(text, option, "out of range");
			return d;
		}
		if (type == File.class || type == Path.class) {
			if (text.isEmpty()) throw bad(text, option, "expected a path");
			try {
				final Path path = Path.of(text);
				return type == File.class ? path.toFile() : path;
			}
			catch (final InvalidPathException exc) {
				throw bad(text, option, "not a valid path (" + exc.getReason() + ")");
			}
		}
		if (type.isEnum()) return parseEnum(text, type, option);
		final Object converted = convertService.convert(text, type);
		if (converted == null) throw bad(text, option, "cannot be read as " + type.getSimpleName());
		return converted;
	}

	private static Object parseInteger(final String text, final Class<?> type, final String option) {
		if (!INTEGER.matcher(text).matches()) throw bad(text, option, "expected an integer");
		final long value;
		try {
			value = Long.parseLong(text);
		}
		catch (final NumberFormatException exc) {
			throw bad(text, option, "out of range");
		}
		final Object narrowed;
		if (type == Integer.class) narrowed = (int) value;
		else if (type == Short.class) narrowed = (short) value;
		else if (type == Byte.class) narrowed = (byte) value;
		else narrowed = value;
		if (((Number) narrowed).longValue() != value) throw bad(text, option, "out of range");
		return narrowed;
	}

	private static Object parseEnum(final String text, final Class<?> type, final String option) {
		final List<String> names = new ArrayList<>();
		for (final Object constant : type.getEnumConstants()) {
			final String name = ((Enum<?>) constant).name();
			if (name.equalsIgnoreCase(text)) return constant;
			names.add(name.toLowerCase());
		}
		throw bad(text, option, "expected one of " + String.join(", ", names));
	}

	private static void checkChoices(final ModuleItem<?> input, final Object value,
		final String text, final String option)
	{
		final List<?> choices = input.getChoices();
		if (choices == null || choices.isEmpty() || choices.contains(value)) return;
		if (text.isEmpty() && !input.isRequired()) return;
		final List<String> names = new ArrayList<>();
		for (final Object choice : choices) {
			names.add(String.valueOf(choice));
		}
		throw bad(text, option, "expected one of " + String.join(", ", names));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void checkBounds(final ModuleItem<?> input, final Object value,
		final String text, final String option)
	{
		if (!(value instanceof Comparable)) return;
		final Object min = input.getMinimumValue();
		if (min != null && min.getClass() == value.getClass() &&
			((Comparable) value).compareTo(min) < 0)
		{
			throw bad(text, option, "must be at least " + min);
		}
		final Object max = input.getMaximumValue();
		if (max != null && max.getClass() == value.getClass() &&
			((Comparable) value).compareTo(max) > 0)
		{
			throw bad(text, option, "must be at most " + max);
		}
	}

	private static BadInputException bad(final String text, final String option,
		final String problem)
	{
		return new BadInputException("bad value '" + text + "' for " + option + ": " + problem);
	}

	/** A short name of the input's type for usage texts, e.g. {@code INT}, {@code PATH}. */
	public static String typeName(final ModuleItem<?> input) {
		final List<?> choices = input.getChoices();
		if (choices != null && !choices.isEmpty()) {
			final List<String> names = new ArrayList<>();
			for (final Object choice : choices) {
				names.add(String.valueOf(choice));
			}
			return String.join("|", names);
		}
		final Class<?> type = Types.box(input.getType());
		if (type == Boolean.class) return "true|false";
		if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
			return "INT";
		}
		if (type == Double.class || type == Float.class) return "NUMBER";
		if (type == File.class || type == Path.class) return "PATH";
		if (type.isEnum()) {
			final List<String> names = new ArrayList<>();
			for (final Object constant : type.getEnumConstants()) {
				names.add(((Enum<?>) constant).name().toLowerCase());
			}
			return String.join("|", names);
		}
		return "TEXT";
	}
}
