package covidunet.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Session.Runner;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

import covidunet.BadInputException;

/** The U-Net graph: shapes, sizes, determinism, a whole-model gradient check, training. */
class UNetTest {

	@BeforeAll
	static void register() {
		CustomGradients.registerOnce();
	}

	private static UNetConfig tiny(final int levels, final int base, final Norm norm, final int classes, final int x,
		final int y, final int z, final int batch)
	{
		return new UNetConfig(levels, base, norm, classes, x, y, z, batch, UNetConfig.DEFAULT_MOMENTUM);
	}

	@Test
	void outputShapesAndProbabilities() {
		for (final UNetConfig c : List.of(tiny(2, 2, Norm.NONE, 4, 8, 8, 8, 1), tiny(3, 3, Norm.INSTANCE, 3, 16, 8, 12,
			2), tiny(3, 2, Norm.BATCH, 2, 8, 16, 4, 2), tiny(1, 2, Norm.NONE, 4, 5, 3, 2, 1)))
		{
			try (Graph g = new Graph()) {
				final UNet net = UNet.build(Ops.create(g), c, 1);
				final Shape expected = UNet.batchShape(c, c.classes());
				assertArrayEquals(new long[] { -1, -1, -1, -1, c.classes() }, net.probs().shape().asArray(), c.toString());
				final double[] p = run(g, net, input(c, 5), false).get(0);
				assertEquals(expected.size(), p.length);
				for (int v = 0; v < p.length; v += c.classes()) {
					double sum = 0;
					for (int k = 0; k < c.classes(); k++) sum += p[v + k];
					assertEquals(1, sum, 1e-5);
				}
				assertEquals(UNet.PROBS, net.probs().op().name());
				assertEquals(UNet.INPUT, net.input().op().name());
			}
		}
	}

	@Test
	void referenceParameterCount() {
		final long formula = NetworkCost.parameters(UNetConfig.REFERENCE);
		assertEquals(22_587_204, formula);
		assertEquals(22.6e6, formula, 0.05e6);
		try (Graph g = new Graph()) {
			final UNet net = UNet.build(Ops.create(g), UNetConfig.REFERENCE, 1);
			assertEquals(formula, net.parameterCount());
			assertEquals(formula - 2 * 2 * (32 + 64 + 128 + 256 + 512 + 256 + 128 + 64 + 32), trainable(net));
		}
		for (final Norm n : Norm.values()) {
			final UNetConfig c = tiny(3, 3, n, 3, 8, 8, 8, 1);
			try (Graph g = new Graph()) {
				assertEquals(NetworkCost.parameters(c), UNet.build(Ops.create(g), c, 1).parameterCount(), n.key());
			}
		}
	}

	private static long trainable(final UNet net) {
		return net.trainableVariables().stream().mapToLong(v -> v.shape().size()).sum();
	}

	@Test
	void variableNamesAreFlatAndUnique() {
		try (Graph g = new Graph()) {
			final UNet net = UNet.build(Ops.create(g), tiny(3, 2, Norm.BATCH, 4, 8, 8, 8, 1), 1);
			final List<String> names = net.variables().stream().map(v -> v.op().name()).toList();
			assertEquals(names.size(), names.stream().distinct().count());
			assertTrue(names.stream().noneMatch(n -> n.contains("/")), names.toString());
			assertTrue(names.containsAll(List.of("enc0_conv1_w", "enc2_conv2_b", "dec1_up_w", "dec0_conv2_gamma",
				"dec0_conv2_moving_var", "head_w")), names.toString());
		}
	}

	@Test
	void patchNotDivisibleIsRefused() {
		final BadInputException e = assertThrows(BadInputException.class, () -> tiny(5, 32, Norm.BATCH, 4, 160, 100, 80,
			2));
		assertEquals("patch: 100 is not divisible by 16 (levels 5)", e.getMessage());
		assertThrows(BadInputException.class, () -> tiny(0, 32, Norm.BATCH, 4, 16, 16, 16, 2));
		assertThrows(BadInputException.class, () -> Norm.of("group", "norm"));
	}

	@Test
	void jsonRoundTrip() {
		for (final UNetConfig c : List.of(UNetConfig.REFERENCE, UNetConfig.CPU_DEFAULT, tiny(2, 3, Norm.NONE, 2, 4, 6,
			8, 3)))
		{
			assertEquals(c, UNetConfig.fromJson(c.toJson()));
		}
		final var o = UNetConfig.REFERENCE.toJson();
		o.addProperty("levels", 4.5);
		assertThrows(BadInputException.class, () -> UNetConfig.fromJson(o));
	}

	@Test
	void sameSeedSameWeightsAndOutputs() {
		final UNetConfig c = tiny(3, 3, Norm.INSTANCE, 4, 8, 8, 8, 1);
		final List<double[]> a = weightsAndOutput(c, 42), b = weightsAndOutput(c, 42), other = weightsAndOutput(c, 43);
		assertEquals(a.size(), b.size());
		for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i));
		assertFalse(Arrays.equals(a.get(0), other.get(0)));
		assertNotEquals(0, Arrays.stream(a.get(0)).map(Math::abs).sum());
	}

	private static List<double[]> weightsAndOutput(final UNetConfig c, final long seed) {
		try (Graph g = new Graph()) {
			final UNet net = UNet.build(Ops.create(g), c, seed);
			try (Session s = new Session(g); TFloat32 x = input(c, 9)) {
				final Runner r = s.runner().feed(net.input(), x);
				for (final Variable<TFloat32> v : net.variables()) r.fetch(v);
				r.fetch(net.probs());
				try (Result res = r.run()) {
					final List<double[]> out = new ArrayList<>();
					for (int i = 0; i < res.size(); i++) out.add(GraphValues.values(res.get(i)));
					return out;
				}
			}
		}
	}

	/**
	 * Whole model, each normalisation in training mode: along d = ∇L / |∇L| + r / |r| (r random over
	 * all trainable variables), (L(v + εd) − L(v − εd)) / 2ε equals ∇L · d within 1 %, with L =
	 * cross-entropy against fixed labels plus Σ probs² / voxels (computed in double from the logits).
	 * A purely random direction gives a derivative too small against float32 noise and ReLU kinks
	 * (errors of 10–100 % at 8³–16³); the gradient's own direction makes the signal large.
	 */
	@Test
	void directionalDerivativeMatchesGradient() {
		for (final Norm n : Norm.values()) {
			final UNetConfig c = tiny(3, 3, n, 3, 16, 16, 16, 2);
			try (Graph g = new Graph()) {
				final Ops tf = Ops.create(g);
				final UNet net = UNet.build(tf, c, 12);
				final Operand<TFloat32> loss = loss(tf, net, c);
				final List<Variable<TFloat32>> vars = net.trainableVariables();
				final Output<?>[] outs = vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
				final Output<?>[] grads = g.addGradients(loss.asOutput(), outs);
				final List<Placeholder<TFloat32>> values = new ArrayList<>();
				final List<Op> assigns = new ArrayList<>();
				for (final Variable<TFloat32> v : vars) {
					final Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
					values.add(p);
					assigns.add(tf.assign(v, p));
				}
				try (Session s = new Session(g); TFloat32 x = input(c, 3); TBool on = TBool.scalarOf(true)) {
					final Runner r = s.runner().feed(net.input(), x).feed(net.training(), on);
					for (final Variable<TFloat32> v : vars) r.fetch(v);
					for (final Output<?> gr : grads) r.fetch(gr);
					final List<double[]> v0 = new ArrayList<>(), g0 = new ArrayList<>();
					try (Result res = r.run()) {
						for (int i = 0; i < vars.size(); i++) {
							v0.add(GraphValues.values(res.get(i)));
							g0.add(GraphValues.values(res.get(vars.size() + i)));
						}
					}
					final SplittableRandom random = new SplittableRandom(5);
					final List<double[]> d = new ArrayList<>();
					double gNorm = 0, rNorm = 0;
					for (int i = 0; i < vars.size(); i++) {
						d.add(GraphValues.normal(random, v0.get(i).length));
						for (int j = 0; j < v0.get(i).length; j++) {
							gNorm += g0.get(i)[j] * g0.get(i)[j];
							rNorm += d.get(i)[j] * d.get(i)[j];
						}
					}
					double analytic = 0;
					for (int i = 0; i < vars.size(); i++) {
						for (int j = 0; j < v0.get(i).length; j++) {
							d.get(i)[j] = g0.get(i)[j] / Math.sqrt(gNorm) + d.get(i)[j] / Math.sqrt(rNorm);
							analytic += g0.get(i)[j] * d.get(i)[j];
						}
					}
					final double eps = 3e-3;
					final double plus = lossAt(s, net, x, on, vars, values, assigns, v0, d, eps);
					final double minus = lossAt(s, net, x, on, vars, values, assigns, v0, d, -eps);
					final double numeric = (plus - minus) / (2 * eps);
					assertTrue(Math.abs(analytic) > 1e-3, n + ": gradient · direction " + analytic);
					assertEquals(analytic, numeric, 1e-2 * Math.abs(analytic), n.key());
				}
			}
		}
	}

	private static double lossAt(final Session s, final UNet net, final TFloat32 x,
		final TBool on, final List<Variable<TFloat32>> vars, final List<Placeholder<TFloat32>> values,
		final List<Op> assigns, final List<double[]> v0, final List<double[]> d, final double eps)
	{
		final List<TFloat32> tensors = new ArrayList<>();
		try {
			final Runner assign = s.runner();
			for (int i = 0; i < vars.size(); i++) {
				final double[] v = v0.get(i).clone();
				for (int j = 0; j < v.length; j++) v[j] += eps * d.get(i)[j];
				final TFloat32 t = GraphValues.floats(vars.get(i).shape(), v);
				tensors.add(t);
				assign.feed(values.get(i), t).addTarget(assigns.get(i));
			}
			assign.run().close();
			try (Result r = s.runner().feed(net.input(), x).feed(net.training(), on).fetch(net.logits()).run()) {
				return javaLoss(GraphValues.values(r.get(0)), net.config().classes());
			}
		}
		finally {
			tensors.forEach(TFloat32::close);
		}
	}

	/** {@link #loss} in double precision from the logits, so that differences of losses are exact. */
	private static double javaLoss(final double[] logits, final int classes) {
		double sum = 0;
		for (int v = 0; v < logits.length / classes; v++) {
			double max = Double.NEGATIVE_INFINITY, z = 0;
			for (int k = 0; k < classes; k++) max = Math.max(max, logits[v * classes + k]);
			for (int k = 0; k < classes; k++) z += Math.exp(logits[v * classes + k] - max);
			sum -= logits[v * classes + label(v, classes)] - max - Math.log(z);
			for (int k = 0; k < classes; k++) {
				final double p = Math.exp(logits[v * classes + k] - max) / z;
				sum += p * p;
			}
		}
		return sum / logits.length;
	}

	private static int label(final int voxel, final int classes) {
		return (voxel * 7 / 3) % classes;
	}

	/** Cross-entropy against fixed labels (class = voxel index mod classes) plus mean Σ probs². */
	private static Operand<TFloat32> loss(final Ops tf, final UNet net, final UNetConfig c) {
		final Shape shape = UNet.batchShape(c, c.classes());
		final double[] onehot = new double[(int) shape.size()];
		for (int v = 0; v < onehot.length / c.classes(); v++) onehot[v * c.classes() + label(v, c.classes())] = 1;
		final Operand<TFloat32> y = GraphValues.constant(tf, shape, onehot);
		final Operand<org.tensorflow.types.TInt32> all = tf.constant(new int[] { 0, 1, 2, 3, 4 });
		final Operand<TFloat32> ce = tf.math.neg(tf.math.mean(tf.math.mul(y, GraphValues.logSoftmax(tf, net.logits(), c.classes())), all));
		final Operand<TFloat32> sq = tf.math.mean(tf.math.square(net.probs()), all);
		return tf.math.add(ce, sq);
	}

	@Test
	void adamReducesLossAndUpdatesMovingAverages() {
		final UNetConfig c = tiny(2, 4, Norm.BATCH, 2, 8, 8, 8, 2);
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final UNet net = UNet.build(tf, c, 12);
			final Operand<TFloat32> loss = loss(tf, net, c);
			final Op step = net.trainStep(new Adam(g, 0.01f), loss);
			try (Session s = new Session(g); TFloat32 x = input(c, 4); TBool on = TBool.scalarOf(true)) {
				double first = Double.NaN, last = Double.NaN;
				for (int i = 0; i < 25; i++) {
					try (Result r = s.runner().feed(net.input(), x).feed(net.training(), on).fetch(loss).addTarget(step)
						.run())
					{
						last = GraphValues.value(r.get(0));
						if (i == 0) first = last;
					}
				}
				assertTrue(last < 0.8 * first, first + " → " + last);
				final Variable<TFloat32> movingMean = net.variables().stream().filter(v -> v.op().name().equals(
					"enc0_conv1_moving_mean")).findFirst().orElseThrow();
				try (Result r = s.runner().fetch(movingMean).run()) {
					assertTrue(Arrays.stream(GraphValues.values(r.get(0))).anyMatch(v -> v != 0));
				}
			}
		}
	}

	@Test
	void trainingStepsAreReproducible() {
		final UNetConfig c = tiny(3, 4, Norm.INSTANCE, 4, 16, 16, 8, 2);
		final List<double[]> first = weightsAfterSteps(c, 4);
		final List<double[]> second = weightsAfterSteps(c, 4);
		assertEquals(first.size(), second.size());
		for (int i = 0; i < first.size(); i++) {
			assertArrayEquals(first.get(i), second.get(i), "variable " + i + " after 4 Adam steps in two fresh sessions");
		}
	}

	/** The trainable variables after {@code steps} Adam steps on a fixed input, in a fresh graph. */
	private static List<double[]> weightsAfterSteps(final UNetConfig c, final int steps) {
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final UNet net = UNet.build(tf, c, 21);
			final Op step = net.trainStep(new Adam(g, 0.01f), loss(tf, net, c));
			try (Session s = new Session(g); TFloat32 x = input(c, 8); TBool on = TBool.scalarOf(true)) {
				for (int i = 0; i < steps; i++) {
					s.runner().feed(net.input(), x).feed(net.training(), on).addTarget(step).run().close();
				}
				final Runner r = s.runner();
				net.trainableVariables().forEach(r::fetch);
				try (Result res = r.run()) {
					final List<double[]> values = new ArrayList<>();
					for (int i = 0; i < net.trainableVariables().size(); i++) values.add(GraphValues.values(res.get(i)));
					return values;
				}
			}
		}
	}

	private static List<double[]> run(final Graph g, final UNet net, final TFloat32 x, final boolean training) {
		try (Session s = new Session(g); TBool t = TBool.scalarOf(training); Result r = s.runner().feed(net.input(), x)
			.feed(net.training(), t).fetch(net.probs()).run())
		{
			x.close();
			return List.of(GraphValues.values(r.get(0)));
		}
	}

	private static TFloat32 input(final UNetConfig c, final long seed) {
		final Shape shape = Shape.of(c.batchSize(), c.patchZ(), c.patchY(), c.patchX(), 1);
		return GraphValues.floats(shape, GraphValues.normal(new SplittableRandom(seed), shape.size()));
	}
}
