package covidunet.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

import covidunet.EnvironmentException;

/**
 * Finite-difference checks of the Java gradients of Conv3D and Conv3DBackpropInputV2 (in float64),
 * w.r.t. both the data and the filter, at strides 1 and 2 with 'SAME' padding.
 */
class CustomGradientsTest {

	private static final double H = 1e-5;
	private static final int PROBES = 12;

	@BeforeAll
	static void register() {
		CustomGradients.registerOnce();
	}

	@Test
	void registerOnceIsIdempotent() {
		CustomGradients.registerOnce();
		CustomGradients.registerOnce();
	}

	@Test
	void windowsIsRefusedWithOneLine() {
		final EnvironmentException e = assertThrows(EnvironmentException.class, () -> CustomGradients.requireNotWindows(
			"Windows 11"));
		assertEquals(CustomGradients.WINDOWS_MESSAGE, e.getMessage());
		CustomGradients.requireNotWindows("Linux");
	}

	@Test
	void conv3dStride1() {
		check(false, 1, new long[] { 2, 6, 5, 4, 3 }, new long[] { 3, 3, 3, 3, 2 }, null);
	}

	@Test
	void conv3dStride2() {
		check(false, 2, new long[] { 1, 8, 6, 6, 2 }, new long[] { 3, 3, 3, 2, 3 }, null);
	}

	@Test
	void conv3dStride2Kernel2() {
		check(false, 2, new long[] { 1, 6, 4, 8, 2 }, new long[] { 2, 2, 2, 2, 3 }, null);
	}

	@Test
	void transposedStride2Kernel2() {
		check(true, 2, new long[] { 1, 4, 3, 2, 2 }, new long[] { 2, 2, 2, 3, 2 }, new int[] { 1, 8, 6, 4, 3 });
	}

	@Test
	void transposedStride1() {
		check(true, 1, new long[] { 2, 5, 4, 4, 3 }, new long[] { 3, 3, 3, 2, 3 }, new int[] { 2, 5, 4, 4, 2 });
	}

	@Test
	void transposedStride2Kernel3() {
		check(true, 2, new long[] { 1, 4, 3, 3, 3 }, new long[] { 3, 3, 3, 2, 3 }, new int[] { 1, 8, 6, 6, 2 });
	}

	/**
	 * L = Σ op(x, w) · R for a fixed random R; compares dL/dx and dL/dw at random entries with
	 * central differences.
	 *
	 * @param sizes null for Conv3D; the output size for the transposed convolution
	 */
	private static void check(final boolean transposed, final int stride, final long[] xShape, final long[] wShape,
		final int[] sizes)
	{
		final SplittableRandom random = new SplittableRandom(7 + stride + (transposed ? 100 : 0));
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat64> x = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(xShape)));
			final Placeholder<TFloat64> w = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(wShape)));
			final List<Long> strides = List.of(1L, (long) stride, (long) stride, (long) stride, 1L);
			final Operand<TFloat64> y = transposed ? tf.nn.conv3dBackpropInput(tf.constant(sizes), w, x, strides, "SAME")
				: tf.nn.conv3d(x, w, strides, "SAME");
			final Operand<TFloat64> r = tf.random.statelessRandomNormal(tf.constant(y.shape().asArray()), tf.constant(new long[] { 1, 2 }),
				TFloat64.class);
			final Operand<TFloat64> loss = tf.reduceSum(tf.math.mul(y, r), tf.constant(new int[] { 0, 1, 2, 3, 4 }));
			final Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] { x.asOutput(), w.asOutput() });
			final double[] xv = GraphValues.normal(random, Shape.of(xShape).size());
			final double[] wv = GraphValues.normal(random, Shape.of(wShape).size());
			try (Session s = new Session(g)) {
				final double[][] analytic = new double[2][];
				try (TFloat64 xt = GraphValues.doubles(x.shape(), xv); TFloat64 wt = GraphValues.doubles(w.shape(), wv);
					Result res = s.runner().feed(x, xt).feed(w, wt).fetch(grads[0]).fetch(grads[1]).run())
				{
					analytic[0] = GraphValues.values(res.get(0));
					analytic[1] = GraphValues.values(res.get(1));
				}
				final double[][] point = { xv, wv };
				for (int which = 0; which < 2; which++) {
					double maxErr = 0, maxGrad = 0;
					for (int p = 0; p < PROBES; p++) {
						final int i = random.nextInt(point[which].length);
						final double old = point[which][i];
						point[which][i] = old + H;
						final double plus = loss(s, x, w, point, loss);
						point[which][i] = old - H;
						final double minus = loss(s, x, w, point, loss);
						point[which][i] = old;
						final double numeric = (plus - minus) / (2 * H);
						maxErr = Math.max(maxErr, Math.abs(numeric - analytic[which][i]));
						maxGrad = Math.max(maxGrad, Math.abs(analytic[which][i]));
					}
					assertTrue(maxGrad > 0, "zero gradient");
					assertTrue(maxErr / maxGrad < 1e-6, (which == 0 ? "d/dinput" : "d/dfilter") + " relative error " +
						maxErr / maxGrad);
				}
			}
		}
	}

	private static double loss(final Session s, final Placeholder<TFloat64> x, final Placeholder<TFloat64> w,
		final double[][] point, final Operand<TFloat64> loss)
	{
		try (TFloat64 xt = GraphValues.doubles(x.shape(), point[0]); TFloat64 wt = GraphValues.doubles(w.shape(),
			point[1]); Result res = s.runner().feed(x, xt).feed(w, wt).fetch(loss).run())
		{
			return GraphValues.value(res.get(0));
		}
	}
}
