package covidunet.model.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

import covidunet.model.SessionThreads;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.loss.Labels;
import covidunet.model.loss.SegmentationLoss;
import covidunet.model.loss.SoftDice;
import covidunet.model.net.CustomGradients;
import covidunet.model.net.UNet;
import covidunet.model.net.UNetConfig;
import covidunet.model.tensor.ImageTensors;
import covidunet.sample.Batch;

/**
 * The graph and session a training runs in: the {@link UNet}, the reference's loss and soft Dice
 * on fed labels, {@link ScheduledAdam}, and the training step. Closing it releases both.
 */
final class TrainingGraph implements AutoCloseable {

	/** The losses of one batch. */
	record Values(double loss, double tversky, double crossEntropy, double softDice) {}

	private final Graph graph;
	private final UNet net;
	private final Placeholder<TUint8> labels;
	private final SegmentationLoss.Terms terms;
	private final Operand<TFloat32> softDice;
	private final ScheduledAdam adam;
	private final Op step;
	private final Session session;

	/**
	 * @param network the architecture and batch
	 * @param learningRate the optimiser's rate when none is fed
	 * @param seed seeds the initial weights
	 * @param threads TensorFlow's intra-op threads, or 0 for its default
	 */
	TrainingGraph(final UNetConfig network, final double learningRate, final long seed, final int threads) {
		CustomGradients.registerOnce();
		graph = new Graph();
		try {
			final Ops tf = Ops.create(graph);
			net = UNet.build(tf, network, seed);
			labels = tf.withName("labels").placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 1)));
			final Operand<TFloat32> oneHot = Labels.oneHot(tf, labels, network.classes());
			terms = SegmentationLoss.terms(tf, net.logits(), oneHot, network.classes());
			softDice = SoftDice.mean(tf, terms.probabilities(), oneHot);
			adam = new ScheduledAdam(graph, (float) learningRate);
			step = net.trainStep(adam, terms.total());
			session = new Session(graph, SessionThreads.config(threads));
			session.initialize();
		}
		catch (final RuntimeException | Error e) {
			graph.close();
			throw e;
		}
	}

	/** The network. */
	UNet net() {
		return net;
	}

	/** The session, for checkpoints. */
	Session session() {
		return session;
	}

	/** One optimiser step on {@code batch} at {@code learningRate}; the batch's losses before the step. */
	Values train(final Batch batch, final double learningRate) {
		try (TFloat32 x = ImageTensors.images(batch); TUint8 y = ImageTensors.labels(batch);
			TBool training = TBool.scalarOf(true); TFloat32 rate = TFloat32.scalarOf((float) learningRate))
		{
			return values(session.runner().feed(net.input(), x).feed(labels, y).feed(net.training(), training).feed(adam
				.learningRate(), rate).addTarget(step));
		}
	}

	/** The losses of {@code batch} in inference mode, without training. */
	Values evaluate(final Batch batch) {
		try (TFloat32 x = ImageTensors.images(batch); TUint8 y = ImageTensors.labels(batch)) {
			return values(session.runner().feed(net.input(), x).feed(labels, y));
		}
	}

	private Values values(final Session.Runner runner) {
		try (Result r = runner.fetch(terms.total()).fetch(terms.tversky()).fetch(terms.crossEntropy()).fetch(softDice)
			.run())
		{
			return new Values(scalar(r, 0), scalar(r, 1), scalar(r, 2), scalar(r, 3));
		}
	}

	private static double scalar(final Result r, final int index) {
		return ((TFloat32) r.get(index)).getFloat();
	}

	/**
	 * Sets the network's variables (weights, norm parameters, moving statistics) from another
	 * model's SavedModel, e.g. to fine-tune it; the optimiser's state stays fresh.
	 *
	 * @param savedModel the {@code saved_model} folder of a model of the same architecture
	 */
	void initialiseFrom(final Path savedModel) {
		final Ops tf = Ops.create(graph);
		final List<Variable<TFloat32>> variables = net.variables();
		final String[] names = new String[variables.size()];
		final String[] slices = new String[variables.size()];
		final List<Class<? extends TType>> types = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			names[i] = variables.get(i).op().name();
			slices[i] = "";
			types.add(TFloat32.class);
		}
		final Restore restore = tf.train.restore(tf.constant(savedModel.resolve("variables").resolve("variables")
			.toString()), tf.constant(NdArrays.vectorOfObjects(names)), tf.constant(NdArrays.vectorOfObjects(slices)), types);
		final List<Op> assigns = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			@SuppressWarnings("unchecked")
			final Operand<TFloat32> value = (Operand<TFloat32>) restore.tensors().get(i);
			assigns.add(tf.assign(variables.get(i), value));
		}
		session.run(tf.withControlDependencies(assigns).noOp());
	}

	/** Exports the network with the current weights as a model directory (see {@link ModelDirectory}). */
	ModelCard export(final Path dir, final ModelCard card) {
		return ModelDirectory.export(dir, session, net.input(), net.probs(), card, true);
	}

	@Override
	public void close() {
		try {
			session.close();
		}
		finally {
			graph.close();
		}
	}
}
