package covidunet.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import covidunet.BadInputException;

/**
 * The files of a {@link Folds}: {@code F.json} in the format {@link Folds} describes, and the
 * table {@code F.csv} beside it.
 */
final class FoldsFile {

	/** The {@code format} member of a folds file. */
	static final String FORMAT = "covid-unet folds";

	/** The {@code format_version} this class writes and reads. */
	static final int VERSION = 1;

	private static final String JSON_ENDING = ".json";

	private FoldsFile() {}

	/** See {@link Folds#csvPath}. */
	static Path csvPath(final Path json) {
		final String name = json.getFileName().toString();
		final String stem = name.toLowerCase(Locale.ROOT).endsWith(JSON_ENDING) ?
			name.substring(0, name.length() - JSON_ENDING.length()) : name;
		return json.resolveSibling(stem + ".csv");
	}

	/** See {@link Folds#checkOutput}. */
	static void checkOutput(final Path json, final boolean overwrite) {
		final Path name = json.getFileName();
		if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(JSON_ENDING)) {
			throw new BadInputException(json + ": the folds file's name must end in .json");
		}
		if (Files.isDirectory(json)) throw new BadInputException(json + ": is a folder, not a folds file");
		if (overwrite) return;
		final List<String> existing = new ArrayList<>();
		for (final Path file : List.of(json, csvPath(json))) {
			if (Files.exists(file)) existing.add(file.toString());
		}
		if (!existing.isEmpty()) {
			throw new BadInputException(String.join(" and ", existing) + (existing.size() == 1 ? " exists" : " exist") +
				"; give --overwrite true to replace " + (existing.size() == 1 ? "it" : "them"));
		}
	}

	/** See {@link Folds#write}. */
	static void write(final Folds folds, final Path json, final boolean overwrite) {
		checkOutput(json, overwrite);
		final Path csv = csvPath(json);
		final boolean csvExisted = Files.exists(csv);
		final Path jsonTemporary = temporary(json);
		final Path csvTemporary = temporary(csv);
		boolean csvPlaced = false;
		try {
			Files.createDirectories(json.toAbsolutePath().getParent());
			Files.writeString(jsonTemporary, toJson(folds), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			Files.writeString(csvTemporary, toCsv(folds), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			place(csvTemporary, csv, overwrite);
			csvPlaced = true;
			place(jsonTemporary, json, overwrite);
		}
		catch (final IOException e) {
			if (csvPlaced && !csvExisted) deleteIfLeft(csv);
			throw new BadInputException(json + ": cannot write the folds (" + reason(e) + ")", e);
		}
		finally {
			deleteIfLeft(jsonTemporary);
			deleteIfLeft(csvTemporary);
		}
	}

	/** See {@link Folds#read}. */
	static Folds read(final Path json) {
		final JsonInput in = JsonInput.read(json);
		final JsonObject root = in.root();
		final String top = "the top level";
		if (!FORMAT.equals(in.string(root, "format", top))) throw in.bad("not a folds file (its format is not '" + FORMAT + "')");
		final long version = in.integer(root, "format_version", top);
		if (version != VERSION) {
			throw in.bad("format_version " + version + " is not supported (this version reads " + VERSION + ")");
		}
		final Long seed = root.has("seed") ? in.integer(root, "seed", top) : null;
		final String set = root.has("benchmark_set") ? in.string(root, "benchmark_set", top) : null;
		final SortedMap<String, IntensityKind> kinds = new TreeMap<>();
		final JsonObject kindsObject = in.object(root, "kinds", top);
		for (final Map.Entry<String, JsonElement> e : kindsObject.entrySet()) {
			final String key = in.string(kindsObject, e.getKey(), "kinds");
			try {
				kinds.put(e.getKey(), IntensityKind.ofKey(key));
			}
			catch (final IllegalArgumentException exc) {
				throw in.bad("kinds: " + e.getKey() + ": " + exc.getMessage(), exc);
			}
		}
		final List<Fold> folds = new ArrayList<>();
		try {
			for (final JsonObject fold : in.objects(root, "folds", top)) {
				final String where = "fold " + folds.size();
				folds.add(new Fold(Math.toIntExact(in.integer(fold, "fold", where)), in.strings(fold, "train", where),
					in.strings(fold, "validation", where)));
			}
			final long k = in.integer(root, "k", top);
			if (k != folds.size()) throw in.bad("k is " + k + " but there are " + folds.size() + " folds");
			return new Folds(seed, set, kinds, folds);
		}
		catch (final IllegalArgumentException | ArithmeticException e) {
			throw in.bad(e.getMessage(), e);
		}
	}

	private static String toJson(final Folds folds) {
		final JsonObject root = new JsonObject();
		root.addProperty("format", FORMAT);
		root.addProperty("format_version", VERSION);
		if (folds.seed() != null) root.addProperty("seed", folds.seed());
		if (folds.benchmarkSet() != null) root.addProperty("benchmark_set", folds.benchmarkSet());
		root.addProperty("k", folds.k());
		final JsonObject kinds = new JsonObject();
		folds.kinds().forEach((id, kind) -> kinds.addProperty(id, kind.key()));
		root.add("kinds", kinds);
		final JsonArray list = new JsonArray();
		for (final Fold fold : folds.folds()) {
			final JsonObject f = new JsonObject();
			f.addProperty("fold", fold.index());
			f.add("train", array(fold.train()));
			f.add("validation", array(fold.validation()));
			list.add(f);
		}
		root.add("folds", list);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
	}

	private static JsonArray array(final List<String> ids) {
		final JsonArray array = new JsonArray();
		for (final String id : ids) array.add(id);
		return array;
	}

	private static String toCsv(final Folds folds) {
		final StringBuilder csv = new StringBuilder("fold,case,role,kind\n");
		for (final Fold fold : folds.folds()) {
			folds.kinds().forEach((id, kind) -> csv.append(fold.index()).append(',').append(csvField(id)).append(',')
				.append(fold.validates(id) ? "validation" : "train").append(',').append(kind.key()).append('\n'));
		}
		return csv.toString();
	}

	/** A CSV field, quoted if it holds a comma, a quote or a line break. */
	private static String csvField(final String text) {
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	private static String reason(final IOException e) {
		if (e instanceof FileAlreadyExistsException) return ((FileAlreadyExistsException) e).getFile() + " exists";
		if (e instanceof AccessDeniedException) return "permission denied: " + e.getMessage();
		if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
			return ((FileSystemException) e).getReason() + ": " + ((FileSystemException) e).getFile();
		}
		return e.toString();
	}

	private static Path temporary(final Path file) {
		return file.resolveSibling("." + file.getFileName() + ".tmp-" +
			Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
	}

	private static void place(final Path temporary, final Path target, final boolean overwrite) throws IOException {
		if (overwrite) Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		else Files.move(temporary, target);
	}

	private static void deleteIfLeft(final Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (final IOException e) {
			// The failure that brought us here is the one to report.
		}
	}
}
