package covidunet.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@link SafeOps#logSoftmax} on a 5-D tensor: value and gradient against the closed form, and the
 * gradient against central differences.
 */
class SafeOpsTest {

	private static final Shape SHAPE = Shape.of(2, 3, 2, 2, 4);
	private static final double H = 1e-2;

	private static double loss(final Session s, final Placeholder<TFloat32> x, final Operand<TFloat32> loss,
		final double[] xv)
	{
		try (TFloat32 t = GraphValues.floats(SHAPE, xv); Result r = s.runner().feed(x, t).fetch(loss).run()) {
			return GraphValues.value(r.get(0));
		}
	}

	@Test
	void logSoftmaxValueAndGradientOn5d() {
		final SplittableRandom random = new SplittableRandom(3);
		final double[] xv = GraphValues.normal(random, SHAPE.size());
		final double[] rv = GraphValues.normal(random, SHAPE.size());
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(SHAPE));
			final Operand<TFloat32> logp = SafeOps.logSoftmax(tf, x, 4);
			final Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(logp, GraphValues.constant(tf, SHAPE, rv)), tf.constant(new int[] { 0, 1, 2, 3, 4 }));
			final Output<?> grad = g.addGradients(loss.asOutput(), new Output<?>[] { x.asOutput() })[0];
			try (Session s = new Session(g); TFloat32 xt = GraphValues.floats(SHAPE, xv); Result r = s.runner().feed(x, xt)
				.fetch(logp).fetch(grad).run())
			{
				final double[] got = GraphValues.values(r.get(0));
				final double[] g1 = GraphValues.values(r.get(1));
				for (int v = 0; v < xv.length / 4; v++) {
					double sum = 0;
					for (int c = 0; c < 4; c++) sum += Math.exp(xv[4 * v + c]);
					for (int c = 0; c < 4; c++) {
						assertEquals(xv[4 * v + c] - Math.log(sum), got[4 * v + c], 1e-5);
						// d/dx_c Σ_k r_k logp_k = r_c − softmax_c · Σ_k r_k
						double rs = 0;
						for (int k = 0; k < 4; k++) rs += rv[4 * v + k];
						final double expected = rv[4 * v + c] - Math.exp(xv[4 * v + c]) / sum * rs;
						assertEquals(expected, g1[4 * v + c], 1e-4 * (1 + Math.abs(expected)));
					}
				}
				assertTrue(g1.length == xv.length);
				for (int p = 0; p < 8; p++) {
					final int i = random.nextInt(xv.length);
					final double old = xv[i];
					xv[i] = old + H;
					final double plus = loss(s, x, loss, xv);
					xv[i] = old - H;
					final double minus = loss(s, x, loss, xv);
					xv[i] = old;
					assertEquals((plus - minus) / (2 * H), g1[i], 2e-2 * (0.1 + Math.abs(g1[i])), "finite difference");
				}
			}
		}
	}
}
