package covidunet.predict;

import java.util.function.Function;

import org.tensorflow.types.TFloat32;

/**
 * A segmentation model as the sliding window sees it: class probabilities for a batch of
 * windows, as plain arrays in NDHWC order.
 */
public interface WindowModel {

	/** The number of classes C of each voxel's probabilities. */
	int classes();

	/**
	 * The class probabilities of a batch of windows.
	 *
	 * @param images {@code count} windows one after another, each x fastest: NDHWC
	 *          {@code [count, wz, wy, wx, 1]}, of length {@code count · wx·wy·wz}; not changed
	 * @param count the number of windows, at least 1
	 * @param window the window's sides (x, y, z)
	 * @return NDHWC {@code [count, wz, wy, wx, C]}, class fastest, of length
	 *         {@code count · wx·wy·wz · C}; a new array the caller may change
	 */
	float[] predict(float[] images, int count, int[] window);

	/**
	 * A model that runs on TensorFlow tensors, such as
	 * {@code covidunet.model.io.LoadedModel::predict} or a training session's forward pass.
	 *
	 * @param run maps an NDHWC float32 tensor {@code [count, wz, wy, wx, 1]} to the probabilities
	 *          {@code [count, wz, wy, wx, classes]}; its result is closed after it has been read,
	 *          and so is its argument
	 * @param classes the number of classes, at least 1
	 * @throws covidunet.BadInputException naming {@code classes} if it is below 1
	 */
	static WindowModel tensorFlow(final Function<TFloat32, TFloat32> run, final int classes) {
		return new TensorFlowWindowModel(run, classes);
	}
}
