package covidunet.model.train;

import java.nio.file.Path;
import java.util.List;

import covidunet.BadInputException;
import covidunet.io.IntTriple;
import covidunet.model.DeviceChoice;
import covidunet.model.DeviceInfo;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.sample.AugmentationConfig;

/**
 * The {@code train} options that shape the configuration, and how they combine: a configuration
 * card ({@code --config}), else the network and preprocessing of the model to fine-tune
 * ({@code --init_model}), else the default for the device (the reference's on a GPU,
 * {@link TrainingConfig#cpuDefault()} otherwise); then each option given overrides its part.
 * Zero (or an empty text, or {@value #CONFIGURATION_NORM} for the norm) means "not given".
 *
 * @param epochs the most epochs
 * @param iterations steps per epoch
 * @param patch the patch as {@code X,Y,Z}
 * @param batch patches per step
 * @param levels the network's resolution levels
 * @param base the first level's filters
 * @param norm {@code batch}, {@code instance} or {@code none}; {@value #CONFIGURATION_NORM}: the configuration's
 * @param lr Adam's initial learning rate
 */
public record TrainingOptions(int epochs, int iterations, String patch, int batch, int levels, int base, String norm,
	double lr)
{

	/** The {@code norm} that keeps the configuration's normalisation. */
	public static final String CONFIGURATION_NORM = "config";

	/** No option given: the configuration as it comes. */
	public static final TrainingOptions NONE = builder().build();

	/** A builder with no option given. */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds {@link TrainingOptions}; an option not set is not given. */
	public static final class Builder {

		private int epochs, iterations, batch, levels, base;
		private String patch = "", norm = CONFIGURATION_NORM;
		private double lr;

		private Builder() {}

		/** The most epochs. */
		public Builder epochs(final int n) {
			epochs = n;
			return this;
		}

		/** Steps per epoch. */
		public Builder iterations(final int n) {
			iterations = n;
			return this;
		}

		/** The patch as {@code X,Y,Z}. */
		public Builder patch(final String xyz) {
			patch = xyz;
			return this;
		}

		/** Patches per step. */
		public Builder batch(final int n) {
			batch = n;
			return this;
		}

		/** The network's resolution levels. */
		public Builder levels(final int n) {
			levels = n;
			return this;
		}

		/** The first level's filters. */
		public Builder base(final int n) {
			base = n;
			return this;
		}

		/** {@code batch}, {@code instance}, {@code none}, or {@value #CONFIGURATION_NORM}. */
		public Builder norm(final String name) {
			norm = name;
			return this;
		}

		/** Adam's initial learning rate. */
		public Builder lr(final double rate) {
			lr = rate;
			return this;
		}

		/** The options. */
		public TrainingOptions build() {
			return new TrainingOptions(epochs, iterations, patch, batch, levels, base, norm, lr);
		}
	}

	/**
	 * The configuration to train with.
	 *
	 * @param configFile a configuration card, or null
	 * @param initModel a model directory to fine-tune, or null
	 * @param devices TensorFlow's devices, for the default
	 * @return the configuration and where it came from, e.g. "models/cpu-small.json"
	 * @throws BadInputException naming the option or file that is wrong
	 */
	public Resolved resolve(final Path configFile, final Path initModel, final List<DeviceInfo> devices) {
		TrainingConfig start;
		String origin;
		if (configFile != null) {
			start = TrainingConfig.read(configFile);
			origin = configFile.toString();
		}
		else if (initModel != null) {
			final ModelCard card;
			try (LoadedModel model = ModelDirectory.load(initModel)) {
				card = model.card();
			}
			start = TrainingConfig.of(UNetConfig.fromJson(card.architecture())).withPreprocessing(card.preprocessing());
			if (card.augmentation().isPresent()) {
				start = start.withAugmentation(AugmentationConfig.fromJson(card.augmentation().get()));
			}
			origin = "the network of " + initModel;
		}
		else {
			final DeviceChoice choice = DeviceChoice.choose(devices);
			start = choice.gpu() ? TrainingConfig.of(UNetConfig.REFERENCE) : TrainingConfig.cpuDefault();
			origin = choice.description();
		}
		return new Resolved(applyTo(start), origin);
	}

	/**
	 * A configuration and where it came from.
	 *
	 * @param config the configuration
	 * @param origin where its defaults came from
	 */
	public record Resolved(TrainingConfig config, String origin) {}

	/** {@code start} with every given option applied. */
	public TrainingConfig applyTo(final TrainingConfig start) {
		if (epochs < 0) throw new BadInputException("epochs: " + epochs + " must be at least 1");
		if (iterations < 0) throw new BadInputException("iterations: " + iterations + " must be at least 1");
		if (batch < 0) throw new BadInputException("batch: " + batch + " must be at least 1");
		if (levels < 0) throw new BadInputException("levels: " + levels + " must be at least 1");
		if (base < 0) throw new BadInputException("base: " + base + " must be at least 1");
		if (lr < 0) throw new BadInputException("lr: " + lr + " must be above 0");
		final UNetConfig n = start.network();
		final int[] p = patch == null || patch.isBlank() ? n.patch() : IntTriple.parse("patch", patch);
		final boolean keepNorm = norm == null || norm.isBlank() || norm.equals(CONFIGURATION_NORM);
		final UNetConfig net = new UNetConfig(levels > 0 ? levels : n.levels(), base > 0 ? base : n
			.baseFilters(), keepNorm ? n.norm() : Norm.of(norm, "norm"), n.classes(), p[0], p[1], p[2],
			batch > 0 ? batch : n.batchSize(), n.momentum());
		return start.withNetwork(net).withSchedule(lr > 0 ? lr : start.learningRate(), iterations > 0 ? iterations :
			start.iterationsPerEpoch(), epochs > 0 ? epochs : start.maxEpochs());
	}
}
