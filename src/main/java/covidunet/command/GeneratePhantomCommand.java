package covidunet.command;

import java.io.File;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import covidunet.BadInputException;
import covidunet.phantom.PhantomCohort;

/**
 * Plugins › COVID-19 U-Net › Generate Phantom Cohort: a synthetic chest-CT cohort (images and
 * lung and infection masks) in the real dataset's layout, deterministic for a seed (see
 * {@link PhantomCohort}). The launcher's {@code phantom}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Generate Phantom Cohort", headless = true,
	description = "Synthetic chest CT volumes with lung and infection labels, in the real dataset's layout")
public class GeneratePhantomCommand extends ContextCommand {

	@Parameter
	private StatusService statusService;

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE,
		description = "the folder to create; it must not exist or be empty unless overwrite is set")
	private File output;

	@Parameter(label = "Cases", min = "1", max = "1000", description = "the number of cases")
	private int cases = 20;

	@Parameter(label = "Seed", description = "the same seed gives byte-identical files")
	private long seed = 1;

	@Parameter(label = "Size", choices = { "small", "full" },
		description = "small: about 256x256 at 1.2-1.6 mm, slices 2.5-5 mm; full: 512x512 at 0.6-0.9 mm, slices 1-5 mm")
	private String size = "small";

	@Parameter(label = "Overwrite", required = false, persist = false,
		description = "replace an existing non-empty output folder")
	private boolean overwrite;

	@Parameter(label = "Threads", required = false, min = "0", description = "0: one per core")
	private int threads;

	@Override
	public void run() {
		if (output == null) throw new BadInputException("output: no folder given");
		PhantomCohort.of(seed, cases, size).write(output.toPath(), overwrite, threads,
			new StatusProgress(statusService, this));
	}
}
