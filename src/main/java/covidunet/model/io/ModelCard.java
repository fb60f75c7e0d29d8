package covidunet.model.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;
import covidunet.io.JsonFiles;
import covidunet.preprocess.PreprocessConfig;

/**
 * The content of a model directory's {@code model.json}: what the network is, what it expects,
 * how it was trained and with what software, and the digest of its SavedModel. Immutable; built
 * with {@link #builder()}.
 * <p>
 * JSON members: {@code format} ({@value #FORMAT}), {@code format_version} ({@value
 * #FORMAT_VERSION}), {@code architecture} (the network's configuration, as its builder writes
 * it, with the patch size x, y, z in {@value #PATCH}: its one home), {@code classes} (names by
 * label value), {@code preprocessing} ({@link PreprocessConfig}), {@code inference} (the default
 * {@code overlap} of tiled inference, x, y, z, and optionally {@code blending}, how a
 * segmentation combines overlapping windows unless told otherwise), {@code augmentation}
 * (optional), {@code training} (provenance the trainer fills: cases, fold, seed, epochs, selected
 * epoch and why, best losses), {@code software} ({@link SoftwareVersions}) and
 * {@code saved_model_sha256} ({@link SavedModelDigest}). Every member but {@code augmentation}
 * is required when reading.
 * <p>
 * Format version 1 (still read) kept the patch size and the overlap in a {@code sampling}
 * section, repeated the patch in {@code training.sampling}, and had {@code inference} only for
 * the blending; a version-1 card whose patch sizes disagree is refused.
 */
public final class ModelCard {

	/** The value of {@code format}. */
	public static final String FORMAT = "covid-unet model";

	/** The newest {@code format_version} this code writes and reads. */
	public static final int FORMAT_VERSION = 2;

	/** The member of {@code architecture} holding the patch size, x, y, z. */
	public static final String PATCH = "patch";

	/** The class names by label value (docs/formats.md, Labels). */
	public static final List<String> CLASSES = List.of("background", "lung_left", "lung_right", "infection");

	private final JsonObject architecture;
	private final List<String> classes;
	private final PreprocessConfig preprocessing;
	private final int[] patchSize;
	private final int[] overlap;
	private final String blending;
	private final JsonObject augmentation;
	private final JsonObject training;
	private final SoftwareVersions software;
	private final String savedModelSha256;

	private ModelCard(final Builder b) {
		architecture = Objects.requireNonNull(b.architecture, "architecture").deepCopy();
		classes = List.copyOf(b.classes);
		preprocessing = Objects.requireNonNull(b.preprocessing, "preprocessing");
		patchSize = patch(architecture);
		overlap = b.overlap != null ? b.overlap.clone() : defaultOverlap(patchSize);
		blending = b.blending;
		augmentation = b.augmentation != null ? b.augmentation.deepCopy() : null;
		training = Objects.requireNonNull(b.training, "training").deepCopy();
		software = Objects.requireNonNull(b.software, "software");
		savedModelSha256 = b.savedModelSha256;
		if (classes.isEmpty()) throw new IllegalArgumentException("no classes");
		if (overlap.length != 3) throw new IllegalArgumentException("overlap must be 3 numbers: " + Arrays.toString(overlap));
		for (int d = 0; d < 3; d++) {
			if (overlap[d] < 0 || overlap[d] >= patchSize[d]) {
				throw new IllegalArgumentException("overlap " + Arrays.toString(overlap) +
					" must be at least 0 and less than the patch size " + Arrays.toString(patchSize));
			}
		}
		if (savedModelSha256 != null && !isSha256(savedModelSha256)) {
			throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + savedModelSha256);
		}
	}

	/** A builder with the defaults: the four classes and the reference's preprocessing. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding this card's values. */
	public Builder toBuilder() {
		final Builder b = new Builder().architecture(architecture).classes(classes).preprocessing(preprocessing)
			.overlap(overlap).blending(blending).training(training).software(software);
		b.augmentation = augmentation;
		b.savedModelSha256 = savedModelSha256;
		return b;
	}

	/**
	 * The reference's default overlap of tiled inference for a patch size: half the patch in x and
	 * y, 3/8 of it in z (80, 80, 30 for 160, 160, 80).
	 */
	public static int[] defaultOverlap(final int... patchSize) {
		return new int[] { patchSize[0] / 2, patchSize[1] / 2, patchSize[2] * 3 / 8 };
	}

	/** The network's configuration (a copy). */
	public JsonObject architecture() {
		return architecture.deepCopy();
	}

	/** The class names by label value. */
	public List<String> classes() {
		return classes;
	}

	/** The preprocessing the network expects. */
	public PreprocessConfig preprocessing() {
		return preprocessing;
	}

	/** The patch size, x, y, z: the architecture's {@value #PATCH} (a copy). */
	public int[] patchSize() {
		return patchSize.clone();
	}

	/** The default overlap of tiled inference, x, y, z (a copy). */
	public int[] overlap() {
		return overlap.clone();
	}

	/**
	 * How overlapping windows are best combined for this model ({@code gaussian} or
	 * {@code average}), if the model says; a segmentation uses it unless told otherwise.
	 */
	public Optional<String> blending() {
		return Optional.ofNullable(blending);
	}

	/** The augmentation used in training, if recorded (a copy). */
	public Optional<JsonObject> augmentation() {
		return Optional.ofNullable(augmentation).map(JsonObject::deepCopy);
	}

	/** The training provenance (a copy). */
	public JsonObject training() {
		return training.deepCopy();
	}

	/** The software versions that exported the model. */
	public SoftwareVersions software() {
		return software;
	}

	/** The SavedModel's digest ({@link SavedModelDigest}); empty before export. */
	public Optional<String> savedModelSha256() {
		return Optional.ofNullable(savedModelSha256);
	}

	/** This card with the SavedModel digest set. */
	public ModelCard withSavedModelSha256(final String hex) {
		final Builder b = toBuilder();
		b.savedModelSha256 = Objects.requireNonNull(hex, "hex");
		return b.build();
	}

	/** The JSON form, members in a fixed order; {@code saved_model_sha256} only once set. */
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty(ModelCardReader.FORMAT, FORMAT);
		o.addProperty(ModelCardReader.FORMAT_VERSION, FORMAT_VERSION);
		o.add(ModelCardReader.ARCHITECTURE, architecture.deepCopy());
		final JsonArray names = new JsonArray();
		classes.forEach(names::add);
		o.add(ModelCardReader.CLASSES, names);
		o.add(ModelCardReader.PREPROCESSING, preprocessing.toJson());
		final JsonObject inference = new JsonObject();
		inference.add(ModelCardReader.OVERLAP, JsonFiles.array(overlap));
		if (blending != null) inference.addProperty(ModelCardReader.BLENDING, blending);
		o.add(ModelCardReader.INFERENCE, inference);
		if (augmentation != null) o.add(ModelCardReader.AUGMENTATION, augmentation.deepCopy());
		o.add(ModelCardReader.TRAINING, training.deepCopy());
		o.add(ModelCardReader.SOFTWARE, software.toJson());
		if (savedModelSha256 != null) o.addProperty(ModelCardReader.SAVED_MODEL_SHA256, savedModelSha256);
		return o;
	}

	/** {@link #toJson()} as indented text ending with a line break. */
	public String toJsonText() {
		return JsonFiles.pretty(toJson());
	}

	/**
	 * Writes the card to a file atomically.
	 *
	 * @throws BadInputException naming the file if it cannot be written
	 */
	public void write(final Path file) {
		AtomicFiles.writeString(file, toJsonText());
	}

	/**
	 * Reads a {@code model.json}.
	 *
	 * @throws BadInputException one line naming the file if it is not JSON, not a model card, of
	 *           a newer format version than this code reads, or lacks a required member
	 */
	public static ModelCard read(final Path file) {
		return ModelCardReader.read(file);
	}

	/**
	 * Reads a card from its JSON form.
	 *
	 * @param source what to name in messages, e.g. the file
	 * @throws BadInputException as {@link #read(Path)}, naming {@code source}
	 */
	public static ModelCard fromJson(final JsonObject json, final String source) {
		return ModelCardReader.fromJson(json, source);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof ModelCard c && toJson().equals(c.toJson());
	}

	@Override
	public int hashCode() {
		return toJson().hashCode();
	}

	@Override
	public String toString() {
		return toJson().toString();
	}

	static boolean isSha256(final String hex) {
		return hex.length() == 64 && hex.chars().allMatch(c -> HexFormat.isHexDigit(c) && !Character.isUpperCase(c));
	}

	/**
	 * The patch size an architecture JSON holds.
	 *
	 * @throws IllegalArgumentException if its {@value #PATCH} is missing or not 3 positive integers
	 */
	static int[] patch(final JsonObject architecture) {
		final JsonElement e = architecture.get(PATCH);
		if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() != 3) {
			throw new IllegalArgumentException("architecture." + PATCH + " must be 3 positive integers (x, y, z), got " + e);
		}
		final int[] size = new int[3];
		for (int d = 0; d < 3; d++) {
			final JsonElement v = e.getAsJsonArray().get(d);
			final double value = v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() ? v.getAsDouble() : Double.NaN;
			if (!(value >= 1 && value <= Integer.MAX_VALUE && value == Math.rint(value))) {
				throw new IllegalArgumentException("architecture." + PATCH + " must be 3 positive integers (x, y, z), got " +
					e);
			}
			size[d] = (int) value;
		}
		return size;
	}


	/** Builds a {@link ModelCard}; {@code architecture} is required. */
	public static final class Builder {

		private JsonObject architecture;
		private List<String> classes = CLASSES;
		private PreprocessConfig preprocessing = PreprocessConfig.REFERENCE;
		private int[] overlap;
		private String blending;
		private JsonObject augmentation;
		private JsonObject training = new JsonObject();
		private SoftwareVersions software;
		private String savedModelSha256;

		private Builder() {}

		/** The network's configuration JSON, as the graph builder writes it, with its {@value ModelCard#PATCH}. */
		public Builder architecture(final JsonObject json) {
			architecture = json.deepCopy();
			return this;
		}

		/** The class names by label value [background, lung_left, lung_right, infection]. */
		public Builder classes(final List<String> names) {
			classes = new ArrayList<>(names);
			return this;
		}

		/** The preprocessing [{@link PreprocessConfig#REFERENCE}]. */
		public Builder preprocessing(final PreprocessConfig config) {
			preprocessing = Objects.requireNonNull(config, "config");
			return this;
		}

		/** The default overlap, x, y, z [{@link ModelCard#defaultOverlap} of the patch size]. */
		public Builder overlap(final int... size) {
			overlap = size.clone();
			return this;
		}

		/** How overlapping windows are best combined, {@code gaussian} or {@code average} [not said]. */
		public Builder blending(final String name) {
			blending = name;
			return this;
		}

		/** The augmentation used in training [none recorded]. */
		public Builder augmentation(final JsonObject json) {
			augmentation = json != null ? json.deepCopy() : null;
			return this;
		}

		/** The training provenance [empty]. */
		public Builder training(final JsonObject json) {
			training = json.deepCopy();
			return this;
		}

		/** The software versions [{@link SoftwareVersions#current()}]. */
		public Builder software(final SoftwareVersions versions) {
			software = versions;
			return this;
		}

		/**
		 * The card.
		 *
		 * @throws NullPointerException if no architecture was given
		 * @throws IllegalArgumentException if the classes are empty, the architecture's patch size is
		 *           not 3 positive integers, or the overlap is not 3 numbers in [0, patch size)
		 */
		public ModelCard build() {
			if (software == null) software = SoftwareVersions.current();
			return new ModelCard(this);
		}
	}
}
