package covidunet.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.net.UNet;
import covidunet.model.net.UNetConfig;

/**
 * An untrained model directory: a {@link UNet} with fresh seeded weights, exported with the
 * reference preprocessing and its configuration's patch as the window; its classes are named
 * {@link ModelCard#CLASSES} if there are four, else {@code class_0}, {@code class_1}…. Its labels mean nothing;
 * it costs what a trained model of the same configuration costs, which is what benchmarks need.
 */
public final class FreshModel {

	/** Seeds the weights. */
	public static final long SEED = 20200707L;

	private FreshModel() {}

	/**
	 * Exports the untrained network of {@code config} to {@code dir}, which must not hold a model.
	 *
	 * @return the card written
	 * @throws covidunet.BadInputException naming {@code dir} if it holds a model or cannot be written
	 */
	public static ModelCard export(final UNetConfig config, final Path dir) {
		try (Graph graph = new Graph()) {
			final UNet net = UNet.build(Ops.create(graph), config, SEED);
			try (Session session = new Session(graph)) {
				session.initialize();
				return ModelDirectory.export(dir, session, net.input(), net.probs(), ModelCard.builder().architecture(config
					.toJson()).classes(classNames(config.classes())).build(), false);
			}
		}
	}

	private static List<String> classNames(final int classes) {
		if (classes == ModelCard.CLASSES.size()) return ModelCard.CLASSES;
		return IntStream.range(0, classes).mapToObj(c -> "class_" + c).toList();
	}
}
