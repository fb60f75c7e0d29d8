package covidunet.model.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.framework.optimizers.Optimizer.GradAndVar;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The standard 3D U-Net of docs/method.md as a TensorFlow graph. Per level two 3 × 3 × 3 'same'
 * convolutions, each Conv → ReLU [→ norm]; 2 × 2 × 2 max-pooling down; 2 × 2 × 2 stride-2
 * transposed convolution up (to the level's filters); concatenation [skip, up]; a 1 × 1 × 1 head
 * to the classes; softmax.
 * <p>
 * Names are stable (they are the SavedModel signature): input {@value #INPUT} (float32, NDHWC
 * [batch, z, y, x, 1], any batch and any sides divisible by 2^(levels − 1): the configuration's
 * patch and batch are what training feeds, inference may use other windows), the boolean {@value #TRAINING} (default false; true selects batch
 * statistics in batch norm), {@value #LOGITS} and {@value #PROBS} ([batch, z, y, x, classes]).
 * Variables live at the root scope with flat names ({@code enc0_conv1_w}, {@code dec2_up_b},
 * {@code head_w}…), as the optimizers' slot names need. Weights are He-normal from stateless
 * random ops seeded by the build's seed (the same seed gives the same weights), biases and norm
 * shifts 0, norm scales 1.
 */
public final class UNet {

	/** Name of the input placeholder. */
	public static final String INPUT = "x";
	/** Name of the training-mode placeholder (boolean scalar, default false). */
	public static final String TRAINING = "training";
	/** Name of the logits. */
	public static final String LOGITS = "logits";
	/** Name of the softmax probabilities. */
	public static final String PROBS = "probs";

	private static final double BATCH_NORM_EPSILON = 1e-3;
	private static final double INSTANCE_NORM_EPSILON = 1e-5;
	private static final List<Long> ONES = List.of(1L, 1L, 1L, 1L, 1L);
	private static final List<Long> TWOS = List.of(1L, 2L, 2L, 2L, 1L);

	private final Ops tf;
	private final UNetConfig config;
	private final long seed;
	private final Placeholder<TFloat32> input;
	private final PlaceholderWithDefault<TBool> training;
	private final Operand<TFloat32> trainingWeight;
	private final List<Variable<TFloat32>> trainable = new ArrayList<>();
	private final List<Variable<TFloat32>> all = new ArrayList<>();
	private final List<Op> updates = new ArrayList<>();
	private Operand<TFloat32> logits;
	private Operand<TFloat32> probs;

	private UNet(final Ops tf, final UNetConfig config, final long seed) {
		this.tf = tf;
		this.config = config;
		this.seed = seed;
		input = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 1)));
		training = tf.withName(TRAINING).placeholderWithDefault(tf.constant(false), Shape.scalar());
		trainingWeight = tf.dtypes.cast(training, TFloat32.class);
	}

	/**
	 * Builds the network into {@code tf}'s graph (whose root scope must not yet hold these names).
	 *
	 * @param seed seeds the initial weights
	 */
	public static UNet build(final Ops tf, final UNetConfig config, final long seed) {
		final UNet net = new UNet(tf, config, seed);
		net.network();
		return net;
	}

	private void network() {
		final int levels = config.levels();
		final List<Operand<TFloat32>> skips = new ArrayList<>();
		Operand<TFloat32> h = input;
		int cin = 1;
		for (int l = 0; l < levels; l++) {
			final int c = config.filters(l);
			h = block("enc" + l, h, cin, c);
			cin = c;
			if (l < levels - 1) {
				skips.add(h);
				h = tf.nn.maxPool3d(h, TWOS, TWOS, "VALID");
			}
		}
		for (int l = levels - 2; l >= 0; l--) {
			final int c = config.filters(l);
			h = up("dec" + l + "_up", h, cin, c);
			h = tf.concat(List.of(skips.get(l), h), tf.constant(-1));
			h = block("dec" + l, h, 2 * c, c);
			cin = c;
		}
		logits = tf.withName(LOGITS).identity(conv("head", h, cin, config.classes(), 1));
		probs = tf.withName(PROBS).nn.softmax(logits);
	}

	private Operand<TFloat32> block(final String name, final Operand<TFloat32> in, final int cin, final int c) {
		Operand<TFloat32> h = in;
		for (int i = 1; i <= 2; i++) {
			final String conv = name + "_conv" + i;
			h = tf.nn.relu(conv(conv, h, i == 1 ? cin : c, c, 3));
			h = normalise(conv, h, c);
		}
		return h;
	}

	private Operand<TFloat32> conv(final String name, final Operand<TFloat32> in, final int cin, final int cout,
		final int k)
	{
		final Variable<TFloat32> w = weight(name + "_w", Shape.of(k, k, k, cin, cout), (long) k * k * k * cin);
		final Variable<TFloat32> b = filled(name + "_b", cout, 0, true);
		return tf.nn.biasAdd(tf.nn.conv3d(in, w, ONES, "SAME"), b);
	}

	private Operand<TFloat32> up(final String name, final Operand<TFloat32> in, final int cin, final int cout)
	{
		final Variable<TFloat32> w = weight(name + "_w", Shape.of(2, 2, 2, cout, cin), cin);
		final Variable<TFloat32> b = filled(name + "_b", cout, 0, true);
		final Operand<TInt32> size = tf.math.add(tf.math.mul(tf.shape(in), tf.constant(new int[] { 1, 2, 2, 2, 0 })), tf
			.constant(new int[] { 0, 0, 0, 0, cout }));
		return tf.nn.biasAdd(tf.nn.conv3dBackpropInput(size, w, in, TWOS, "SAME"), b);
	}

	private Operand<TFloat32> normalise(final String name, final Operand<TFloat32> h, final int c) {
		return switch (config.norm()) {
			case NONE -> h;
			case INSTANCE -> {
				final Operand<TFloat32> mean = tf.math.mean(h, tf.constant(new int[] { 1, 2, 3 }), Mean
					.keepDims(true));
				final Operand<TFloat32> var = tf.math.mean(tf.math.squaredDifference(h, mean), tf.constant(new int[] { 1,
					2, 3 }), Mean.keepDims(true));
				yield affine(name, h, mean, var, INSTANCE_NORM_EPSILON, c);
			}
			case BATCH -> batchNorm(name, h, c);
		};
	}

	/**
	 * Batch norm: batch statistics when {@value #TRAINING} is true, moving averages otherwise
	 * (w · batch + (1 − w) · moving with w = training as 0 or 1; no gradient flows into the
	 * moving averages). Their update runs with {@link #trainStep}.
	 */
	private Operand<TFloat32> batchNorm(final String name, final Operand<TFloat32> h, final int c) {
		final Operand<TInt32> axes = tf.constant(new int[] { 0, 1, 2, 3 });
		final Operand<TFloat32> mean = tf.math.mean(h, axes);
		final Operand<TFloat32> var = tf.math.mean(tf.math.squaredDifference(h, mean), axes);
		final Variable<TFloat32> movingMean = filled(name + "_moving_mean", c, 0, false);
		final Variable<TFloat32> movingVar = filled(name + "_moving_var", c, 1, false);
		updates.add(movingAverage(movingMean, mean));
		updates.add(movingAverage(movingVar, var));
		return affine(name, h, mix(mean, movingMean), mix(var, movingVar), BATCH_NORM_EPSILON, c);
	}

	private Operand<TFloat32> mix(final Operand<TFloat32> batch, final Variable<TFloat32> moving) {
		final Operand<TFloat32> one = tf.constant(1f);
		return tf.math.add(tf.math.mul(trainingWeight, batch), tf.math.mul(tf.math.sub(one, trainingWeight), tf
			.stopGradient(moving)));
	}

	private Op movingAverage(final Variable<TFloat32> moving, final Operand<TFloat32> batch) {
		final float m = (float) config.momentum();
		return tf.assign(moving, tf.math.add(tf.math.mul(moving, tf.constant(m)), tf.math.mul(tf.stopGradient(batch), tf
			.constant(1 - m))));
	}

	private Operand<TFloat32> affine(final String name, final Operand<TFloat32> h, final Operand<TFloat32> mean,
		final Operand<TFloat32> var, final double epsilon, final int c)
	{
		final Variable<TFloat32> gamma = filled(name + "_gamma", c, 1, true);
		final Variable<TFloat32> beta = filled(name + "_beta", c, 0, true);
		final Operand<TFloat32> scale = tf.math.mul(tf.math.rsqrt(tf.math.add(var, tf.constant((float) epsilon))), gamma);
		return tf.math.add(tf.math.mul(tf.math.sub(h, mean), scale), beta);
	}

	/** He-normal weights, N(0, 2 / fanIn), from a stateless generator seeded by (seed, index). */
	private Variable<TFloat32> weight(final String name, final Shape shape, final long fanIn) {
		final Operand<TFloat32> normal = tf.random.statelessRandomNormal(tf.constant(shape.asArray()), tf.constant(
			new long[] { seed, all.size() }));
		return add(tf.withName(name).variable(tf.math.mul(normal, tf.constant((float) Math.sqrt(2.0 / fanIn)))), true);
	}

	private Variable<TFloat32> filled(final String name, final int n, final float value, final boolean isTrainable) {
		return add(tf.withName(name).variable(tf.fill(tf.constant(new int[] { n }), tf.constant(value))), isTrainable);
	}

	private Variable<TFloat32> add(final Variable<TFloat32> v, final boolean isTrainable) {
		all.add(v);
		if (isTrainable) trainable.add(v);
		return v;
	}

	/**
	 * One training step: the gradients of {@code loss} for the trainable variables, applied by
	 * {@code optimizer}, together with the batch-norm moving-average updates (run it with
	 * {@value #TRAINING} fed true). Needs {@link CustomGradients#registerOnce()}.
	 *
	 * @param loss a scalar computed from {@link #logits()} or {@link #probs()}
	 * @return the op to run as the step's target
	 */
	public Op trainStep(final Optimizer optimizer, final Operand<TFloat32> loss) {
		final Graph graph = (Graph) tf.scope().env();
		final Output<?>[] vars = new Output<?>[trainable.size()];
		for (int i = 0; i < vars.length; i++) vars[i] = trainable.get(i).asOutput();
		final Output<?>[] grads = graph.addGradients(loss.asOutput(), vars);
		final List<GradAndVar<?>> pairs = new ArrayList<>();
		final Op gradientsDone = afterAll(grads);
		final Ops afterGradients = tf.withControlDependencies(List.of(gradientsDone));
		for (int i = 0; i < vars.length; i++) pairs.add(pair(afterGradients.identity(grads[i]).asOutput(), vars[i]));
		final List<Op> targets = new ArrayList<>(updates);
		targets.add(optimizer.applyGradients(pairs, "apply_gradients"));
		return tf.withControlDependencies(targets).withName("train_step").noOp();
	}

	/**
	 * An op that runs once every gradient is computed. The optimiser's updates wait for it: the
	 * variables are updated in place, and without this order an update could overwrite a weight
	 * that another gradient has yet to read, which made steps differ from run to run.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Op afterAll(final Output<?>[] grads) {
		final List<Op> computed = new ArrayList<>();
		for (final Output<?> grad : grads) computed.add(tf.identity((Output) grad));
		return tf.withControlDependencies(computed).withName("gradients_done").noOp();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static GradAndVar<?> pair(final Output<?> grad, final Output<?> var) {
		return new GradAndVar(grad, var);
	}

	/** The configuration built. */
	public UNetConfig config() {
		return config;
	}

	/**
	 * The shape of a batch of {@code channels}-channel tensors for {@code config}'s patch and batch:
	 * [batch, z, y, x, channels].
	 */
	public static Shape batchShape(final UNetConfig config, final int channels) {
		return Shape.of(config.batchSize(), config.patchZ(), config.patchY(), config.patchX(), channels);
	}

	/** The input, {@value #INPUT}: float32 [batch, z, y, x, 1] with batch and sides not fixed. */
	public Placeholder<TFloat32> input() {
		return input;
	}

	/** The training-mode switch, {@value #TRAINING}: a boolean scalar, false unless fed. */
	public PlaceholderWithDefault<TBool> training() {
		return training;
	}

	/** {@value #LOGITS}: [batch, z, y, x, classes]. */
	public Operand<TFloat32> logits() {
		return logits;
	}

	/** {@value #PROBS}, the softmax of the logits over the last axis. */
	public Operand<TFloat32> probs() {
		return probs;
	}

	/** The variables the optimizer trains (weights, biases, norm scales and shifts), in build order. */
	public List<Variable<TFloat32>> trainableVariables() {
		return Collections.unmodifiableList(trainable);
	}

	/** Every variable of the network: the trainable ones plus batch norm's moving averages. */
	public List<Variable<TFloat32>> variables() {
		return Collections.unmodifiableList(all);
	}

	/** The batch-norm moving-average updates ({@link #trainStep} runs them); empty without batch norm. */
	public List<Op> updateOps() {
		return Collections.unmodifiableList(updates);
	}

	/** The number of values in {@link #variables()} (as Keras counts "total params"). */
	public long parameterCount() {
		long n = 0;
		for (final Variable<TFloat32> v : all) n += v.shape().size();
		return n;
	}
}
