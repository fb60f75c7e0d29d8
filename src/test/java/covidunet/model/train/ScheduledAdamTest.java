package covidunet.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** {@link ScheduledAdam} against Adam's update written out in double precision. */
class ScheduledAdamTest {

	private static final float[] START = { 0.3f, -0.2f, 0.7f };
	private static final float[] SCALE = { 1.5f, -2f, 0.25f };
	private static final float[] TARGET = { 1f, 2f, -3f };

	/** Loss Σ (s·w − t)², gradient 2 s (s·w − t). */
	private static double[] gradient(final double[] w) {
		final double[] g = new double[w.length];
		for (int i = 0; i < w.length; i++) g[i] = 2 * SCALE[i] * (SCALE[i] * w[i] - TARGET[i]);
		return g;
	}

	/** Adam as TensorFlow's ApplyAdam computes it, in double precision. */
	private static double[] expected(final double[] rates) {
		final double[] w = new double[START.length], m = new double[w.length], v = new double[w.length];
		for (int i = 0; i < w.length; i++) w[i] = START[i];
		for (int t = 1; t <= rates.length; t++) {
			final double[] g = gradient(w);
			final double rate = rates[t - 1] * Math.sqrt(1 - Math.pow(ScheduledAdam.BETA_2, t)) / (1 - Math.pow(
				ScheduledAdam.BETA_1, t));
			for (int i = 0; i < w.length; i++) {
				m[i] = ScheduledAdam.BETA_1 * m[i] + (1 - ScheduledAdam.BETA_1) * g[i];
				v[i] = ScheduledAdam.BETA_2 * v[i] + (1 - ScheduledAdam.BETA_2) * g[i] * g[i];
				w[i] -= rate * m[i] / (Math.sqrt(v[i]) + ScheduledAdam.EPSILON);
			}
		}
		return w;
	}

	/** Runs steps with the given rates (NaN: no feed, the initial rate) and returns w. */
	private static float[] train(final float initial, final double[] rates) {
		try (Graph graph = new Graph()) {
			final Ops tf = Ops.create(graph);
			final Variable<TFloat32> w = tf.withName("w").variable(tf.constant(START));
			final Operand<TFloat32> loss = tf.reduceSum(tf.math.square(tf.math.sub(tf.math.mul(w, tf.constant(SCALE)), tf
				.constant(TARGET))), tf.constant(0));
			final ScheduledAdam adam = new ScheduledAdam(graph, initial);
			final Op step = adam.minimize(loss);
			try (Session session = new Session(graph)) {
				session.initialize();
				for (final double rate : rates) {
					final Session.Runner runner = session.runner().addTarget(step);
					if (!Double.isNaN(rate)) {
						try (TFloat32 r = TFloat32.scalarOf((float) rate)) {
							runner.feed(adam.learningRate(), r).run().close();
						}
					}
					else {
						runner.run().close();
					}
				}
				try (Result result = session.runner().fetch(w).run()) {
					final float[] values = new float[START.length];
					((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(values);
					return values;
				}
			}
		}
	}

	private static void assertClose(final double[] expected, final float[] actual) {
		for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-5 * (1 + Math.abs(expected[i])),
			"w[" + i + "]");
	}

	@Test
	void fedRatesChangeTheStepAsAdamWould() {
		final double[] rates = { 0.1, 0.1, 0.1, 0.01, 0.01, 0.05, 0.001 };
		assertClose(expected(rates), train(0.5f, rates));
	}

	@Test
	void withoutAFeedTheInitialRateApplies() {
		final double[] unfed = { Double.NaN, Double.NaN, Double.NaN };
		assertClose(expected(new double[] { 0.02, 0.02, 0.02 }), train(0.02f, unfed));
	}

	@Test
	void aLowerRateMovesLess() {
		final float[] fast = train(0.1f, new double[] { 0.1, 0.1 });
		final float[] slow = train(0.1f, new double[] { 0.1, 0.001 });
		assertNotEquals(fast[0], slow[0]);
		assertTrue(Math.abs(fast[0] - START[0]) > Math.abs(slow[0] - START[0]));
	}
}
