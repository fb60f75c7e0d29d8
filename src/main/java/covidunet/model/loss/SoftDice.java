package covidunet.model.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The soft Dice metric on probabilities, as the reference logs it during training (MIScnn's
 * {@code dice_soft}): per sample b and class c, with sums over the sample's voxels,
 * D = (2·Σ y·p + 1e-5) / (Σ y + Σ p + 1e-5). {@link #perClass} averages D over the samples;
 * {@link #mean} averages it over samples and classes, background included — that single number is
 * what the training log reports as "soft Dice" (the reference calls it, docs/method.md,
 * "generalized soft Dice"; it is this unweighted class mean, not Sudre's volume-weighted
 * generalised Dice).
 */
public final class SoftDice {

	/** The smoothing term of numerator and denominator. */
	public static final float SMOOTHING = 1e-5f;

	private SoftDice() {}

	/**
	 * The soft Dice of each class, averaged over the batch.
	 *
	 * @param probabilities the softmax output, [N, z, y, x, C]
	 * @param oneHotLabels the one-hot labels, same shape
	 * @return [C]
	 */
	public static Operand<TFloat32> perClass(final Ops tf, final Operand<TFloat32> probabilities,
		final Operand<TFloat32> oneHotLabels)
	{
		return tf.math.mean(perSampleAndClass(tf, probabilities, oneHotLabels), tf.constant(0));
	}

	/**
	 * The soft Dice averaged over samples and classes (background included): a scalar.
	 *
	 * @param probabilities the softmax output, [N, z, y, x, C]
	 * @param oneHotLabels the one-hot labels, same shape
	 */
	public static Operand<TFloat32> mean(final Ops tf, final Operand<TFloat32> probabilities,
		final Operand<TFloat32> oneHotLabels)
	{
		return tf.math.mean(perSampleAndClass(tf, probabilities, oneHotLabels), tf.constant(new int[] { 0, 1 }));
	}

	private static Operand<TFloat32> perSampleAndClass(final Ops tf, final Operand<TFloat32> probabilities,
		final Operand<TFloat32> oneHotLabels)
	{
		final Operand<TInt32> axes = tf.constant(new int[] { 1, 2, 3 });
		final Operand<TFloat32> smoothing = tf.constant(SMOOTHING);
		final Operand<TFloat32> intersection = tf.reduceSum(tf.math.mul(oneHotLabels, probabilities), axes);
		final Operand<TFloat32> sizes = tf.math.add(tf.reduceSum(oneHotLabels, axes),
			tf.reduceSum(probabilities, axes));
		return tf.math.div(tf.math.add(tf.math.mul(tf.constant(2f), intersection), smoothing),
			tf.math.add(sizes, smoothing));
	}
}
