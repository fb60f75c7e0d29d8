package covidunet.engine;

import java.io.File;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

/**
 * A command's input values as the launcher takes them, for the child JVM: every
 * {@link Parameter} field that is an input of a type the launcher converts (files, text, numbers,
 * booleans), by name; files as absolute paths (an empty file name is no file), the rest as text;
 * null values, services and other objects (such as images) left out.
 */
public final class EngineInputs {

	private EngineInputs() {}

	/**
	 * The inputs of {@code command}.
	 *
	 * @param skipped names of inputs to leave out (e.g. an image, which the command passes as a file)
	 */
	public static Map<String, String> of(final Object command, final String... skipped) {
		final Set<String> skip = Set.of(skipped);
		final Map<String, String> inputs = new LinkedHashMap<>();
		for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || p.type() == ItemIO.OUTPUT || skip.contains(f.getName())) continue;
				final Object value = value(f, command);
				if (value instanceof File) {
					if (!((File) value).getPath().isEmpty()) inputs.put(f.getName(), ((File) value).getAbsolutePath());
				}
				else if (value instanceof String || value instanceof Number || value instanceof Boolean ||
					value instanceof Enum)
				{
					inputs.put(f.getName(), value.toString());
				}
			}
		}
		return inputs;
	}

	private static Object value(final Field f, final Object command) {
		try {
			f.setAccessible(true);
			return f.get(command);
		}
		catch (final IllegalAccessException e) {
			throw new IllegalStateException("cannot read input " + f.getName() + " of " + command.getClass().getName(), e);
		}
	}
}
