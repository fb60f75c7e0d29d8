package covidunet.model.train;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Adam whose learning rate is read from the graph at every step, so that a schedule such as
 * {@link PlateauSchedule} can change it: feed {@value #LEARNING_RATE} (a float32 scalar; without a
 * feed the initial rate applies). TensorFlow Java's own {@code Adam} bakes its rate into the graph
 * as a constant.
 * <p>
 * The update is TensorFlow's {@code ApplyAdam} (Keras' Adam): β1 0.9, β2 0.999, ε
 * {@value #EPSILON} (Keras' default, the reference's). Slots {@code <variable>-m} and
 * {@code <variable>-v} and the powers {@code beta1_power}, {@code beta2_power} are variables, so a
 * checkpoint holds the whole optimiser state. Unlike TensorFlow Java's {@code Adam}, the powers are
 * advanced only after every variable's update has read them, so steps do not depend on the order
 * in which TensorFlow happens to run the updates.
 */
public final class ScheduledAdam extends Optimizer {

	/** The name of the learning-rate placeholder. */
	public static final String LEARNING_RATE = "learning_rate";

	/** Decay of the first moment. */
	public static final float BETA_1 = 0.9f;

	/** Decay of the second moment. */
	public static final float BETA_2 = 0.999f;

	/** The denominator's ε (Keras' default). */
	public static final float EPSILON = 1e-7f;

	private static final String FIRST_MOMENT = "m", SECOND_MOMENT = "v";

	private final PlaceholderWithDefault<TFloat32> learningRate;
	private Variable<TFloat32> beta1Power;
	private Variable<TFloat32> beta2Power;

	/**
	 * @param graph the graph to add the optimiser to
	 * @param initialLearningRate the rate when {@value #LEARNING_RATE} is not fed
	 */
	public ScheduledAdam(final Graph graph, final float initialLearningRate) {
		super(graph);
		learningRate = tf.withName(LEARNING_RATE).placeholderWithDefault(tf.constant(initialLearningRate), Shape
			.scalar());
	}

	/** The learning-rate placeholder to feed at each step. */
	public PlaceholderWithDefault<TFloat32> learningRate() {
		return learningRate;
	}

	@Override
	protected void createSlots(final List<Output<? extends TType>> variables) {
		for (final Output<? extends TType> v : variables) {
			createZeroSlot(v.asOutput(), FIRST_MOMENT);
			createZeroSlot(v.asOutput(), SECOND_MOMENT);
		}
		final Ops init = tf.withInitScope();
		beta1Power = init.withName("beta1_power").variable(Shape.scalar(), TFloat32.class);
		init.assign(beta1Power, init.constant(BETA_1));
		beta2Power = init.withName("beta2_power").variable(Shape.scalar(), TFloat32.class);
		init.assign(beta2Power, init.constant(BETA_2));
	}

	private <T extends TType> void createZeroSlot(final Output<T> variable, final String slot) {
		final Operand<T> zeros = tf.fill(tf.shape(variable), tf.dtypes.cast(tf.constant(0f), variable.type()));
		createSlot(variable, slot, zeros);
	}

	@Override
	protected <T extends TType> Op applyDense(final Ops deps, final Output<T> gradient, final Output<T> variable) {
		final Variable<T> m = getSlot(variable, FIRST_MOMENT).orElseThrow();
		final Variable<T> v = getSlot(variable, SECOND_MOMENT).orElseThrow();
		final Class<T> type = gradient.type();
		return deps.train.applyAdam(variable, m, v, deps.dtypes.cast(beta1Power, type), deps.dtypes.cast(beta2Power,
			type), deps.dtypes.cast(learningRate, type), deps.dtypes.cast(deps.constant(BETA_1), type), deps.dtypes.cast(
				deps.constant(BETA_2), type), deps.dtypes.cast(deps.constant(EPSILON), type), gradient);
	}

	@Override
	protected Op finish(final List<Op> updates, final String name) {
		final Ops afterUpdates = tf.withControlDependencies(updates);
		final List<Op> all = new ArrayList<>(updates);
		all.add(afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, afterUpdates.constant(BETA_1))));
		all.add(afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, afterUpdates.constant(BETA_2))));
		return super.finish(all, name);
	}

	@Override
	public String getOptimizerName() {
		return "ScheduledAdam";
	}
}
