package covidunet.ij1;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import ij.gui.GenericDialog;

import covidunet.command.run.CommandOptions;

/**
 * A command's parameters as an ImageJ 1.x {@link GenericDialog}. Each field's macro key is the
 * parameter's name (its label starts with the name; ImageJ shows underscores as spaces), so a
 * macro's {@code run("Title", "key=value ...")} fills the dialog without showing it and the
 * recorder writes the same keys. Text, numbers and paths are read as text and converted by the
 * runner, which reports bad values by key.
 */
final class CommandDialog {

	private CommandDialog() {}

	/**
	 * Asks for the command's options (the current image is not asked for).
	 *
	 * @param defaults an instance of the command, whose inputs give the fields' initial values
	 * @return the values by parameter name (booleans as {@link Boolean}, everything else as
	 *         text; empty non-text fields left out, so that the command's defaults hold), or
	 *         {@code null} if the user cancelled; a command without options asks nothing (a
	 *         dialog would stop a batch macro)
	 */
	static Map<String, Object> ask(final CommandInfo info, final Module defaults) {
		final List<ModuleItem<?>> fields = fields(info);
		final Map<String, Object> values = new LinkedHashMap<>();
		if (fields.isEmpty()) return values;
		final GenericDialog gd = new GenericDialog(info.getTitle());
		final String description = info.getDescription();
		if (description != null && !description.isBlank()) gd.addMessage(description);
		for (final ModuleItem<?> field : fields) {
			add(gd, field, field.getValue(defaults));
		}
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		for (final ModuleItem<?> field : fields) {
			read(gd, field, values);
		}
		return values;
	}

	private static List<ModuleItem<?>> fields(final CommandInfo info) {
		return CommandOptions.of(info).values().stream().filter(i -> i.getType() != ImagePlus.class).toList();
	}

	private static void add(final GenericDialog gd, final ModuleItem<?> field, final Object value) {
		final String label = label(field);
		final Class<?> type = field.getType();
		final List<?> choices = field.getChoices();
		if (type == boolean.class || type == Boolean.class) {
			gd.addCheckbox(label, Boolean.TRUE.equals(value));
		}
		else if (choices != null && !choices.isEmpty()) {
			final String[] items = choices.stream().map(String::valueOf).toArray(String[]::new);
			gd.addChoice(label, items, value == null ? items[0] : value.toString());
		}
		else if (type == File.class) {
			final String path = value == null ? "" : ((File) value).getPath();
			if (FileWidget.DIRECTORY_STYLE.equals(field.getWidgetStyle())) gd.addDirectoryField(label, path);
			else gd.addFileField(label, path);
		}
		else {
			gd.addStringField(label, text(value), 12);
		}
	}

	private static void read(final GenericDialog gd, final ModuleItem<?> field,
		final Map<String, Object> values)
	{
		final Class<?> type = field.getType();
		final List<?> choices = field.getChoices();
		if (type == boolean.class || type == Boolean.class) {
			values.put(field.getName(), gd.getNextBoolean());
			return;
		}
		put(values, field, choices != null && !choices.isEmpty() ? gd.getNextChoice() : gd.getNextString().trim());
	}

	/**
	 * Puts a field's text into {@code values} under the parameter's name; an empty text only for
	 * a text parameter: an empty file or number (a macro's {@code config=[]}) is not given, so the
	 * command's default (no file) holds.
	 */
	static void put(final Map<String, Object> values, final ModuleItem<?> field, final String text) {
		if (!text.isEmpty() || field.getType() == String.class) values.put(field.getName(), text);
	}

	/**
	 * The field's label: the parameter's name, then the rest of its SciJava label, e.g.
	 * {@code folds_file (.json)} for "Folds file (.json)", or {@code tta - Mirroring …}.
	 */
	static String label(final ModuleItem<?> field) {
		final String name = field.getName();
		final String label = field.getLabel();
		if (label == null || label.isBlank() || label.equals(name)) return name;
		final String words = name.replace('_', ' ');
		final boolean startsWithName = label.toLowerCase(Locale.ROOT).startsWith(words.toLowerCase(Locale.ROOT)) &&
			(label.length() == words.length() || !Character.isLetterOrDigit(label.charAt(words.length())));
		return startsWithName ? name + label.substring(words.length()) : name + " - " + label;
	}

	/** A value as the text field shows it: whole numbers without a decimal point. */
	private static String text(final Object value) {
		if (value == null) return "";
		if (value instanceof Double || value instanceof Float) {
			final double d = ((Number) value).doubleValue();
			if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
		}
		return value.toString();
	}
}
