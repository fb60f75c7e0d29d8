package covidunet.model.published;

import java.nio.file.Path;

import covidunet.Progress;
import covidunet.model.io.ModelCard;
import covidunet.model.keras.KerasImport;

/** Turns one downloaded model file into a model directory: {@link #KERAS}, or a fake in tests. */
@FunctionalInterface
public interface FoldImporter {

	/** The Keras HDF5 importer, {@link KerasImport#importFile}. */
	FoldImporter KERAS = KerasImport::importFile;

	/**
	 * Imports {@code hdf5} into the new model directory {@code output}.
	 *
	 * @return the card written
	 * @throws covidunet.BadInputException one line naming the file (and what is wrong) if it is
	 *           not a model this importer supports; nothing is left in {@code output}
	 * @throws covidunet.CancelledException if cancelled; nothing is left in {@code output}
	 */
	ModelCard importFile(Path hdf5, Path output, KerasImport.Origin origin, Progress progress);
}
