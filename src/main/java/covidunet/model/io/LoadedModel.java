package covidunet.model.io;

import java.nio.file.Path;
import java.util.Set;

import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.types.TFloat32;

import covidunet.BadInputException;

/**
 * A model loaded from a model directory by {@link ModelDirectory#load}: its card, its verified
 * digest, and inference through the SavedModel's {@value ModelDirectory#SIGNATURE} signature.
 * Holds native memory until {@link #close()}d.
 */
public final class LoadedModel implements AutoCloseable {

	private final Path dir;
	private final SavedModelBundle bundle;
	private final SessionFunction function;
	private final ModelCard card;
	private final String digest;

	LoadedModel(final Path dir, final SavedModelBundle bundle, final ModelCard card, final String digest) {
		this.dir = dir;
		this.bundle = bundle;
		this.card = card;
		this.digest = digest;
		function = bundle.functions().stream().filter(f -> f.signature().key().equals(ModelDirectory.SIGNATURE))
			.findFirst().orElse(null);
		if (function == null || !function.signature().inputNames().equals(Set.of(ModelDirectory.INPUT)) ||
			!function.signature().outputNames().equals(Set.of(ModelDirectory.OUTPUT)))
		{
			throw new BadInputException("model " + dir + ": " + ModelDirectory.SAVED_MODEL + " has no signature '" +
				ModelDirectory.SIGNATURE + "' from '" + ModelDirectory.INPUT + "' to '" + ModelDirectory.OUTPUT + "'");
		}
	}

	/**
	 * The class probabilities for a batch.
	 *
	 * @param x images, float32 [N, z, y, x, 1], preprocessed as {@link ModelCard#preprocessing()}
	 * @return the softmax, float32 [N, z, y, x, classes]; the caller closes it
	 */
	public TFloat32 predict(final TFloat32 x) {
		return (TFloat32) function.call(x);
	}

	/** The model's card, as read from {@code model.json}. */
	public ModelCard card() {
		return card;
	}

	/** The SavedModel's digest, verified against the card when loading. */
	public String digest() {
		return digest;
	}

	/** The model directory. */
	public Path dir() {
		return dir;
	}

	/** Releases the SavedModel's session and graph. */
	@Override
	public void close() {
		bundle.close();
	}
}
