package covidunet.model.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import com.google.gson.JsonElement;

import covidunet.BadInputException;
import covidunet.Progress;

/**
 * Translates Keras layers into TensorFlow operations, each from its own configuration and
 * weights, and keeps the weights to load into the variables it creates. Tensors are in Keras'
 * layout, {@code [batch, d1, d2, d3, channels]}; kernels are used as Keras stores them.
 */
final class KerasLayers {

	/** The layer classes this importer rebuilds (besides {@code InputLayer}). */
	static final Set<String> SUPPORTED = Set.of("Conv3D", "Conv3DTranspose", "BatchNormalization", "MaxPooling3D",
		"AveragePooling3D", "UpSampling3D", "Concatenate", "Add", "Activation", "ReLU", "Softmax", "Dropout",
		"SpatialDropout3D");

	/**
	 * How a variable gets its weights once: the assignment to run, fed {@code values} through
	 * the placeholder {@code value}.
	 */
	private record Feed(Assign<TFloat32> assign, Placeholder<TFloat32> value, float[] values, Shape shape) {}

	private static final int[] ONES = { 1, 1, 1 }, TWOS = { 2, 2, 2 };
	private static final int CHANNEL_AXIS = 4;

	private final Ops tf;
	private final KerasFile file;
	private final List<Feed> feeds = new ArrayList<>();
	private final double[] divisor = { 1, 1, 1 };
	private long parameters;
	private double flopsPerVoxel;

	KerasLayers(final Ops tf, final KerasFile file) {
		this.tf = tf;
		this.file = file;
	}

	/**
	 * Refuses a graph with a layer of a class not in {@link #SUPPORTED}, naming the first one,
	 * before anything is built.
	 */
	static void checkSupported(final KerasGraphSpec spec) {
		for (final KerasLayer l : spec.layers()) {
			if (!l.className().equals("InputLayer") && !SUPPORTED.contains(l.className())) {
				throw l.bad("is not supported; the importer rebuilds InputLayer, " + String.join(", ", SUPPORTED
					.stream().sorted().toList()));
			}
		}
	}

	/** The output of layer {@code l} for its inputs. */
	Tensor3d apply(final KerasLayer l, final List<Tensor3d> in) {
		final Tensor3d out = switch (l.className()) {
			case "Conv3D" -> conv(l, one(l, in));
			case "Conv3DTranspose" -> transposedConv(l, one(l, in));
			case "BatchNormalization" -> batchNorm(l, one(l, in));
			case "MaxPooling3D", "AveragePooling3D" -> pool(l, one(l, in));
			case "UpSampling3D" -> upsample(l, one(l, in));
			case "Concatenate" -> concat(l, in);
			case "Add" -> add(l, in);
			case "Activation" -> one(l, in).with(activation(l, l.string("activation", "linear"), one(l, in).tensor()));
			case "ReLU" -> relu(l, one(l, in));
			case "Softmax" -> softmax(l, one(l, in));
			case "Dropout", "SpatialDropout3D" -> one(l, in);
			default -> throw l.bad("is not supported");
		};
		for (int d = 0; d < 3; d++) divisor[d] = Math.max(divisor[d], out.scale()[d]);
		return out;
	}

	/** Sets every variable to its weights from the file. */
	void loadWeights(final Session session, final Progress progress) {
		progress.report("loading " + parameters + " weights", 0, 1);
		for (final Feed f : feeds) {
			progress.checkCancelled();
			try (TFloat32 value = TFloat32.tensorOf(f.shape(), DataBuffers.of(f.values(), true, false))) {
				session.runner().feed(f.value(), value).addTarget(f.assign()).run();
			}
		}
	}

	/** The largest coarsening of any tensor along x, y, z: window sides must be multiples of it. */
	int[] divisor() {
		return new int[] { (int) Math.round(divisor[0]), (int) Math.round(divisor[1]), (int) Math.round(divisor[2]) };
	}

	/** The weights counted so far, as Keras counts them. */
	long parameters() {
		return parameters;
	}

	/** The convolutions' floating-point operations per input voxel. */
	double flopsPerVoxel() {
		return flopsPerVoxel;
	}

	private Tensor3d conv(final KerasLayer l, final Tensor3d x) {
		l.requireChannelsLast();
		final int filters = l.positive("filters");
		final int[] k = l.triple("kernel_size", null), s = l.triple("strides", ONES), d = l.triple("dilation_rate", ONES);
		if (l.has("groups") && l.positive("groups") != 1) throw l.bad("has groups " + l.positive("groups") +
			"; only ungrouped convolutions are supported");
		final boolean bias = l.bool("use_bias", true);
		final Map<String, KerasFile.Weight> w = weights(l, bias ? List.of("kernel", "bias") : List.of("kernel"));
		Operand<TFloat32> y = tf.nn.conv3d(x.tensor(), variable(l, w.get("kernel"), k[0], k[1], k[2], x.channels(),
			filters), list(1, s[0], s[1], s[2], 1), padding(l), Conv3d.dilations(list(1, d[0], d[1], d[2], 1)));
		if (bias) y = tf.nn.biasAdd(y, variable(l, w.get("bias"), filters));
		flopsPerVoxel += 2.0 * k[0] * k[1] * k[2] * x.channels() * filters / volume(x.scale()) / (s[0] * s[1] * s[2]);
		return x.scaled(activation(l, l.string("activation", "linear"), y), filters, doubles(s));
	}

	private Tensor3d transposedConv(final KerasLayer l, final Tensor3d x) {
		l.requireChannelsLast();
		final int filters = l.positive("filters");
		final int[] k = l.triple("kernel_size", null), s = l.triple("strides", ONES);
		if (!Arrays.equals(l.triple("dilation_rate", ONES), ONES)) throw l.bad("is dilated; only undilated " +
			"transposed convolutions are supported");
		final boolean same = padding(l).equals("SAME");
		final int[] outputPadding = outputPadding(l);
		final int[] grow = new int[3];
		for (int a = 0; a < 3; a++) {
			if (outputPadding == null) grow[a] = same ? 0 : Math.max(k[a] - s[a], 0);
			else grow[a] = k[a] - s[a] - 2 * (same ? k[a] / 2 : 0) + outputPadding[a];
		}
		final Operand<TInt32> shape = tf.math.add(tf.math.mul(tf.shape(x.tensor()), tf.constant(new int[] { 1, s[0], s[1],
			s[2], 0 })), tf.constant(new int[] { 0, grow[0], grow[1], grow[2], filters }));
		final boolean bias = l.bool("use_bias", true);
		final Map<String, KerasFile.Weight> w = weights(l, bias ? List.of("kernel", "bias") : List.of("kernel"));
		Operand<TFloat32> y = tf.nn.conv3dBackpropInput(shape, variable(l, w.get("kernel"), k[0], k[1], k[2], filters, x
			.channels()), x.tensor(), list(1, s[0], s[1], s[2], 1), padding(l));
		if (bias) y = tf.nn.biasAdd(y, variable(l, w.get("bias"), filters));
		flopsPerVoxel += 2.0 * k[0] * k[1] * k[2] * x.channels() * filters / volume(x.scale());
		return x.scaled(activation(l, l.string("activation", "linear"), y), filters, new double[] { 1.0 / s[0], 1.0 /
			s[1], 1.0 / s[2] });
	}

	private int[] outputPadding(final KerasLayer l) {
		if (!l.has("output_padding")) return null;
		final JsonElement e = l.config().get("output_padding");
		final int[] p = new int[3];
		for (int a = 0; a < 3; a++) {
			final JsonElement v = e.isJsonArray() ? e.getAsJsonArray().get(a) : e;
			p[a] = v.getAsInt();
			if (p[a] < 0) throw l.bad("has a negative output_padding " + e);
		}
		return p;
	}

	/** Batch normalisation in its inference form, {@code x · γ/√(σ² + ε) + (β − μ·γ/√(σ² + ε))}. */
	private Tensor3d batchNorm(final KerasLayer l, final Tensor3d x) {
		final int axis = l.axis("axis", CHANNEL_AXIS);
		if (axis != CHANNEL_AXIS) throw l.bad("normalises axis " + axis + "; only the channel axis (4, -1) is supported");
		final double epsilon = l.number("epsilon", 1e-3);
		final boolean center = l.bool("center", true), scale = l.bool("scale", true);
		final List<String> roles = new ArrayList<>();
		if (scale) roles.add("gamma");
		if (center) roles.add("beta");
		roles.add("moving_mean");
		roles.add("moving_variance");
		final Map<String, KerasFile.Weight> w = weights(l, roles);
		final int c = x.channels();
		for (final String role : roles) checkShape(l, w.get(role), c);
		final float[] mean = w.get("moving_mean").values(), variance = w.get("moving_variance").values();
		final float[] a = new float[c], b = new float[c];
		for (int i = 0; i < c; i++) {
			final double inv = (scale ? w.get("gamma").values()[i] : 1.0) / Math.sqrt(variance[i] + epsilon);
			a[i] = (float) inv;
			b[i] = (float) ((center ? w.get("beta").values()[i] : 0.0) - mean[i] * inv);
		}
		final Operand<TFloat32> y = tf.math.add(tf.math.mul(x.tensor(), variable(l, "scale", a, Shape.of(c))), variable(l,
			"shift", b, Shape.of(c)));
		return x.with(y);
	}

	private Tensor3d pool(final KerasLayer l, final Tensor3d x) {
		l.requireChannelsLast();
		final int[] p = l.triple("pool_size", TWOS), s = l.triple("strides", p);
		final List<Long> size = list(1, p[0], p[1], p[2], 1), strides = list(1, s[0], s[1], s[2], 1);
		final Operand<TFloat32> y = l.className().equals("MaxPooling3D") ? tf.nn.maxPool3d(x.tensor(), size, strides,
			padding(l)) : tf.nn.avgPool3d(x.tensor(), size, strides, padding(l));
		return x.scaled(y, x.channels(), doubles(s));
	}

	/** Nearest-neighbour upsampling: each voxel repeated {@code size} times along each axis. */
	private Tensor3d upsample(final KerasLayer l, final Tensor3d x) {
		l.requireChannelsLast();
		final int[] size = l.triple("size", TWOS);
		Operand<TFloat32> y = x.tensor();
		for (int a = 0; a < 3; a++) {
			if (size[a] == 1) continue;
			final int[] tile = { 1, 1, 1, 1, 1, 1 };
			tile[a + 2] = size[a];
			final int[] grow = { 1, 1, 1, 1, 1 };
			grow[a + 1] = size[a];
			final Operand<TInt32> shape = tf.math.mul(tf.shape(y), tf.constant(grow));
			y = tf.reshape(tf.tile(tf.expandDims(y, tf.constant(a + 2)), tf.constant(tile)), shape);
		}
		return x.scaled(y, x.channels(), new double[] { 1.0 / size[0], 1.0 / size[1], 1.0 / size[2] });
	}

	private Tensor3d concat(final KerasLayer l, final List<Tensor3d> in) {
		final int axis = l.axis("axis", CHANNEL_AXIS);
		if (axis != CHANNEL_AXIS) throw l.bad("concatenates along axis " + axis + "; only the channel axis is supported");
		final List<Operand<TFloat32>> tensors = new ArrayList<>();
		int channels = 0;
		for (final Tensor3d t : in) {
			tensors.add(t.tensor());
			channels += t.channels();
		}
		return in.get(0).with(tf.concat(tensors, tf.constant(CHANNEL_AXIS)), channels);
	}

	private Tensor3d add(final KerasLayer l, final List<Tensor3d> in) {
		final List<Operand<TFloat32>> tensors = new ArrayList<>();
		for (final Tensor3d t : in) {
			if (t.channels() != in.get(0).channels()) throw l.bad("adds tensors of " + t.channels() + " and " + in.get(0)
				.channels() + " channels");
			tensors.add(t.tensor());
		}
		return in.get(0).with(tensors.size() == 1 ? tensors.get(0) : tf.math.addN(tensors));
	}

	private Tensor3d relu(final KerasLayer l, final Tensor3d x) {
		if (l.number("threshold", 0) != 0) throw l.bad("has a threshold; only ReLU without one is supported");
		final double slope = l.number("negative_slope", 0);
		Operand<TFloat32> y = slope == 0 ? tf.nn.relu(x.tensor()) : tf.nn.leakyRelu(x.tensor(), LeakyRelu.alpha(
			(float) slope));
		if (l.has("max_value")) y = tf.math.minimum(y, tf.constant((float) l.number("max_value", 0)));
		return x.with(y);
	}

	private Tensor3d softmax(final KerasLayer l, final Tensor3d x) {
		final int axis = l.axis("axis", CHANNEL_AXIS);
		if (axis != CHANNEL_AXIS) throw l.bad("takes the softmax along axis " + axis + "; only the channel axis is supported");
		return x.with(tf.nn.softmax(x.tensor()));
	}

	private Operand<TFloat32> activation(final KerasLayer l, final String name, final Operand<TFloat32> x) {
		return switch (name) {
			case "linear" -> x;
			case "relu" -> tf.nn.relu(x);
			case "softmax" -> tf.nn.softmax(x);
			case "sigmoid" -> tf.math.sigmoid(x);
			case "tanh" -> tf.math.tanh(x);
			case "elu" -> tf.nn.elu(x);
			default -> throw l.bad("has the activation '" + name +
				"', which is not supported (linear, relu, softmax, sigmoid, tanh, elu are)");
		};
	}

	private static String padding(final KerasLayer l) {
		final String p = l.string("padding", "valid");
		return switch (p) {
			case "same" -> "SAME";
			case "valid" -> "VALID";
			default -> throw l.bad("has padding '" + p + "'; only same and valid are supported");
		};
	}

	private static Tensor3d one(final KerasLayer l, final List<Tensor3d> in) {
		if (in.size() != 1) throw l.bad("takes " + in.size() + " inputs; expected 1");
		return in.get(0);
	}

	/** The layer's weights by role, refusing a missing one or one the layer does not use. */
	private Map<String, KerasFile.Weight> weights(final KerasLayer l, final List<String> roles) {
		final Map<String, KerasFile.Weight> byRole = new LinkedHashMap<>();
		for (final KerasFile.Weight w : file.weights(l.name())) byRole.put(w.role(), w);
		for (final String role : roles) {
			if (!byRole.containsKey(role)) throw l.bad("has no weight '" + role + "' in the file (it has " + byRole.keySet() +
				")");
		}
		if (byRole.size() != roles.size()) throw l.bad("has the weights " + byRole.keySet() + " in the file; expected " +
			roles);
		for (final KerasFile.Weight w : byRole.values()) parameters += w.values().length;
		return byRole;
	}

	private static void checkShape(final KerasLayer l, final KerasFile.Weight w, final int... shape) {
		if (!Arrays.equals(w.shape(), shape) || w.values().length != Arrays.stream(shape).asLongStream().reduce(1, (a,
			b) -> a * b))
		{
			throw l.bad("has the weight '" + w.role() + "' of shape " + Arrays.toString(w.shape()) + " where its " +
				"configuration and input need " + Arrays.toString(shape));
		}
	}

	private Variable<TFloat32> variable(final KerasLayer l, final KerasFile.Weight w, final int... shape) {
		checkShape(l, w, shape);
		return variable(l, w.role(), w.values(), Shape.of(Arrays.stream(shape).asLongStream().toArray()));
	}

	/** A variable for a layer's weight, named flat at the root scope in safe characters, and how it is set. */
	private Variable<TFloat32> variable(final KerasLayer l, final String role, final float[] values, final Shape shape) {
		final String name = "keras_" + (l.name() + "_" + role).replaceAll("[^A-Za-z0-9_]", "_");
		final Variable<TFloat32> v = tf.withName(name).variable(shape, TFloat32.class);
		final Placeholder<TFloat32> p = tf.withName(name + "_value").placeholder(TFloat32.class, Placeholder.shape(shape));
		feeds.add(new Feed(tf.assign(v, p), p, values, shape));
		return v;
	}

	private static List<Long> list(final long... values) {
		return Arrays.stream(values).boxed().toList();
	}

	private static double[] doubles(final int[] v) {
		return new double[] { v[0], v[1], v[2] };
	}

	private static double volume(final double[] scale) {
		return scale[0] * scale[1] * scale[2];
	}
}
