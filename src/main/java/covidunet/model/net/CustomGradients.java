package covidunet.model.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropFilter;
import org.tensorflow.op.nn.Conv3dBackpropInput;
import org.tensorflow.types.family.TNumber;

import covidunet.EnvironmentException;

/**
 * Gradients, written in Java, for the 3-D operations of the U-Net that TensorFlow's C gradient
 * registry lacks: {@code Conv3D} and {@code Conv3DBackpropInputV2} (the transposed convolution).
 * Only training needs them; inference must not call {@link #registerOnce()}. The registry is global
 * to the JVM, so registration happens once; the finite-difference tests check both gradients.
 */
public final class CustomGradients {

	/** Why training cannot run on Windows. */
	public static final String WINDOWS_MESSAGE =
		"training needs TF Java's custom gradients, which do not work on Windows; segmentation works";

	private static boolean registered;

	private CustomGradients() {}

	/**
	 * Registers the gradients unless done before in this JVM; thread-safe and idempotent. An op
	 * that already has a gradient (native, or registered by other code) keeps it.
	 *
	 * @throws EnvironmentException on Windows, where TF Java's custom gradients do not work
	 */
	public static synchronized void registerOnce() {
		if (registered) return;
		requireNotWindows(System.getProperty("os.name", ""));
		TensorFlow.registerCustomGradient(Conv3d.Inputs.class, CustomGradients::conv3dGradient);
		TensorFlow.registerCustomGradient(Conv3dBackpropInput.Inputs.class, CustomGradients::transposedConvGradient);
		registered = true;
	}

	/** @throws EnvironmentException if {@code osName} is a Windows one */
	static void requireNotWindows(final String osName) {
		if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) throw new EnvironmentException(WINDOWS_MESSAGE);
	}

	/** y = conv(x, w): dx = conv_transpose(dy, w), dw = filter gradient of (x, dy). */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static List<Operand<?>> conv3dGradient(final Ops tf, final Conv3d.Inputs op,
		final List<org.tensorflow.Output<?>> grads)
	{
		final Operand dy = grads.get(0);
		final List<Long> strides = longs(op.strides);
		final Operand dx = tf.nn.conv3dBackpropInput(tf.shape(op.input), op.filter, dy, strides, op.padding,
			Conv3dBackpropInput.dataFormat(op.dataFormat), Conv3dBackpropInput.dilations(longs(op.dilations)));
		final Operand dw = tf.nn.conv3dBackpropFilter(op.input, tf.shape(op.filter), dy, strides, op.padding,
			Conv3dBackpropFilter.dataFormat(op.dataFormat), Conv3dBackpropFilter.dilations(longs(op.dilations)));
		return List.of(dx, dw);
	}

	/**
	 * y = conv_transpose(sizes, w, g) (the input gradient of a convolution with filter w at output
	 * gradient g): d sizes = 0 (an integer input), dw = filter gradient of (dy, g), dg = conv(dy, w).
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static List<Operand<?>> transposedConvGradient(final Ops tf, final Conv3dBackpropInput.Inputs op,
		final List<org.tensorflow.Output<?>> grads)
	{
		final Operand dy = grads.get(0);
		final List<Long> strides = longs(op.strides);
		final Operand<? extends TNumber> sizes = op.inputSizes;
		final Operand dw = tf.nn.conv3dBackpropFilter(dy, tf.shape(op.filter), op.outBackprop, strides, op.padding,
			Conv3dBackpropFilter.dataFormat(op.dataFormat), Conv3dBackpropFilter.dilations(longs(op.dilations)));
		final Operand dg = tf.nn.conv3d(dy, op.filter, strides, op.padding, Conv3d.dataFormat(op.dataFormat), Conv3d
			.dilations(longs(op.dilations)));
		return List.of(tf.zerosLike(sizes), dw, dg);
	}

	private static List<Long> longs(final long[] values) {
		final List<Long> list = new ArrayList<>(values.length);
		for (final long v : values) list.add(v);
		return list;
	}
}
