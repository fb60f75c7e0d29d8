package covidunet.command;

import java.io.File;

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
import covidunet.model.published.PublishedModels;

/**
 * Plugins › COVID-19 U-Net › Download Published Models: the five fold models that Müller et al.
 * (2020) published in Zenodo record 3902293, downloaded (resumable, each file checked against the
 * record's size and MD5) and imported as the model directories {@code fold_0} … {@code fold_4} of
 * the output folder, which Segment Volume runs as an ensemble. The record's description is kept
 * as {@code zenodo-record.json} beside them, and its licence printed. The downloads stay in the
 * folder's {@code downloads/} until every fold is imported. The launcher's {@code download-model}.
 * See {@link PublishedModels} for which of the record's files are downloaded and how the folds
 * are told apart.
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Download Published Models", headless = true,
	description = "The five published fold models (Müller et al. 2020, Zenodo 3902293), imported as " +
		"fold_0 … fold_4. Downloaded: the record's HDF5 files; if it has none, its archives named for models; " +
		"then archives with other names, evaluation before predictions and visualizations, each group only if the " +
		"ones before held no HDF5 file. Folds: the fold number in each path (fold_3, fold3, cv_3 …), a *best* " +
		"file before others, then the shortest name; without fold numbers, exactly five files in path order.")
public class DownloadModelsCommand extends ContextCommand {

	@Parameter
	private StatusService statusService;

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE,
		description = "where the fold_k model directories go; created if missing; folds already there are skipped")
	private File output;

	@Parameter(label = "Records API URL", required = false,
		description = "the record's description in Zenodo's records API (a mirror's); https://, or http:// to this " +
			"machine only [" + PublishedModels.DEFAULT_URL + "]")
	private String base_url;

	@Parameter(type = ItemIO.OUTPUT, label = "Published models")
	private String report;

	@Override
	public void run() {
		if (output == null || output.getPath().isEmpty()) throw new BadInputException("missing --output");
		if (TensorFlowEngine.isolated()) {
			try {
				report = ChildEngine.run(getClass(), EngineInputs.of(this), new StatusProgress(statusService, this), null)
					.get("report");
			}
			catch (final CancelledException exc) {
				cancel(exc.getMessage());
			}
			return;
		}
		final PublishedModels models = PublishedModels.fromOptions(base_url);
		try {
			report = String.join("\n", models.into(output.toPath(), new StatusProgress(statusService, this)));
		}
		catch (final CancelledException exc) {
			cancel(exc.getMessage());
		}
	}
}
