package covidunet.model.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.io.JsonFiles;
import covidunet.model.net.UNetConfig;
import covidunet.model.train.EarlyStopping.Monitor;
import covidunet.preprocess.PreprocessConfig;
import covidunet.preprocess.RescaleRange;
import covidunet.sample.AugmentationConfig;
import covidunet.sample.AugmentationConfig.Range;
import covidunet.sample.Foreground;
import covidunet.sample.SamplingConfig;

/**
 * How a network is trained: its architecture, the preprocessing, the patch sampling and
 * augmentation, Adam's learning rate, the epochs, the plateau schedule and early stopping. The
 * defaults are the reference's (docs/method.md); {@link #of(UNetConfig)} gives them for a network.
 * <p>
 * Its JSON form is the model card of {@code models/} ({@value #FORMAT}, {@link #read(Path)}): the
 * members {@code architecture}, {@code preprocessing}, {@code sampling}, {@code augmentation} and
 * {@code training} ({@code learning_rate}, {@code iterations_per_epoch}, {@code max_epochs},
 * {@code validation_patches_per_case}, {@code reduce_on_plateau} and {@code early_stopping}); a
 * trained model's {@code model.json} holds the same sections. Absent members take the defaults,
 * unknown ones are refused. The patch size is {@code architecture.patch} alone; a card of format
 * version 1 may repeat it as {@code sampling.patch_size}, which must then agree.
 *
 * @param network the U-Net, its patch (the one home of the patch size: what training samples and
 *          segmentation slides) and its batch
 * @param preprocessing how volumes are prepared
 * @param sampling where patches are placed
 * @param augmentation the training patches' augmentation
 * @param learningRate Adam's initial learning rate
 * @param iterationsPerEpoch training steps per epoch
 * @param maxEpochs the most epochs to train
 * @param validationPatchesPerCase un-augmented random crops per validation case, the same every
 *          epoch (the reference takes one; more make the validation loss, and so the selected
 *          model, less noisy)
 * @param plateauMonitor the loss the plateau schedule watches (the reference: training loss)
 * @param plateauFactor the plateau schedule's reduction factor
 * @param plateauPatience epochs without improvement before a reduction
 * @param plateauMinDelta the least improvement that counts
 * @param plateauCooldown epochs after a reduction before counting again
 * @param minLearningRate the schedule's floor
 * @param stoppingMonitor the loss early stopping watches (the reference: training loss)
 * @param stoppingPatience epochs without improvement before training stops
 */
public record TrainingConfig(UNetConfig network, PreprocessConfig preprocessing, SamplingConfig sampling,
	AugmentationConfig augmentation, double learningRate, int iterationsPerEpoch, int maxEpochs,
	int validationPatchesPerCase, Monitor plateauMonitor, double plateauFactor, int plateauPatience,
	double plateauMinDelta, int plateauCooldown, double minLearningRate, Monitor stoppingMonitor,
	int stoppingPatience)
{

	/** The value of {@code format} in a configuration card. */
	public static final String FORMAT = "covid-unet configuration";

	/** The newest {@code format_version} of configuration cards. */
	public static final int FORMAT_VERSION = 2;

	/** The reference's iterations per epoch. */
	public static final int ITERATIONS_PER_EPOCH = 150;

	/** The reference's most epochs. */
	public static final int MAX_EPOCHS = 1000;

	/** Validation crops per case by default. */
	public static final int VALIDATION_PATCHES_PER_CASE = 2;

	/** The CPU default's in-plane voxel size in mm. */
	public static final double CPU_SPACING_XY = 2.5;

	/** The CPU default's slice spacing in mm. */
	public static final double CPU_SPACING_Z = 3.5;

	/** The CPU default's share of patches centred on infection. */
	public static final double CPU_INFECTION_FRACTION = 0.5;

	/** The CPU default's probability of a scan's end in a patch. */
	public static final double CPU_SCAN_END = 0.3;

	/** The CPU default's initial learning rate. */
	public static final double CPU_LEARNING_RATE = 2e-3;

	/** What the CPU default maps the low end of the HU window to. */
	public static final double CPU_RESCALE_LOW = -2;

	/** What the CPU default maps the high end of the HU window to. */
	public static final double CPU_RESCALE_HIGH = 1.5;

	private static final String ARCHITECTURE = "architecture", PREPROCESSING = "preprocessing", SAMPLING = "sampling",
		AUGMENTATION = "augmentation", TRAINING = "training", OPTIMIZER = "optimizer", LEARNING_RATE = "learning_rate",
		ITERATIONS = "iterations_per_epoch", EPOCHS = "max_epochs", VALIDATION = "validation_patches_per_case",
		PLATEAU = "reduce_on_plateau", STOPPING = "early_stopping", MONITOR = "monitor", FACTOR = "factor",
		PATIENCE = "patience", MIN_DELTA = "min_delta", COOLDOWN = "cooldown", MIN_RATE = "min_learning_rate";
	private static final Set<String> CARD_MEMBERS = Set.of("format", "format_version", "name", "description",
		ARCHITECTURE, PREPROCESSING, SAMPLING, AUGMENTATION, TRAINING);
	private static final Set<String> TRAINING_MEMBERS = Set.of(OPTIMIZER, LEARNING_RATE, ITERATIONS, EPOCHS,
		VALIDATION, PLATEAU, STOPPING);

	/** Checks every parameter; one line naming the first that is out of range. */
	public TrainingConfig {
		if (network == null || preprocessing == null || sampling == null || augmentation == null ||
			plateauMonitor == null || stoppingMonitor == null)
		{
			throw new BadInputException("training configuration: a section is missing");
		}
		if (!(learningRate > 0 && learningRate < 1)) {
			throw new BadInputException("lr: " + learningRate + " must be above 0 and below 1");
		}
		if (iterationsPerEpoch < 1) throw new BadInputException("iterations: " + iterationsPerEpoch + " must be at least 1");
		if (maxEpochs < 1) throw new BadInputException("epochs: " + maxEpochs + " must be at least 1");
		if (validationPatchesPerCase < 1) {
			throw new BadInputException(VALIDATION + ": " + validationPatchesPerCase + " must be at least 1");
		}
		try {
			new PlateauSchedule(learningRate, plateauFactor, plateauPatience, plateauMinDelta, plateauCooldown,
				minLearningRate);
			new EarlyStopping(stoppingMonitor, stoppingPatience, EarlyStopping.MIN_DELTA);
		}
		catch (final IllegalArgumentException e) {
			throw new BadInputException(PLATEAU + " / " + STOPPING + ": a parameter is out of range (factor in (0, 1), " +
				"patience ≥ 1, min delta ≥ 0, cooldown ≥ 0, min learning rate ≥ 0)", e);
		}
	}

	/** The reference's training of {@code network}: its patches placed uniformly, every other default. */
	public static TrainingConfig of(final UNetConfig network) {
		return new TrainingConfig(network, PreprocessConfig.REFERENCE, SamplingConfig.DEFAULT, AugmentationConfig.reference(), PlateauSchedule.INITIAL_LEARNING_RATE, ITERATIONS_PER_EPOCH,
			MAX_EPOCHS, VALIDATION_PATCHES_PER_CASE, Monitor.TRAINING_LOSS, PlateauSchedule.FACTOR,
			PlateauSchedule.PATIENCE, PlateauSchedule.MIN_DELTA, PlateauSchedule.COOLDOWN,
			PlateauSchedule.MIN_LEARNING_RATE, Monitor.TRAINING_LOSS, EarlyStopping.PATIENCE);
	}

	/**
	 * The CPU default: {@link UNetConfig#CPU_DEFAULT} trained for short runs. Seven choices differ
	 * from the reference, chosen by 10-minute trainings on the phantom cohort on two cores
	 * (docs/training.md): a fixed map from HU, the window [−1250, 250] onto [{@value #CPU_RESCALE_LOW},
	 * {@value #CPU_RESCALE_HIGH}] without z-score, so that an intensity means the same whatever the
	 * field of view (the reference's per-volume min–max and z-score move every value of a scan that
	 * is mostly abdomen; the range puts lung near −1 and soft tissue near 1, as a chest's z-score
	 * does); no mirroring (a mirrored chest has its liver and heart on the wrong sides, and with
	 * the lungs' labels exchanged it teaches that either side may be the left: the model then
	 * tells left from right by the patch alone, and gets it wrong on real scans); voxels of {@value #CPU_SPACING_XY} × {@value #CPU_SPACING_XY} ×
	 * {@value #CPU_SPACING_Z} mm instead of 1.58 × 1.58 × 2.7 mm (a 96 × 96 × 48 patch then covers
	 * 240 × 240 × 168 mm, most of a chest, so every step sees both lungs and their surroundings;
	 * predictions are resampled back onto the scan's grid); {@value #CPU_INFECTION_FRACTION} of the
	 * patches centred on infection (the reference samples uniformly, and a short training then sees
	 * little infection); Adam's initial learning rate {@value #CPU_LEARNING_RATE}; intensity
	 * changes no larger than scanners differ by (contrast 0.75–1.25, brightness 0.9–1.1, gamma
	 * 0.8–1.25 instead of 0.3–3, 0.5–2 and 0.7–1.5: with a fixed map from HU, doubling the
	 * brightness makes lung darker than air and halving it makes lung look like ground glass); and
	 * a scan's end in {@value #CPU_SCAN_END} of the patches (a short scan, e.g. of the lung bases,
	 * is padded up to the window by repeating its last slice, which a network trained on whole
	 * chests has rarely seen).
	 */
	public static TrainingConfig cpuDefault() {
		final PreprocessConfig preprocessing = PreprocessConfig.REFERENCE.toBuilder().targetSpacing(CPU_SPACING_XY,
			CPU_SPACING_XY, CPU_SPACING_Z).rescaleRange(RescaleRange.WINDOW).rescale(CPU_RESCALE_LOW, CPU_RESCALE_HIGH)
			.zScore(false).build();
		return of(UNetConfig.CPU_DEFAULT).withPreprocessing(preprocessing).withSampling(SamplingConfig.DEFAULT
				.withForegroundFraction(CPU_INFECTION_FRACTION).withForeground(Foreground.INFECTION)).withSchedule(
					CPU_LEARNING_RATE, ITERATIONS_PER_EPOCH, MAX_EPOCHS).withAugmentation(cpuAugmentation());
	}

	/** The reference's augmentation without mirroring, with milder intensity changes and scan ends. */
	private static AugmentationConfig cpuAugmentation() {
		final AugmentationConfig r = AugmentationConfig.reference();
		return new AugmentationConfig(0, r.contrastProbability(), new Range(0.75, 1.25), r.brightnessProbability(),
			new Range(0.9, 1.1), r.gammaProbability(), new Range(0.8, 1.25), r.noiseProbability(), r.noiseSigma(), r
				.elasticProbability(), r.elasticAlpha(), r.elasticSigma(), r.rotationProbability(), r.rotationDegrees(), r
					.scalingProbability(), r.scale(), CPU_SCAN_END);
	}

	/** This configuration with other sampling. */
	public TrainingConfig withSampling(final SamplingConfig s) {
		return new TrainingConfig(network, preprocessing, s, augmentation, learningRate, iterationsPerEpoch, maxEpochs,
			validationPatchesPerCase, plateauMonitor, plateauFactor, plateauPatience, plateauMinDelta, plateauCooldown,
			minLearningRate, stoppingMonitor, stoppingPatience);
	}

	/** This configuration with another network (and so another patch size). */
	public TrainingConfig withNetwork(final UNetConfig net) {
		return new TrainingConfig(net, preprocessing, sampling, augmentation, learningRate,
			iterationsPerEpoch, maxEpochs, validationPatchesPerCase, plateauMonitor, plateauFactor, plateauPatience,
			plateauMinDelta, plateauCooldown, minLearningRate, stoppingMonitor, stoppingPatience);
	}

	/** This configuration with other preprocessing. */
	public TrainingConfig withPreprocessing(final PreprocessConfig p) {
		return new TrainingConfig(network, p, sampling, augmentation, learningRate, iterationsPerEpoch, maxEpochs,
			validationPatchesPerCase, plateauMonitor, plateauFactor, plateauPatience, plateauMinDelta, plateauCooldown,
			minLearningRate, stoppingMonitor, stoppingPatience);
	}

	/** This configuration with another augmentation. */
	public TrainingConfig withAugmentation(final AugmentationConfig a) {
		return new TrainingConfig(network, preprocessing, sampling, a, learningRate, iterationsPerEpoch, maxEpochs,
			validationPatchesPerCase, plateauMonitor, plateauFactor, plateauPatience, plateauMinDelta, plateauCooldown,
			minLearningRate, stoppingMonitor, stoppingPatience);
	}

	/** This configuration with another initial learning rate, epoch length and epoch limit. */
	public TrainingConfig withSchedule(final double rate, final int iterations, final int epochs) {
		return new TrainingConfig(network, preprocessing, sampling, augmentation, rate, iterations, epochs,
			validationPatchesPerCase, plateauMonitor, plateauFactor, plateauPatience, plateauMinDelta, plateauCooldown,
			minLearningRate, stoppingMonitor, stoppingPatience);
	}

	/** A fresh plateau schedule with these parameters. */
	public PlateauSchedule newSchedule() {
		return new PlateauSchedule(learningRate, plateauFactor, plateauPatience, plateauMinDelta, plateauCooldown,
			minLearningRate);
	}

	/** A fresh early stopping with these parameters. */
	public EarlyStopping newEarlyStopping() {
		return new EarlyStopping(stoppingMonitor, stoppingPatience, EarlyStopping.MIN_DELTA);
	}

	/**
	 * Whether a training with {@code other} may continue one made with this configuration: the same
	 * network, preprocessing, sampling and augmentation (the schedule and the epoch limit may
	 * change).
	 */
	public boolean canContinueAs(final TrainingConfig other) {
		return network.equals(other.network) && preprocessing.equals(other.preprocessing) && sampling.equals(
			other.sampling) && augmentation.equals(other.augmentation);
	}

	/** The {@code training} section of the JSON form. */
	public JsonObject trainingJson() {
		final JsonObject t = new JsonObject();
		t.addProperty(OPTIMIZER, "adam");
		t.addProperty(LEARNING_RATE, learningRate);
		t.addProperty(ITERATIONS, iterationsPerEpoch);
		t.addProperty(EPOCHS, maxEpochs);
		t.addProperty(VALIDATION, validationPatchesPerCase);
		final JsonObject plateau = new JsonObject();
		plateau.addProperty(MONITOR, monitorKey(plateauMonitor));
		plateau.addProperty(FACTOR, plateauFactor);
		plateau.addProperty(PATIENCE, plateauPatience);
		plateau.addProperty(MIN_DELTA, plateauMinDelta);
		plateau.addProperty(COOLDOWN, plateauCooldown);
		plateau.addProperty(MIN_RATE, minLearningRate);
		t.add(PLATEAU, plateau);
		final JsonObject stopping = new JsonObject();
		stopping.addProperty(MONITOR, monitorKey(stoppingMonitor));
		stopping.addProperty(PATIENCE, stoppingPatience);
		t.add(STOPPING, stopping);
		return t;
	}

	/** The configuration card: {@code format}, {@code format_version} and the five sections. */
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("format_version", FORMAT_VERSION);
		o.add(ARCHITECTURE, network.toJson());
		o.add(PREPROCESSING, preprocessing.toJson());
		o.add(SAMPLING, sampling.toJson());
		o.add(AUGMENTATION, augmentation.toJson());
		o.add(TRAINING, trainingJson());
		return o;
	}

	/**
	 * Reads a configuration card, e.g. {@code models/cpu-small.json}.
	 *
	 * @throws BadInputException one line naming the file and the problem
	 */
	public static TrainingConfig read(final Path file) {
		final JsonElement root = JsonFiles.parse(file);
		if (!root.isJsonObject()) throw new BadInputException(file + ": not a JSON object, so not a configuration");
		try {
			return fromJson(root.getAsJsonObject());
		}
		catch (final BadInputException e) {
			throw new BadInputException(file + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Reads the JSON form of {@link #toJson()}.
	 *
	 * @throws BadInputException naming the member that is wrong
	 */
	public static TrainingConfig fromJson(final JsonObject o) {
		final JsonElement format = o.get("format");
		if (format == null || !format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
			throw new BadInputException("not a configuration card ('format' is " + format + ", not \"" + FORMAT + "\")");
		}
		final int version = JsonFields.count(o, "format_version");
		if (version > FORMAT_VERSION) {
			throw new BadInputException("format_version " + version + " is newer than this version of covid-unet reads (" +
				FORMAT_VERSION + ")");
		}
		unknown(o, CARD_MEMBERS, "");
		final UNetConfig net = UNetConfig.fromJson(JsonFields.object(o, ARCHITECTURE));
		TrainingConfig c = of(net);
		if (o.has(PREPROCESSING)) c = c.withPreprocessing(PreprocessConfig.fromJson(JsonFields.object(o, PREPROCESSING)));
		if (o.has(AUGMENTATION)) c = c.withAugmentation(AugmentationConfig.fromJson(o.get(AUGMENTATION)));
		final SamplingConfig sampling = o.has(SAMPLING) ? SamplingConfig.fromJson(version < 2 ?
			SamplingConfig.withoutLegacyPatchSize(JsonFields.object(o, SAMPLING), net.patch(), SAMPLING) : JsonFields
				.object(o, SAMPLING)) : c.sampling;
		final JsonObject t = o.has(TRAINING) ? JsonFields.object(o, TRAINING) : new JsonObject();
		unknown(t, TRAINING_MEMBERS, TRAINING + ".");
		if (t.has(OPTIMIZER) && !"adam".equals(t.get(OPTIMIZER).getAsString())) {
			throw new BadInputException(TRAINING + "." + OPTIMIZER + ": only \"adam\" is supported");
		}
		final JsonObject plateau = t.has(PLATEAU) ? JsonFields.object(t, PLATEAU) : new JsonObject();
		final JsonObject stopping = t.has(STOPPING) ? JsonFields.object(t, STOPPING) : new JsonObject();
		unknown(plateau, Set.of(MONITOR, FACTOR, PATIENCE, MIN_DELTA, COOLDOWN, MIN_RATE), PLATEAU + ".");
		unknown(stopping, Set.of(MONITOR, PATIENCE), STOPPING + ".");
		return new TrainingConfig(net, c.preprocessing, sampling, c.augmentation, number(t, LEARNING_RATE,
			c.learningRate), (int) count(t, ITERATIONS, c.iterationsPerEpoch), (int) count(t, EPOCHS, c.maxEpochs),
			(int) count(t, VALIDATION, c.validationPatchesPerCase), monitor(plateau, c.plateauMonitor), number(plateau,
				FACTOR, c.plateauFactor), (int) count(plateau, PATIENCE, c.plateauPatience), number(plateau, MIN_DELTA,
					c.plateauMinDelta), (int) count(plateau, COOLDOWN, c.plateauCooldown), number(plateau, MIN_RATE,
						c.minLearningRate), monitor(stopping, c.stoppingMonitor), (int) count(stopping, PATIENCE,
							c.stoppingPatience));
	}

	private static void unknown(final JsonObject o, final Set<String> known, final String prefix) {
		for (final Map.Entry<String, JsonElement> e : o.entrySet()) {
			if (!known.contains(e.getKey())) throw new BadInputException("unknown member '" + prefix + e.getKey() + "'");
		}
	}

	private static double number(final JsonObject o, final String key, final double otherwise) {
		return o.has(key) ? JsonFields.number(o, key) : otherwise;
	}

	private static long count(final JsonObject o, final String key, final int otherwise) {
		return o.has(key) ? JsonFields.count(o, key) : otherwise;
	}

	private static Monitor monitor(final JsonObject o, final Monitor otherwise) {
		if (!o.has(MONITOR)) return otherwise;
		final String key = o.get(MONITOR).getAsString();
		return switch (key) {
			case "loss" -> Monitor.TRAINING_LOSS;
			case "val_loss" -> Monitor.VALIDATION_LOSS;
			default -> throw new BadInputException(MONITOR + ": '" + key + "' must be loss or val_loss");
		};
	}

	private static String monitorKey(final Monitor m) {
		return m == Monitor.TRAINING_LOSS ? "loss" : "val_loss";
	}
}
