package covidunet.command;

import java.io.File;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;
import org.scijava.widget.FileWidget;

import covidunet.dataset.Dataset;
import covidunet.dataset.IntensityKind;
import covidunet.dataset.explore.CaseExploration;
import covidunet.dataset.explore.Exploration;
import covidunet.dataset.explore.ExplorationTable;
import covidunet.ui.ResultsTables;

/**
 * Explore Dataset: a per-case table (dims, spacing, intensities, HU or 0–255, voxels and mL per
 * class, infection share) and figures of a dataset, so that the real dataset and the synthetic
 * cohort can be compared. In Fiji the table also appears as a results table.
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Explore Dataset", headless = true)
public class ExploreDatasetCommand extends ContextCommand {

	@Parameter
	private StatusService status;

	@Parameter
	private UIService ui;

	@Parameter(label = "Dataset folder", style = FileWidget.DIRECTORY_STYLE)
	private File dataset;

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE)
	private File output;

	@Parameter(label = "Replace existing outputs", required = false, persist = false)
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Override
	public void run() {
		final List<CaseExploration> cases = Exploration.run(Dataset.open(dataset.toPath()), output.toPath(), overwrite,
			new StatusProgress(status, this));
		final long rescaled = cases.stream().filter(c -> c.kind() == IntensityKind.RESCALED_0_255).count();
		summary = cases.size() + " cases (" + (cases.size() - rescaled) + " in HU, " + rescaled + " rescaled to 0-255); " +
			"wrote " + String.join(", ", Exploration.outputs()) + " in " + output;
		if (!ui.isHeadless()) ResultsTables.show(ExplorationTable.of(cases), "Explore " + dataset.getName());
	}
}
