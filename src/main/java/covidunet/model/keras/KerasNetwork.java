package covidunet.model.keras;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.model.SessionThreads;

/**
 * A Keras model rebuilt as a TensorFlow graph from its file's own graph, with its weights
 * loaded into variables. The graph's input is the project's layout, float32
 * {@code [batch, z, y, x, 1]}; it is transposed to Keras' {@code [batch, x, y, z, 1]} (arrays in
 * nibabel's voxel order, as MIScnn fed them), run through the layers, and the softmax transposed
 * back to {@code [batch, z, y, x, classes]}. Closing it closes the session and the graph.
 */
final class KerasNetwork implements AutoCloseable {

	private static final int[] TO_KERAS = { 0, 3, 2, 1, 4 };

	private final Graph graph;
	private final Session session;
	private final Placeholder<TFloat32> input;
	private final Operand<TFloat32> probs;
	private final KerasSummary summary;

	private KerasNetwork(final Graph graph, final Session session, final Placeholder<TFloat32> input,
		final Operand<TFloat32> probs, final KerasSummary summary)
	{
		this.graph = graph;
		this.session = session;
		this.input = input;
		this.probs = probs;
		this.summary = summary;
	}

	/**
	 * Rebuilds a model file's network.
	 *
	 * @param threads TensorFlow's intra-op threads, or 0 for its default
	 * @throws BadInputException one line naming the file (and the layer) if the graph holds a layer
	 *           this importer does not support, is not a 3-D model with one input channel, or its
	 *           weights do not fit its layers
	 */
	static KerasNetwork build(final KerasFile file, final int threads, final Progress progress) {
		final KerasGraphSpec spec = KerasGraphSpec.parse(file.file(), file.modelConfig());
		for (final KerasLayer l : spec.layers()) {
			if (l.className().equals("InputLayer")) checkInput(file, l);
		}
		KerasLayers.checkSupported(spec);
		final Graph graph = new Graph();
		try {
			final Ops tf = Ops.create(graph);
			final KerasLayers layers = new KerasLayers(tf, file);
			final Map<String, Tensor3d> outputs = new LinkedHashMap<>();
			final Map<String, Integer> counts = new TreeMap<>();
			Placeholder<TFloat32> x = null;
			for (final KerasLayer l : spec.layers()) {
				counts.merge(l.className(), 1, Integer::sum);
				if (l.className().equals("InputLayer")) {
					if (x != null) throw l.bad("is a second input; only models with one input can be imported");
					x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 1)));
					outputs.put(l.name(), new Tensor3d(tf.linalg.transpose(x, tf.constant(TO_KERAS)), 1, new double[] { 1, 1,
						1 }));
					continue;
				}
				final List<Tensor3d> in = new ArrayList<>();
				for (final String name : l.inputs()) in.add(outputs.get(name));
				if (in.isEmpty()) throw l.bad("takes no input");
				outputs.put(l.name(), layers.apply(l, in));
			}
			if (x == null) throw new BadInputException(file.file() + ": the model has no InputLayer");
			final Tensor3d out = outputs.get(spec.output());
			final Operand<TFloat32> probs = tf.withName("probs").linalg.transpose(out.tensor(), tf.constant(TO_KERAS));
			final Session session = new Session(graph, SessionThreads.config(threads));
			try {
				layers.loadWeights(session, progress);
			}
			catch (final RuntimeException e) {
				session.close();
				throw e;
			}
			final KerasSummary summary = new KerasSummary(spec.modelClass(), out.channels(), layers.divisor(), layers
				.parameters(), layers.flopsPerVoxel(), counts);
			return new KerasNetwork(graph, session, x, probs, summary);
		}
		catch (final RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	/** Refuses an InputLayer whose {@code batch_input_shape} is not a 3-D volume of one channel (a 2-D model…). */
	private static void checkInput(final KerasFile file, final KerasLayer l) {
		final JsonElement shape = l.has("batch_input_shape") ? l.config().get("batch_input_shape") : l.config().get(
			"batch_shape");
		if (shape == null || !shape.isJsonArray()) throw l.bad("has no batch_input_shape");
		final JsonArray dims = shape.getAsJsonArray();
		if (dims.size() == 4) {
			throw new BadInputException(file.file() + ": a 2-D model (its input has 2 space axes); only 3-D models " +
				"(input [batch, x, y, z, channels]) can be imported");
		}
		if (dims.size() != 5) {
			throw new BadInputException(file.file() + ": a model whose input has " + (dims.size() - 2) +
				" space axes; only 3-D models can be imported");
		}
		final JsonElement channels = dims.get(4);
		if (channels.isJsonNull() || channels.getAsInt() != 1) {
			throw new BadInputException(file.file() + ": the model takes " + (channels.isJsonNull() ? "any number of"
				: channels.getAsString()) + " input channels; a CT volume has one (channels last)");
		}
	}

	/** What the network is: classes, size divisor, parameters, cost, layers. */
	KerasSummary summary() {
		return summary;
	}

	/** The session holding the weights. */
	Session session() {
		return session;
	}

	/** The input, float32 {@code [batch, z, y, x, 1]}. */
	Placeholder<TFloat32> input() {
		return input;
	}

	/** The softmax, float32 {@code [batch, z, y, x, classes]}. */
	Operand<TFloat32> probs() {
		return probs;
	}

	/**
	 * Runs the network on one batch.
	 *
	 * @param values the input, {@code [batch, z, y, x, 1]} flat, C order
	 * @param shape its shape
	 * @return the output tensor, to be closed by the caller
	 */
	TFloat32 run(final float[] values, final Shape shape) {
		try (TFloat32 x = TFloat32.tensorOf(shape, DataBuffers.of(values, true, false))) {
			return (TFloat32) session.runner().feed(input, x).fetch(probs).run().get(0);
		}
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}
}
