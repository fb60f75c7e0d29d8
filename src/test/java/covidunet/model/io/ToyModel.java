package covidunet.model.io;

import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import com.google.gson.JsonObject;

import covidunet.io.JsonFiles;

/**
 * A tiny stand-in for the U-Net: x [N, 4, 4, 4, 1] → 1 × 1 × 1 convolution with fixed weights to
 * 4 channels, plus a bias → softmax. Its weights and bias are variables, so its SavedModel has
 * a {@code variables/} folder like the real one.
 */
final class ToyModel implements AutoCloseable {

	static final long SIDE = 4;

	final Graph graph = new Graph();
	final Session session;
	final Operand<TFloat32> x;
	final Operand<TFloat32> probs;

	ToyModel() {
		final Ops tf = Ops.create(graph);
		x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIDE, SIDE, SIDE, 1)));
		final Operand<TFloat32> w = tf.withName("w").variable(tf.constant(new float[][][][][] { { { {
			{ 0.9f, -1.3f, 0.4f, 2.1f } } } } }));
		final Operand<TFloat32> b = tf.withName("b").variable(tf.constant(new float[] { 0.1f, -0.2f, 0.3f, 0.05f }));
		final Operand<TFloat32> logits = tf.math.add(tf.nn.conv3d(x, w, List.of(1L, 1L, 1L, 1L, 1L), "VALID"), b);
		probs = tf.withName("probs").nn.softmax(logits);
		session = new Session(graph);
		session.initialize();
	}

	/** The probabilities the live session computes for {@code input}. */
	float[] run(final TFloat32 input) {
		try (Tensor t = session.runner().feed(x, input).fetch(probs).run().get(0)) {
			return floats((TFloat32) t);
		}
	}

	/** A fixed input of shape [1, 4, 4, 4, 1] with varied, signed values. */
	static TFloat32 input() {
		final float[] values = new float[(int) (SIDE * SIDE * SIDE)];
		for (int i = 0; i < values.length; i++) values[i] = (float) (3 * Math.sin(0.7 * i) + 0.01 * i);
		return TFloat32.tensorOf(Shape.of(1, SIDE, SIDE, SIDE, 1), t -> t.asRawTensor().data().asFloats().write(values));
	}

	/** A tensor's values in memory order. */
	static float[] floats(final TFloat32 t) {
		final float[] values = new float[(int) t.shape().size()];
		t.asRawTensor().data().asFloats().read(values);
		return values;
	}

	/** A card for the toy network. */
	static ModelCard card() {
		final JsonObject architecture = new JsonObject();
		architecture.addProperty("kind", "toy 1x1x1 convolution");
		architecture.addProperty("classes", 4);
		architecture.add(ModelCard.PATCH, JsonFiles.array(4, 4, 4));
		final JsonObject training = new JsonObject();
		training.addProperty("fold", 0);
		training.addProperty("seed", 42);
		training.addProperty("selected_epoch", 3);
		training.addProperty("selected_because", "lowest validation loss");
		training.addProperty("best_validation_loss", 0.25);
		training.addProperty("best_training_loss", 0.125);
		return ModelCard.builder().architecture(architecture).training(training).build();
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}
}
