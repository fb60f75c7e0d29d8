package covidunet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

import com.google.gson.JsonObject;

import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.net.Norm;
import covidunet.model.net.UNet;
import covidunet.model.net.UNetConfig;
import covidunet.preprocess.PreprocessConfig;

/** Model directories of untrained networks, for tests that need a real model but not its skill. */
public final class UntrainedModels {

	private UntrainedModels() {}

	/** The tests' tiny network: 2 levels, 2 base filters, 4 classes, 16 × 16 × 8 windows, batch 1. */
	public static UNetConfig tiny(final Norm norm) {
		return new UNetConfig(2, 2, norm, 4, 16, 16, 8, 1, UNetConfig.DEFAULT_MOMENTUM);
	}

	/**
	 * Exports the freshly initialised network {@code net} (weights seeded by {@code seed}) with
	 * {@code preprocessing} and the four standard classes into {@code dir}, which must not hold a model.
	 */
	public static void export(final Path dir, final UNetConfig net, final long seed, final PreprocessConfig preprocessing) {
		try (Graph g = new Graph()) {
			final UNet u = UNet.build(Ops.create(g), net, seed);
			try (Session s = new Session(g)) {
				s.initialize();
				ModelDirectory.export(dir, s, u.input(), u.probs(), ModelCard.builder().architecture(net.toJson())
					.preprocessing(preprocessing).training(new JsonObject()).build(), false);
			}
		}
	}

	/**
	 * Flips one bit in the middle of the weights ({@code saved_model/variables/variables.data-…})
	 * of the model directory {@code dir}, so that they no longer match the card's digest.
	 */
	public static void alterWeights(final Path dir) throws IOException {
		final Path data;
		try (Stream<Path> files = Files.list(dir.resolve(ModelDirectory.SAVED_MODEL).resolve("variables"))) {
			data = files.filter(p -> p.getFileName().toString().startsWith("variables.data-")).findFirst().orElseThrow();
		}
		final byte[] bytes = Files.readAllBytes(data);
		bytes[bytes.length / 2] ^= 1;
		Files.write(data, bytes);
	}
}
