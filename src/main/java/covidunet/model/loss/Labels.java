package covidunet.model.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/** Label volumes in the form the loss wants. */
public final class Labels {

	private Labels() {}

	/**
	 * One-hot labels: 1 in the channel of each voxel's label, 0 elsewhere. A label outside
	 * 0 … {@code classes − 1} gives a voxel of zeros.
	 *
	 * @param labels the labels, shape [N, z, y, x] or [N, z, y, x, 1]; uint8, int32 or int64
	 * @param classes the number of classes C
	 * @return float32 of shape [N, z, y, x, C]
	 * @throws IllegalArgumentException if the labels' rank is neither 4 nor 5 with one channel
	 */
	public static <T extends TNumber> Operand<TFloat32> oneHot(final Ops tf, final Operand<T> labels,
		final int classes)
	{
		final int rank = labels.shape().numDimensions();
		final Operand<T> indices;
		if (rank == 4) {
			indices = labels;
		}
		else if (rank == 5 && labels.shape().get(4) == 1) {
			indices = tf.squeeze(labels, Squeeze.axis(4L));
		}
		else {
			throw new IllegalArgumentException("labels must have shape [N, z, y, x] or [N, z, y, x, 1], not " +
				labels.shape());
		}
		return tf.oneHot(indices, tf.constant(classes), tf.constant(1f), tf.constant(0f));
	}
}
