package covidunet.model.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;
import covidunet.io.JsonFiles;
import covidunet.preprocess.PreprocessConfig;
import covidunet.sample.SamplingConfig;

/** Reads {@link ModelCard}s; every problem is one line naming the source. */
final class ModelCardReader {

	static final String FORMAT = "format", FORMAT_VERSION = "format_version", ARCHITECTURE = "architecture",
		CLASSES = "classes", PREPROCESSING = "preprocessing", SAMPLING = "sampling", PATCH_SIZE = "patch_size",
		OVERLAP = "overlap", AUGMENTATION = "augmentation", TRAINING = "training", SOFTWARE = "software",
		SAVED_MODEL_SHA256 = "saved_model_sha256", INFERENCE = "inference", BLENDING = "blending";

	private static final Set<String> MEMBERS = Set.of(FORMAT, FORMAT_VERSION, ARCHITECTURE, CLASSES,
		PREPROCESSING, INFERENCE, AUGMENTATION, TRAINING, SOFTWARE, SAVED_MODEL_SHA256);
	private static final Set<String> MEMBERS_1 = Set.of(FORMAT, FORMAT_VERSION, ARCHITECTURE, CLASSES,
		PREPROCESSING, SAMPLING, INFERENCE, AUGMENTATION, TRAINING, SOFTWARE, SAVED_MODEL_SHA256);

	private final String source;

	private ModelCardReader(final String source) {
		this.source = source;
	}

	static ModelCard read(final Path file) {
		final JsonElement root = JsonFiles.parse(file);
		if (!root.isJsonObject()) throw new BadInputException(file + ": not a JSON object, so not a model card");
		return fromJson(root.getAsJsonObject(), file.toString());
	}

	static ModelCard fromJson(final JsonObject o, final String source) {
		return new ModelCardReader(source).card(o);
	}

	private ModelCard card(final JsonObject o) {
		final JsonElement format = o.get(FORMAT);
		if (format == null || !isString(format) || !ModelCard.FORMAT.equals(format.getAsString())) {
			throw bad("not a covid-unet model card ('" + FORMAT + "' is " + (format == null ? "missing" : format) +
				", not \"" + ModelCard.FORMAT + "\")");
		}
		final int version = integer(o, FORMAT_VERSION);
		if (version > ModelCard.FORMAT_VERSION) {
			throw bad(FORMAT_VERSION + " " + version + " is newer than this version of covid-unet reads (" +
				ModelCard.FORMAT_VERSION + "); update covid-unet");
		}
		if (version < 1) throw bad(FORMAT_VERSION + " " + version + " is not a format version (they start at 1)");
		final Set<String> unknown = new LinkedHashSet<>(o.keySet());
		unknown.removeAll(version == 1 ? MEMBERS_1 : MEMBERS);
		if (!unknown.isEmpty()) throw bad("unknown member" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown));
		final String digest = string(o, SAVED_MODEL_SHA256);
		if (!ModelCard.isSha256(digest)) throw bad("'" + SAVED_MODEL_SHA256 + "' is not 64 lower-case hex digits");
		final JsonObject architecture = object(o, ARCHITECTURE);
		JsonObject training = object(o, TRAINING);
		final int[] overlap;
		if (version == 1) {
			final JsonObject sampling = object(o, SAMPLING);
			final int[] patch = triple(sampling, PATCH_SIZE, SAMPLING);
			if (architecture.has(ModelCard.PATCH) && !architecture.get(ModelCard.PATCH).equals(JsonFiles.array(patch))) {
				throw bad(SAMPLING + "." + PATCH_SIZE + " " + JsonFiles.array(patch) + " contradicts " + ARCHITECTURE + "." +
					ModelCard.PATCH + " " + architecture.get(ModelCard.PATCH));
			}
			architecture.add(ModelCard.PATCH, JsonFiles.array(patch));
			training = withoutLegacyPatch(training, patch);
			overlap = triple(sampling, OVERLAP, SAMPLING);
		}
		else {
			overlap = triple(object(o, INFERENCE), OVERLAP, INFERENCE);
		}
		final ModelCard.Builder b = ModelCard.builder().architecture(architecture).classes(classes(o))
			.preprocessing(preprocessing(o)).overlap(overlap).training(training).software(software(object(o, SOFTWARE)));
		if (o.has(AUGMENTATION) && !o.get(AUGMENTATION).isJsonNull()) b.augmentation(object(o, AUGMENTATION));
		if (o.has(INFERENCE) && !o.get(INFERENCE).isJsonNull() && object(o, INFERENCE).has(BLENDING)) {
			b.blending(blending(object(o, INFERENCE)));
		}
		try {
			return b.build().withSavedModelSha256(digest);
		}
		catch (final IllegalArgumentException e) {
			throw bad(e.getMessage());
		}
	}

	private String blending(final JsonObject inference) {
		final String name = string(inference, BLENDING);
		if (!name.equals("gaussian") && !name.equals("average")) {
			throw bad("'" + INFERENCE + "." + BLENDING + "' is '" + name + "'; expected gaussian or average");
		}
		return name;
	}

	private List<String> classes(final JsonObject o) {
		final JsonArray array = array(o, CLASSES);
		final List<String> names = new ArrayList<>();
		for (final JsonElement e : array) {
			if (!isString(e)) throw bad("'" + CLASSES + "' must be an array of names");
			names.add(e.getAsString());
		}
		return names;
	}

	private PreprocessConfig preprocessing(final JsonObject o) {
		final JsonObject json = object(o, PREPROCESSING);
		try {
			return PreprocessConfig.fromJson(json);
		}
		catch (final BadInputException e) {
			throw bad(e.getMessage());
		}
	}

	private int[] triple(final JsonObject section, final String key, final String name) {
		final JsonArray array = array(section, key);
		if (array.size() != 3) throw bad("'" + name + "." + key + "' must be 3 integers (x, y, z)");
		final int[] values = new int[3];
		for (int d = 0; d < 3; d++) values[d] = integer(array.get(d), name + "." + key);
		return values;
	}

	/** A version-1 {@code training} section without the patch size its {@code sampling} repeated. */
	private JsonObject withoutLegacyPatch(final JsonObject training, final int[] patch) {
		if (!training.has(SAMPLING) || !training.get(SAMPLING).isJsonObject()) return training;
		final JsonObject copy = training.deepCopy();
		try {
			copy.add(SAMPLING, SamplingConfig.withoutLegacyPatchSize(copy.getAsJsonObject(SAMPLING), patch, TRAINING + "." +
				SAMPLING));
		}
		catch (final BadInputException e) {
			throw bad(e.getMessage());
		}
		return copy;
	}

	private SoftwareVersions software(final JsonObject o) {
		return new SoftwareVersions(string(o, SoftwareVersions.COVID_UNET), string(o, SoftwareVersions.TENSORFLOW),
			string(o, SoftwareVersions.JAVA));
	}

	private JsonElement member(final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) throw bad("missing '" + key + "'");
		return e;
	}

	private JsonObject object(final JsonObject o, final String key) {
		final JsonElement e = member(o, key);
		if (!e.isJsonObject()) throw bad("'" + key + "' must be a JSON object");
		return e.getAsJsonObject();
	}

	private JsonArray array(final JsonObject o, final String key) {
		final JsonElement e = member(o, key);
		if (!e.isJsonArray()) throw bad("'" + key + "' must be an array");
		return e.getAsJsonArray();
	}

	private String string(final JsonObject o, final String key) {
		final JsonElement e = member(o, key);
		if (!isString(e)) throw bad("'" + key + "' must be a string");
		return e.getAsString();
	}

	private int integer(final JsonObject o, final String key) {
		return integer(member(o, key), key);
	}

	private int integer(final JsonElement e, final String key) {
		if (e instanceof JsonPrimitive p && p.isNumber()) {
			final double value = p.getAsDouble();
			if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) return (int) value;
		}
		throw bad("'" + key + "' must be an integer");
	}

	private static boolean isString(final JsonElement e) {
		return e instanceof JsonPrimitive p && p.isString();
	}

	private BadInputException bad(final String problem) {
		return new BadInputException(source + ": " + problem);
	}
}
