package covidunet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.io.FileTrees;
import covidunet.io.Volume;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelCard;
import covidunet.model.keras.KerasImport;
import covidunet.model.net.NetworkCost;
import covidunet.model.net.Norm;
import covidunet.model.net.UNet;
import covidunet.model.net.UNetConfig;
import covidunet.predict.ModelSet;
import covidunet.predict.Segmentation;
import covidunet.predict.Segmenter;
import covidunet.predict.WindowGrid;
import net.imglib2.type.numeric.integer.ShortType;

/**
 * {@code bench infer}: the time of the {@link UNet}'s forward pass, as
 * {@code shared/bench/peer_unet3d_torch.py infer} does in PyTorch, and of segmenting a whole
 * CT-like 512 × 512 × 200 volume of 0.7 × 0.7 × 1.5 mm voxels ({@link CtLikeVolume}) as
 * {@code segment} does. The network is either a {@link FreshModel} of the options' configuration
 * (exported to a temporary model directory, reference preprocessing, the patch as window) or the
 * model directory {@code --model DIR}. Both run through {@link ModelSet} and {@link Segmenter},
 * i.e. the SavedModel's signature in inference mode. Prints one line:
 * <ul>
 * <li>{@code seconds_per_window}: the median seconds of one forward pass (softmax included) of a
 * batch of windows of random values, divided by the batch; {@value #WARM_UP} untimed passes,
 * then {@code --steps} timed ones (default {@value #DEFAULT_STEPS});</li>
 * <li>{@code seconds_per_volume}: one {@link Segmenter#segment} of the volume and its
 * {@link Segmentation#labels()} (preprocessing, sliding window with the model's default overlap
 * and blending, mapping back onto the scan's grid; not reading or writing files);</li>
 * <li>{@code windows}: the sliding window's windows over the preprocessed volume;</li>
 * <li>{@code peak_rss_mb}: the process's peak resident memory (heap and native);</li>
 * <li>{@code gflops} (2 × the convolutions' multiply-adds per window / seconds_per_window / 1e9),
 * {@code params} and the configuration; {@code grid} is the preprocessed volume's size.</li>
 * </ul>
 * Options: {@code --size S} (cube side, default 96) or {@code --patch X,Y,Z}, {@code --levels L}
 * (4), {@code --base B} (16), {@code --norm batch|instance|none} (none), {@code --classes C} (4);
 * or instead of these {@code --model DIR}; and {@code --batch N} (windows per call, 1),
 * {@code --threads T} (TensorFlow's intra-op threads; default: its own choice), {@code --steps K}.
 */
public final class InferBenchmark {

	/** Untimed forward passes before the timed ones. */
	public static final int WARM_UP = 2;

	/** Timed forward passes unless {@code --steps} says otherwise. */
	public static final int DEFAULT_STEPS = 5;

	/** The options {@code bench infer} accepts. */
	public static final String[] OPTIONS = { "model", "size", "patch", "levels", "base", "norm", "classes", "batch",
		"threads", "steps" };

	/** The options that describe a fresh network, refused with {@code --model}. */
	private static final String[] NETWORK = { "size", "patch", "levels", "base", "norm", "classes" };

	/** The volume segmented: x, y, z voxels. */
	private static final int[] VOLUME = { 512, 512, 200 };

	private InferBenchmark() {}

	/** Runs the benchmark with {@code options} (see the class comment) and prints its line to {@code out}. */
	public static void run(final Map<String, String> options, final PrintStream out) {
		run(options, VOLUME, out);
	}

	/** {@link #run(Map, PrintStream)} on a CT-like volume of {@code volume} (x, y, z) voxels. */
	static void run(final Map<String, String> options, final int[] volume, final PrintStream out) {
		final int batch = BenchOptions.integer(options, "batch", 1);
		if (batch < 1) throw new BadInputException("batch: " + batch + " must be at least 1");
		final int steps = BenchOptions.steps(options, DEFAULT_STEPS);
		final int threads = BenchOptions.threads(options);
		final String model = options.get("model");
		if (model != null) {
			for (final String key : NETWORK) {
				if (options.containsKey(key)) {
					throw new BadInputException(key + ": not with --model (its model.json fixes the network)");
				}
			}
			out.println(measure(Path.of(model), model, new Run(batch, steps, threads, volume)));
			return;
		}
		final int[] patch = BenchOptions.patch(options, 96);
		final UNetConfig config = new UNetConfig(BenchOptions.integer(options, "levels", 4), BenchOptions.integer(options,
			"base", 16), Norm.of(options.getOrDefault("norm", "none"), "norm"), BenchOptions.integer(options, "classes",
				UNetConfig.DEFAULT_CLASSES), patch[0], patch[1], patch[2], batch, UNetConfig.DEFAULT_MOMENTUM);
		try {
			final Path dir = Files.createTempDirectory("covid-unet-bench-infer");
			try {
				FreshModel.export(config, dir.resolve("model"));
				out.println(measure(dir.resolve("model"), "fresh", new Run(batch, steps, threads, volume)));
			}
			finally {
				FileTrees.delete(dir);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What to run: windows per call, timed passes, threads, the volume's size. */
	private record Run(int batch, int steps, int threads, int[] volume) {}

	private static String measure(final Path dir, final String source, final Run run) {
		try (ModelSet models = ModelSet.load(dir, run.threads())) {
			final ModelCard card = models.card();
			final int[] window = card.patchSize();
			final Network net = Network.of(card.architecture(), window, run.batch());
			final double perWindow = secondsPerWindow(models.models().get(0), Shape.of(run.batch(), window[2], window[1],
				window[0], 1), run.steps());
			final int[] v = run.volume();
			final Volume<ShortType> ct = CtLikeVolume.create(v[0], v[1], v[2], FreshModel.SEED);
			final Segmenter segmenter = new Segmenter(models, new Segmenter.Options(null, run.batch(), null, false, false, true, true));
			final long start = System.nanoTime();
			final Segmentation segmentation = segmenter.segment("bench", ct, Progress.NONE);
			segmentation.labels();
			final double perVolume = (System.nanoTime() - start) / 1e9;
			final int[] grid = segmentation.networkGrid();
			return String.format(Locale.ROOT,
				"seconds_per_window=%.4f seconds_per_volume=%.2f windows=%d peak_rss_mb=%d gflops=%.1f params=%d " +
					"window=%s levels=%d base=%s norm=%s classes=%d batch=%d threads=%s steps=%d volume=%s grid=%s model=%s",
				perWindow, perVolume, WindowGrid.of(grid, window, card.overlap()).count(), MemoryUsage.peakResidentMb(), net
					.flopsPerWindow() / perWindow / 1e9, net.params(), sides(window), net.levels(), net.base(), net.norm(), net
						.classes(), run.batch(), run.threads() == 0 ? "default" : Integer.toString(run.threads()), run.steps(),
				sides(v), sides(grid), source);
		}
	}

	/**
	 * What the benchmark says of a model's network: for the project's U-Net from its
	 * configuration, for an imported Keras model from what the importer counted.
	 */
	private record Network(double flopsPerWindow, long params, int levels, String base, String norm, int classes) {

		static Network of(final JsonObject architecture, final int[] window, final int batch) {
			if (KerasImport.isImported(architecture)) {
				return new Network(architecture.get("flops_per_voxel").getAsDouble() * window[0] * window[1] * window[2],
					architecture.get("parameters").getAsLong(), architecture.get("levels").getAsInt(), "keras", "keras",
					architecture.get("classes").getAsInt());
			}
			final UNetConfig config = UNetConfig.fromJson(architecture).withPatch(window[0], window[1], window[2])
				.withBatchSize(batch);
			return new Network(2.0 * NetworkCost.forwardMultiplyAdds(config), NetworkCost.parameters(config), config
				.levels(), Integer.toString(config.baseFilters()), config.norm().key(), config.classes());
		}
	}

	/** The median seconds of a forward pass of one batch, after {@value #WARM_UP} untimed ones, per window. */
	private static double secondsPerWindow(final LoadedModel model, final Shape batch, final int steps) {
		final double[] seconds = new double[steps];
		try (TFloat32 x = TrainBenchmark.input(batch, new SplittableRandom(FreshModel.SEED))) {
			for (int s = -WARM_UP; s < steps; s++) {
				final long start = System.nanoTime();
				model.predict(x).close();
				if (s >= 0) seconds[s] = (System.nanoTime() - start) / 1e9;
			}
		}
		return TrainBenchmark.median(seconds) / batch.get(0);
	}

	private static String sides(final int[] xyz) {
		return xyz[0] + "x" + xyz[1] + "x" + xyz[2];
	}
}
