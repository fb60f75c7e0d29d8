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
import covidunet.Progress;
import covidunet.engine.ChildEngine;
import covidunet.engine.EngineInputs;
import covidunet.engine.TensorFlowEngine;

/**
 * Plugins › COVID-19 U-Net › Run Demo: the whole method on a synthetic cohort, as a first run
 * should show it ({@link Demo}): phantoms, a seeded split, training, segmentation of the validation
 * cases and the evaluation's tables, figures and {@code report.html}. The launcher's {@code demo}.
 * In Fiji the work runs in the TensorFlow engine's child JVM ({@link ChildEngine}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Run Demo", headless = true,
	description = "Phantom cohort, folds, training, segmentation and evaluation in one go")
public class RunDemoCommand extends ContextCommand {

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE,
		description = "where the cohort, the split, the models and the evaluation go; a second run reuses them")
	private File output;

	@Parameter(label = "Train every fold", required = false, persist = false,
		description = "every fold for " + Demo.ALL_FOLDS_MINUTES + " minutes each instead of fold 0 for " +
			Demo.ONE_FOLD_MINUTES + " minutes")
	private boolean all_folds;

	@Parameter(label = "Minutes per fold", min = "0", required = false,
		description = "training minutes per fold; 0: the demo's (" + Demo.ONE_FOLD_MINUTES + ", or " +
			Demo.ALL_FOLDS_MINUTES + " each for every fold)")
	private double minutes;

	@Parameter(type = ItemIO.OUTPUT, label = "Demo")
	private String report;

	@Parameter
	private StatusService status;

	@Override
	public void run() {
		if (!(minutes >= 0) || Double.isInfinite(minutes)) {
			throw new BadInputException("minutes: " + minutes + " must be 0 (the demo's default) or more");
		}
		final Progress progress = new StatusProgress(status, this);
		report = TensorFlowEngine.isolated() ? ChildEngine.run(getClass(), EngineInputs.of(this), progress, null).get(
			"report") : "demo finished: " + Demo.run(output.toPath(), all_folds, minutes, progress);
	}
}
