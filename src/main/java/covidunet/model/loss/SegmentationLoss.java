package covidunet.model.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training loss of the reference (docs/method.md, "Loss and optimisation"): soft Tversky plus categorical
 * cross-entropy, the same as {@code loss_fn} of {@code shared/bench/peer_unet3d_torch.py}.
 * <p>
 * With p = softmax(logits) over the class axis and y the one-hot labels, per sample b and class c
 * with sums over the voxels of the sample:
 * TP = Σ y·p, FN = Σ y·(1 − p), FP = Σ (1 − y)·p,
 * TI = (TP + 1e-6) / (TP + 0.5·FN + 0.5·FP + 1e-6), and the Tversky term is the mean over b of
 * C − Σ_c TI (background included). The cross-entropy term is −Σ_c y·log p averaged over all
 * voxels of the batch. The total is their plain sum.
 * </p>
 * <p>
 * log p comes from {@code LogSoftmax} on the logits reshaped to [−1, C]: TensorFlow's native
 * gradient of {@code LogSoftmax} is wrong for rank > 2 (it reduces the wrong axis), and
 * log(softmax) would lose precision where p is tiny. Softmax is taken on the same [−1, C] view.
 * </p>
 */
public final class SegmentationLoss {

	/** The weight α of false negatives and β of false positives in the Tversky index. */
	public static final float ALPHA_BETA = 0.5f;

	/** The smoothing term added to the Tversky index's numerator and denominator. */
	public static final float SMOOTHING = 1e-6f;

	/** The voxel axes of an NDHWC tensor. */
	private static final int[] VOXEL_AXES = { 1, 2, 3 };

	/**
	 * The loss's graph parts, for training (the total) and logging (the terms).
	 *
	 * @param total the scalar loss the optimiser minimises: tversky + crossEntropy
	 * @param tversky the scalar Tversky term, mean over the batch of C − Σ_c TI
	 * @param crossEntropy the scalar cross-entropy term, mean over all voxels
	 * @param probabilities the softmax of the logits, [N, z, y, x, C]
	 */
	public record Terms(Operand<TFloat32> total, Operand<TFloat32> tversky, Operand<TFloat32> crossEntropy,
		Operand<TFloat32> probabilities) {}

	private SegmentationLoss() {}

	/**
	 * The scalar total loss.
	 *
	 * @param logits the network's output before the softmax, [N, z, y, x, C]
	 * @param oneHotLabels the one-hot labels, same shape (see {@link Labels#oneHot})
	 * @param classes C, the size of the last axis
	 */
	public static Operand<TFloat32> build(final Ops tf, final Operand<TFloat32> logits,
		final Operand<TFloat32> oneHotLabels, final int classes)
	{
		return terms(tf, logits, oneHotLabels, classes).total();
	}

	/**
	 * The total loss, its two terms and the probabilities, sharing one softmax.
	 *
	 * @param logits the network's output before the softmax, [N, z, y, x, C]
	 * @param oneHotLabels the one-hot labels, same shape (see {@link Labels#oneHot})
	 * @param classes C, the size of the last axis
	 * @throws IllegalArgumentException if the logits are not 5-D
	 */
	public static Terms terms(final Ops tf, final Operand<TFloat32> logits, final Operand<TFloat32> oneHotLabels,
		final int classes)
	{
		if (logits.shape().numDimensions() != 5) {
			throw new IllegalArgumentException("logits must be [N, z, y, x, C], not " + logits.shape());
		}
		final Operand<TInt32> flat = tf.constant(new int[] { -1, classes });
		final Operand<TFloat32> flatLogits = tf.reshape(logits, flat);
		final Operand<TFloat32> flatLabels = tf.reshape(oneHotLabels, flat);
		final Operand<TFloat32> crossEntropy = tf.math.neg(tf.math.mean(
			tf.reduceSum(tf.math.mul(flatLabels, tf.nn.logSoftmax(flatLogits)), tf.constant(1)), tf.constant(0)));
		final Operand<TFloat32> probabilities = tf.reshape(tf.nn.softmax(flatLogits), tf.shape(logits));
		final Operand<TFloat32> tversky = tversky(tf, probabilities, oneHotLabels, classes);
		return new Terms(tf.math.add(tversky, crossEntropy), tversky, crossEntropy, probabilities);
	}

	/**
	 * The Tversky term from probabilities: the mean over samples of C − Σ_c TI.
	 *
	 * @param probabilities the softmax output, [N, z, y, x, C]
	 * @param oneHotLabels the one-hot labels, same shape
	 * @param classes C
	 */
	public static Operand<TFloat32> tversky(final Ops tf, final Operand<TFloat32> probabilities,
		final Operand<TFloat32> oneHotLabels, final int classes)
	{
		final Operand<TFloat32> one = tf.constant(1f);
		final Operand<TInt32> axes = tf.constant(VOXEL_AXES);
		final Operand<TFloat32> tp = tf.reduceSum(tf.math.mul(oneHotLabels, probabilities), axes);
		final Operand<TFloat32> fn = tf.reduceSum(tf.math.mul(oneHotLabels, tf.math.sub(one, probabilities)), axes);
		final Operand<TFloat32> fp = tf.reduceSum(tf.math.mul(tf.math.sub(one, oneHotLabels), probabilities), axes);
		final Operand<TFloat32> smoothing = tf.constant(SMOOTHING);
		final Operand<TFloat32> weight = tf.constant(ALPHA_BETA);
		final Operand<TFloat32> index = tf.math.div(tf.math.add(tp, smoothing),
			tf.math.add(tf.math.add(tp, tf.math.mul(weight, tf.math.add(fn, fp))), smoothing));
		final Operand<TFloat32> perSample = tf.math.sub(tf.constant((float) classes),
			tf.reduceSum(index, tf.constant(1)));
		return tf.math.mean(perSample, tf.constant(0));
	}
}
