package covidunet.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;
import covidunet.io.CsvTable;
import covidunet.io.JsonFiles;

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

	/** See {@link Folds#write}. The CSV is placed first, the JSON last. */
	static void write(final Folds folds, final Path json, final boolean overwrite) {
		checkOutput(json, overwrite);
		final Path csv = csvPath(json);
		final boolean csvExisted = Files.exists(csv);
		try {
			Files.createDirectories(json.toAbsolutePath().getParent());
		}
		catch (final IOException e) {
			throw new BadInputException(json + ": cannot write the folds (" + AtomicFiles.reason(e) + ")", e);
		}
		AtomicFiles.writeString(csv, toCsv(folds).toCsv());
		try {
			AtomicFiles.writeString(json, toJson(folds));
		}
		catch (final BadInputException e) {
			if (!csvExisted) deleteIfLeft(csv);
			throw e;
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
		return JsonFiles.pretty(root);
	}

	private static JsonArray array(final List<String> ids) {
		final JsonArray array = new JsonArray();
		for (final String id : ids) array.add(id);
		return array;
	}

	private static CsvTable toCsv(final Folds folds) {
		final CsvTable csv = new CsvTable(List.of("fold", "case", "role", "kind"));
		for (final Fold fold : folds.folds()) {
			folds.kinds().forEach((id, kind) -> csv.add(fold.index(), id, fold.validates(id) ? "validation" : "train",
				kind.key()));
		}
		return csv;
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
