package covidunet.model.net;

import java.util.SplittableRandom;

import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.DoubleDataBuffer;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Test helpers: tensors to and from Java arrays, seeded random values. */
final class GraphValues {

	private GraphValues() {}

	static double[] values(final Tensor t) {
		final int n = (int) t.shape().size();
		final double[] out = new double[n];
		if (t instanceof TFloat64 d) {
			final DoubleDataBuffer buf = DataBuffers.ofDoubles(n);
			d.copyTo(buf);
			buf.read(out);
		}
		else {
			final FloatDataBuffer buf = DataBuffers.ofFloats(n);
			((TFloat32) t).copyTo(buf);
			for (int i = 0; i < n; i++) out[i] = buf.getFloat(i);
		}
		return out;
	}

	static double value(final Tensor t) {
		return values(t)[0];
	}

	static TFloat64 doubles(final Shape shape, final double[] v) {
		return TFloat64.tensorOf(shape, DataBuffers.of(v, true, false));
	}

	static TFloat32 floats(final Shape shape, final double[] v) {
		final float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
		return TFloat32.tensorOf(shape, DataBuffers.of(f, true, false));
	}

	static Operand<TFloat32> constant(final Ops tf, final Shape shape, final double[] v) {
		final float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
		return tf.constant(shape, DataBuffers.of(f, true, false));
	}

	static double[] normal(final SplittableRandom random, final long n) {
		final double[] v = new double[(int) n];
		for (int i = 0; i < v.length; i++) {
			v[i] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
		}
		return v;
	}

	/**
	 * Log-softmax over the last axis of a 5-D tensor, computed on a [−1, C] reshape (TF's native
	 * LogSoftmax gradient is wrong for rank > 2).
	 */
	static Operand<TFloat32> logSoftmax(final Ops tf, final Operand<TFloat32> logits5d, final int classes) {
		final Operand<TFloat32> flat = tf.reshape(logits5d, tf.constant(new int[] { -1, classes }));
		return tf.reshape(tf.nn.logSoftmax(flat), tf.shape(logits5d));
	}
}
