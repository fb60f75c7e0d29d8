package covidunet.model.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * The loss against values worked out by hand and by plain double loops, on a batch of two samples
 * of 1 × 2 × 2 voxels (z, y, x) and four classes, and its gradient against finite differences.
 */
class SegmentationLossTest {

	private static final int N = 2;
	private static final int VOXELS = 4;
	private static final int C = 4;
	private static final Shape LABEL_SHAPE = Shape.of(N, 1, 2, 2, 1);
	private static final Shape LOGIT_SHAPE = Shape.of(N, 1, 2, 2, C);

	/** Sample 0 has one voxel of each class, sample 1 only background. */
	private static final byte[] LABELS = { 0, 1, 2, 3, 0, 0, 0, 0 };

	/**
	 * Uniform logits, p = 1/4 everywhere. By hand:
	 * sample 0, each class: TP = 1/4, FN = 3/4, FP = 3/4, TI = (0.25 + ε)/(1 + ε), loss = 4 − 4·TI;
	 * sample 1: class 0: TP = 1, FN = 3, FP = 0, TI = (1 + ε)/(2.5 + ε); classes 1–3: TP = FN = 0,
	 * FP = 1, TI = ε/(0.5 + ε). Cross-entropy: ln 4 at every voxel.
	 */
	@Test
	void uniformLogitsByHand() {
		final double eps = 1e-6;
		final double sample0 = 4 - 4 * (0.25 + eps) / (1 + eps);
		final double sample1 = 4 - (1 + eps) / (2.5 + eps) - 3 * eps / (0.5 + eps);
		assertEquals(2.999997, sample0, 1e-6);
		assertEquals(3.599994, sample1, 1e-6);
		final float[] values = evaluate(new float[N * VOXELS * C], LABELS);
		assertEquals((sample0 + sample1) / 2, values[1], 1e-5, "tversky");
		assertEquals(Math.log(4), values[2], 1e-6, "cross-entropy");
		assertEquals((sample0 + sample1) / 2 + Math.log(4), values[0], 1e-5, "total");
		// soft Dice: sample 0 each class (0.5 + δ)/(2 + δ); sample 1 class 0: 2/5, others δ/(1 + δ)
		final double delta = 1e-5;
		final double d0 = (0.5 + delta) / (2 + delta);
		final double[] perClass = { (d0 + (2 + delta) / (5 + delta)) / 2, (d0 + delta / (1 + delta)) / 2,
			(d0 + delta / (1 + delta)) / 2, (d0 + delta / (1 + delta)) / 2 };
		assertArrayEquals(new float[] { 0.325f, 0.125f, 0.125f, 0.125f }, perClass(values), 1e-4f);
		for (int c = 0; c < C; c++) {
			assertEquals(perClass[c], values[4 + c], 1e-6, "soft Dice of class " + c);
		}
		assertEquals(0.175, values[3], 1e-5, "mean soft Dice");
	}

	/** Random logits against the same formulas in double loops. */
	@Test
	void randomLogitsAgainstLoops() {
		final float[] logits = randomLogits(7, 3f);
		final double[] expected = reference(logits, LABELS);
		final float[] values = evaluate(logits, LABELS);
		for (int i = 0; i < expected.length; i++) {
			assertEquals(expected[i], values[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "value " + i);
		}
	}

	/** A confident right prediction: every TI is 1, the Tversky term C − C = 0, Dice 1. */
	@Test
	void perfectPrediction() {
		final float[] logits = new float[N * VOXELS * C];
		for (int v = 0; v < N * VOXELS; v++) {
			logits[v * C + LABELS[v]] = 50f;
		}
		final float[] values = evaluate(logits, LABELS);
		assertEquals(0, values[1], 1e-5, "tversky");
		assertEquals(0, values[2], 1e-5, "cross-entropy");
		assertEquals(0, values[0], 1e-5, "total");
		assertEquals(1, values[3], 1e-4, "mean soft Dice");
	}

	@Test
	void oneHotOfUint8Labels() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final Operand<TUint8> labels = tf.constant(LABEL_SHAPE, DataBuffers.of(new byte[] { 0, 1, 2, 3, 3, 2, 1, 0 }));
			final Operand<TFloat32> fromFive = Labels.oneHot(tf, labels, C);
			final Operand<TFloat32> fromFour = Labels.oneHot(tf, tf.reshape(labels, tf.constant(new int[] { N, 1, 2, 2 })),
				C);
			try (Result r = s.runner().fetch(fromFive).fetch(fromFour).run()) {
				for (int i = 0; i < 2; i++) {
					final TFloat32 t = (TFloat32) r.get(i);
					assertEquals(LOGIT_SHAPE, t.shape());
					assertEquals(1f, t.getFloat(0, 0, 0, 1, 1));
					assertEquals(0f, t.getFloat(0, 0, 0, 1, 0));
					assertEquals(1f, t.getFloat(1, 0, 0, 0, 3));
					assertEquals(1f, t.getFloat(1, 0, 1, 1, 0));
				}
			}
			assertThrows(IllegalArgumentException.class, () -> Labels.oneHot(tf,
				tf.constant(Shape.of(2, 2, 2), DataBuffers.of(new byte[8])), C));
		}
	}

	/**
	 * TensorFlow's gradient of the total and of the cross-entropy term with respect to 5-D logits
	 * agrees with central differences: the LogSoftmax workaround gives the right gradient.
	 */
	@Test
	void gradientMatchesFiniteDifferences() {
		final float[] logits = randomLogits(11, 1f);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(LOGIT_SHAPE));
			final Operand<TFloat32> y = Labels.oneHot(tf, tf.constant(LABEL_SHAPE, DataBuffers.of(LABELS)), C);
			final SegmentationLoss.Terms terms = SegmentationLoss.terms(tf, x, y, C);
			for (final Operand<TFloat32> loss : new Operand[] { terms.total(), terms.crossEntropy() }) {
				final Output<?> gradient = g.addGradients(loss.asOutput(), new Output<?>[] { x.asOutput() })[0];
				final float[] analytic = new float[logits.length];
				try (TFloat32 in = TFloat32.tensorOf(LOGIT_SHAPE, DataBuffers.of(logits));
					Result r = s.runner().feed(x, in).fetch(gradient).run())
				{
					((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(analytic);
				}
				final double h = 1e-2;
				for (int i = 0; i < logits.length; i++) {
					final float[] plus = logits.clone();
					final float[] minus = logits.clone();
					plus[i] += (float) h;
					minus[i] -= (float) h;
					final double numeric = (scalar(s, x, plus, loss) - scalar(s, x, minus, loss)) / (2 * h);
					assertEquals(numeric, analytic[i], 2e-3, "d loss / d logit " + i);
				}
			}
		}
	}

	/**
	 * Why the loss reshapes: the same cross-entropy with {@code LogSoftmax} applied to the 5-D
	 * logits has a gradient that disagrees with the workaround's (TensorFlow 2.18's native gradient
	 * reduces the wrong axis for rank > 2). If this fails, TensorFlow has fixed it.
	 */
	@Test
	void nativeFiveDLogSoftmaxGradientIsWrong() {
		final float[] logits = randomLogits(13, 1f);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(LOGIT_SHAPE));
			final Operand<TFloat32> y = Labels.oneHot(tf, tf.constant(LABEL_SHAPE, DataBuffers.of(LABELS)), C);
			final Operand<TFloat32> naive = tf.math.neg(tf.math.mean(tf.reduceSum(tf.math.mul(y, tf.nn.logSoftmax(x)),
				tf.constant(4)), tf.constant(new int[] { 0, 1, 2, 3 })));
			final Operand<TFloat32> workaround = SegmentationLoss.terms(tf, x, y, C).crossEntropy();
			final Output<?> naiveGradient = g.addGradients(naive.asOutput(), new Output<?>[] { x.asOutput() })[0];
			final Output<?> gradient = g.addGradients(workaround.asOutput(), new Output<?>[] { x.asOutput() })[0];
			try (TFloat32 in = TFloat32.tensorOf(LOGIT_SHAPE, DataBuffers.of(logits));
				Result r = s.runner().feed(x, in).fetch(naive).fetch(workaround).fetch(naiveGradient).fetch(gradient).run())
			{
				assertEquals(((TFloat32) r.get(1)).getFloat(), ((TFloat32) r.get(0)).getFloat(), 1e-6f, "same value");
				double difference = 0;
				for (int i = 0; i < logits.length; i++) {
					difference = Math.max(difference, Math.abs(((TFloat32) r.get(2)).asRawTensor().data().asFloats()
						.getFloat(i) - ((TFloat32) r.get(3)).asRawTensor().data().asFloats().getFloat(i)));
				}
				assertTrue(difference > 1e-2, "the native 5-D gradient differs from the right one by " + difference);
			}
		}
	}

	private static double scalar(final Session s, final Placeholder<TFloat32> x, final float[] logits,
		final Operand<TFloat32> loss)
	{
		try (TFloat32 in = TFloat32.tensorOf(LOGIT_SHAPE, DataBuffers.of(logits));
			Result r = s.runner().feed(x, in).fetch(loss).run())
		{
			return ((TFloat32) r.get(0)).getFloat();
		}
	}

	/** total, tversky, cross-entropy, mean soft Dice, soft Dice of classes 0–3. */
	private static float[] evaluate(final float[] logits, final byte[] labels) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final Operand<TFloat32> x = tf.constant(LOGIT_SHAPE, DataBuffers.of(logits));
			final Operand<TFloat32> y = Labels.oneHot(tf, tf.constant(LABEL_SHAPE, DataBuffers.of(labels)), C);
			final SegmentationLoss.Terms terms = SegmentationLoss.terms(tf, x, y, C);
			final Operand<TFloat32> total = SegmentationLoss.build(tf, x, y, C);
			try (Result r = s.runner().fetch(total).fetch(terms.tversky()).fetch(terms.crossEntropy())
				.fetch(terms.total()).fetch(SoftDice.mean(tf, terms.probabilities(), y))
				.fetch(SoftDice.perClass(tf, terms.probabilities(), y)).run())
			{
				final float[] values = new float[4 + C];
				values[0] = ((TFloat32) r.get(0)).getFloat();
				assertEquals(values[0], ((TFloat32) r.get(3)).getFloat(), 0f, "build and terms agree");
				values[1] = ((TFloat32) r.get(1)).getFloat();
				values[2] = ((TFloat32) r.get(2)).getFloat();
				values[3] = ((TFloat32) r.get(4)).getFloat();
				for (int c = 0; c < C; c++) {
					values[4 + c] = ((TFloat32) r.get(5)).getFloat(c);
				}
				return values;
			}
		}
	}

	/** The same quantities as {@link #evaluate}, in double loops straight from docs/method.md. */
	private static double[] reference(final float[] logits, final byte[] labels) {
		double tversky = 0;
		double crossEntropy = 0;
		double diceSum = 0;
		final double[] dice = new double[C];
		for (int b = 0; b < N; b++) {
			final double[] tp = new double[C];
			final double[] fn = new double[C];
			final double[] fp = new double[C];
			final double[] ySum = new double[C];
			final double[] pSum = new double[C];
			for (int v = 0; v < VOXELS; v++) {
				final int at = (b * VOXELS + v) * C;
				double norm = 0;
				for (int c = 0; c < C; c++) {
					norm += Math.exp(logits[at + c]);
				}
				for (int c = 0; c < C; c++) {
					final double p = Math.exp(logits[at + c]) / norm;
					final double y = labels[b * VOXELS + v] == c ? 1 : 0;
					tp[c] += y * p;
					fn[c] += y * (1 - p);
					fp[c] += (1 - y) * p;
					ySum[c] += y;
					pSum[c] += p;
					crossEntropy -= y * Math.log(p);
				}
			}
			double sum = 0;
			for (int c = 0; c < C; c++) {
				sum += (tp[c] + 1e-6) / (tp[c] + 0.5 * fn[c] + 0.5 * fp[c] + 1e-6);
				final double d = (2 * tp[c] + 1e-5) / (ySum[c] + pSum[c] + 1e-5);
				dice[c] += d / N;
				diceSum += d;
			}
			tversky += (C - sum) / N;
		}
		crossEntropy /= N * VOXELS;
		final double[] out = new double[4 + C];
		out[0] = tversky + crossEntropy;
		out[1] = tversky;
		out[2] = crossEntropy;
		out[3] = diceSum / (N * C);
		System.arraycopy(dice, 0, out, 4, C);
		return out;
	}

	private static float[] randomLogits(final long seed, final float scale) {
		final Random random = new Random(seed);
		final float[] logits = new float[N * VOXELS * C];
		for (int i = 0; i < logits.length; i++) {
			logits[i] = (float) random.nextGaussian() * scale;
		}
		return logits;
	}

	private static float[] perClass(final float[] values) {
		final float[] dice = new float[C];
		System.arraycopy(values, 4, dice, 0, C);
		return dice;
	}
}
