package covidunet.model.keras;

import java.nio.file.Path;

import covidunet.Progress;
import covidunet.model.io.ModelCard;

/**
 * Imports a Keras 2.x HDF5 model file (written by {@code model.save}) as an ordinary model
 * directory.
 */
public final class KerasImport {

	/**
	 * Where an imported file came from, recorded in the card's training provenance.
	 *
	 * @param record the Zenodo record id, or null
	 * @param fold the cross-validation fold, or null
	 * @param url where the file was downloaded from, or null
	 */
	public record Origin(String record, Integer fold, String url) {

		/** Nothing known beyond the file itself. */
		public static final Origin NONE = new Origin(null, null, null);
	}

	private KerasImport() {}

	/**
	 * Imports {@code hdf5} into the model directory {@code output}, which must not hold a model.
	 *
	 * @return the card written
	 * @throws covidunet.BadInputException one line naming the file (and the layer) if it is not a
	 *           Keras model this importer supports; nothing is left behind
	 * @throws covidunet.CancelledException if cancelled; nothing is left behind
	 */
	public static ModelCard importFile(final Path hdf5, final Path output, final Origin origin,
		final Progress progress)
	{
		throw new UnsupportedOperationException("not yet");
	}
}
