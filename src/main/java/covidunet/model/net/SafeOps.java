package covidunet.model.net;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Graph operations with workarounds for TF Java 1.1.0 bugs. */
public final class SafeOps {

	private SafeOps() {}

	/**
	 * Log-softmax over the last axis of a 5-D [N, z, y, x, C] tensor. The native LogSoftmax
	 * gradient is silently wrong for rank > 2 (it reduces the wrong axis), so this reshapes to
	 * [−1, C], applies LogSoftmax there, and reshapes back: value and gradient are then right.
	 *
	 * @param classes C, the size of the last axis
	 */
	public static Operand<TFloat32> logSoftmax(final Ops tf, final Operand<TFloat32> logits5d, final int classes) {
		final Operand<TFloat32> flat = tf.reshape(logits5d, tf.constant(new int[] { -1, classes }));
		return tf.reshape(tf.nn.logSoftmax(flat), tf.shape(logits5d));
	}
}
