package covidunet.predict;

import java.util.function.Function;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

import covidunet.BadInputException;

/**
 * A {@link WindowModel} over a function of TensorFlow tensors: the windows are copied into one
 * input tensor, the output tensor is checked and copied out, and both are closed.
 */
final class TensorFlowWindowModel implements WindowModel {

	private final Function<TFloat32, TFloat32> run;
	private final int classes;

	TensorFlowWindowModel(final Function<TFloat32, TFloat32> run, final int classes) {
		if (classes < 1) throw new BadInputException("classes: must be at least 1, got " + classes);
		this.run = run;
		this.classes = classes;
	}

	@Override
	public int classes() {
		return classes;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @throws IllegalArgumentException if {@code images} does not hold {@code count} windows
	 * @throws IllegalStateException if the output tensor's shape is not
	 *           {@code [count, wz, wy, wx, classes]}
	 */
	@Override
	public float[] predict(final float[] images, final int count, final int[] window) {
		final Shape inputShape = Shape.of(count, window[2], window[1], window[0], 1);
		if (images.length != inputShape.size()) {
			throw new IllegalArgumentException(images.length + " values are not " + count + " windows of " +
				window[0] + "×" + window[1] + "×" + window[2]);
		}
		final Shape outputShape = Shape.of(count, window[2], window[1], window[0], classes);
		try (TFloat32 input = TFloat32.tensorOf(inputShape, t -> t.asRawTensor().data().asFloats().write(images));
			TFloat32 output = run.apply(input))
		{
			if (!output.shape().equals(outputShape)) {
				throw new IllegalStateException("the model returned a tensor of shape " + output.shape() + ", expected " +
					outputShape);
			}
			final float[] probabilities = new float[Math.toIntExact(outputShape.size())];
			output.asRawTensor().data().asFloats().read(probabilities);
			return probabilities;
		}
	}
}
