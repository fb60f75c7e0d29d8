package covidunet.command;

import java.io.File;
import java.util.Arrays;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.engine.ChildEngine;
import covidunet.engine.EngineInputs;
import covidunet.engine.TensorFlowEngine;
import covidunet.model.io.ModelCard;
import covidunet.model.keras.KerasImport;

/**
 * Plugins › COVID-19 U-Net › Import Keras Model: a Keras 2.x HDF5 model file (such as the
 * published MIScnn fold models) as a model directory that Segment Volume, ensembles and Evaluate
 * Folds use like any other. The launcher's {@code import-keras}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Import Keras Model", headless = true,
	description = "a model directory from a Keras 2.x HDF5 model file")
public class ImportKerasModelCommand extends ContextCommand {

	@Parameter(label = "Keras model file (.hdf5, .h5)", style = FileWidget.OPEN_STYLE,
		description = "written by Keras' model.save in HDF5 format (Keras 2.x), a 3-D model with one input channel")
	private File input;

	@Parameter(label = "Model folder", style = FileWidget.DIRECTORY_STYLE,
		description = "the model directory to create; must not hold a model")
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Imported model")
	private String summary;

	@Parameter
	private StatusService status;

	@Override
	public void run() {
		if (input == null || input.getPath().isEmpty()) throw new BadInputException("missing --input");
		if (output == null || output.getPath().isEmpty()) throw new BadInputException("missing --output");
		try {
			if (TensorFlowEngine.isolated()) {
				summary = ChildEngine.run(getClass(), EngineInputs.of(this), new StatusProgress(status, this), null).get(
					"summary");
				return;
			}
			final ModelCard card = KerasImport.importFile(input.toPath(), output.toPath(), KerasImport.Origin.NONE,
				new StatusProgress(status, this));
			summary = "imported " + input + " as " + output + ": " + card.architecture().get("parameters") +
				" parameters, classes " + String.join(", ", card.classes()) + ", windows " + Arrays.toString(card
					.patchSize()) + ", digest " + card.savedModelSha256().orElseThrow();
		}
		catch (final CancelledException e) {
			cancel(e.getMessage());
		}
	}
}
