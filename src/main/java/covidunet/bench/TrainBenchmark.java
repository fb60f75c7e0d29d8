package covidunet.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

import covidunet.model.SessionThreads;
import covidunet.model.loss.SegmentationLoss;
import covidunet.model.net.CustomGradients;
import covidunet.model.net.NetworkCost;
import covidunet.model.net.Norm;
import covidunet.model.net.UNet;
import covidunet.model.net.UNetConfig;

/**
 * {@code bench train}: the time of one training step of the {@link UNet} (forward, the reference's
 * loss — Tversky + cross-entropy, {@link SegmentationLoss} —, gradients, Adam at lr 1e-3, and the
 * batch-norm updates) on a seeded random input and random labels, as
 * {@code shared/bench/peer_unet3d_torch.py train} does in PyTorch. {@value #WARM_UP} untimed
 * steps, then {@code --steps} timed ones (default {@value #DEFAULT_STEPS}). Prints one line:
 * <ul>
 * <li>{@code step_s_median}: median seconds per timed step;</li>
 * <li>{@code voxels_per_s}: batch × patch voxels / step_s_median;</li>
 * <li>{@code gflops}: achieved GFLOP/s, {@link NetworkCost#trainingFlops} (3 × 2 × the exact
 * convolution multiply-adds of a forward pass × batch) / step_s_median / 1e9;</li>
 * <li>{@code peak_rss_mb}: the process's peak resident memory;</li>
 * <li>{@code params} and the configuration.</li>
 * </ul>
 * Options: {@code --size S} (cube side, default 64) or {@code --patch X,Y,Z}, {@code --levels L}
 * (4), {@code --base B} (16), {@code --batch N} (1), {@code --norm batch|instance|none} (none),
 * {@code --classes C} (4), {@code --threads T} (TensorFlow's intra-op threads; default: its own
 * choice), {@code --steps K}.
 */
public final class TrainBenchmark {

	/** Untimed steps before the timed ones. */
	public static final int WARM_UP = 2;

	/** Timed steps unless {@code --steps} says otherwise. */
	public static final int DEFAULT_STEPS = 8;

	/** The options {@code bench train} accepts. */
	public static final String[] OPTIONS = { "size", "patch", "levels", "base", "batch", "norm", "classes", "threads",
		"steps" };

	private static final long SEED = 20200707L;
	private static final float LEARNING_RATE = 1e-3f;

	private TrainBenchmark() {}

	/** Runs the benchmark with {@code options} (see the class comment) and prints its line to {@code out}. */
	public static void run(final Map<String, String> options, final PrintStream out) {
		final int[] patch = BenchOptions.patch(options, 64);
		final UNetConfig config = new UNetConfig(BenchOptions.integer(options, "levels", 4), BenchOptions.integer(options,
			"base", 16), Norm.of(options.getOrDefault("norm", "none"), "norm"), BenchOptions.integer(options, "classes",
				UNetConfig.DEFAULT_CLASSES), patch[0], patch[1], patch[2], BenchOptions.integer(options, "batch", 1),
			UNetConfig.DEFAULT_MOMENTUM);
		final int steps = BenchOptions.steps(options, DEFAULT_STEPS);
		final int threads = BenchOptions.threads(options);
		final double median = medianStepSeconds(config, steps, threads);
		out.println(String.format(Locale.ROOT,
			"step_s_median=%.4f voxels_per_s=%.0f gflops=%.1f peak_rss_mb=%d params=%d patch=%dx%dx%d levels=%d base=%d " +
				"batch=%d norm=%s classes=%d threads=%s steps=%d",
			median, config.batchSize() * config.patchVoxels() / median, NetworkCost.trainingFlops(config) / median / 1e9,
			MemoryUsage.peakResidentMb(), NetworkCost.parameters(config), config.patchX(), config.patchY(), config
				.patchZ(), config.levels(), config.baseFilters(), config.batchSize(), config.norm().key(), config.classes(),
			threads == 0 ? "default" : Integer.toString(threads), steps));
	}

	/** The median seconds of {@code steps} training steps after {@value #WARM_UP} untimed ones. */
	static double medianStepSeconds(final UNetConfig config, final int steps, final int threads) {
		CustomGradients.registerOnce();
		try (Graph graph = new Graph()) {
			final Ops tf = Ops.create(graph);
			final UNet net = UNet.build(tf, config, SEED);
			final Placeholder<TFloat32> labels = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(UNet
				.batchShape(config, config.classes())));
			final Op step = net.trainStep(new Adam(graph, LEARNING_RATE), loss(tf, net, labels));
			final SplittableRandom random = new SplittableRandom(SEED);
			try (Session session = new Session(graph, SessionThreads.config(threads)); TFloat32 x = input(UNet.batchShape(config, 1), random);
				TFloat32 y = oneHot(UNet.batchShape(config, config.classes()), config.classes(), random); TBool training = TBool.scalarOf(true))
			{
				final double[] seconds = new double[steps];
				for (int s = -WARM_UP; s < steps; s++) {
					final long start = System.nanoTime();
					session.runner().feed(net.input(), x).feed(labels, y).feed(net.training(), training).addTarget(step)
						.run().close();
					if (s >= 0) seconds[s] = (System.nanoTime() - start) / 1e9;
				}
				return median(seconds);
			}
		}
	}

	/** The median of {@code values} (sorted in place). */
	static double median(final double[] values) {
		Arrays.sort(values);
		final int n = values.length;
		return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}

	/** The training loss: the production one, so that the benchmark times what training runs. */
	private static Operand<TFloat32> loss(final Ops tf, final UNet net, final Operand<TFloat32> oneHotLabels) {
		return SegmentationLoss.build(tf, net.logits(), oneHotLabels, net.config().classes());
	}

	/** A seeded tensor of {@code shape} with values uniform in [−1, 1). */
	static TFloat32 input(final Shape shape, final SplittableRandom random) {
		final float[] v = new float[(int) shape.size()];
		for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextDouble() * 2 - 1);
		return TFloat32.tensorOf(shape, DataBuffers.of(v, true, false));
	}

	private static TFloat32 oneHot(final Shape shape, final int classes, final SplittableRandom random) {
		final float[] v = new float[(int) shape.size()];
		for (int i = 0; i < v.length; i += classes) v[i + random.nextInt(classes)] = 1;
		return TFloat32.tensorOf(shape, DataBuffers.of(v, true, false));
	}
}
