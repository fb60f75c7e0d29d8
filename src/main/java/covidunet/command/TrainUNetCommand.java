package covidunet.command;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;
import org.scijava.widget.FileWidget;

import covidunet.Progress;
import covidunet.engine.ChildEngine;
import covidunet.engine.EngineInputs;
import covidunet.engine.TensorFlowEngine;
import covidunet.io.UserCache;
import covidunet.model.TensorFlowRuntime;
import covidunet.model.train.FoldTraining;
import covidunet.model.train.TrainingListener;
import covidunet.model.train.TrainingOptions;
import covidunet.model.train.TrainingResult;
import covidunet.ui.PlannedTrainingWindow;

/**
 * Plugins › COVID-19 U-Net › Train COVID U-Net: trains the 3D U-Net on one fold of a folds file,
 * or on every fold in turn ({@code fold = all}, into {@code output/fold_k}). The launcher's
 * {@code train}. With a display, and no listener set, a window follows the training live. In
 * Fiji the training runs in the TensorFlow engine's child JVM ({@link ChildEngine}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Train COVID U-Net", headless = true,
	description = "Train the 3D U-Net on a fold (or all folds) of a dataset; writes a model directory")
public class TrainUNetCommand extends ContextCommand {

	@Parameter(label = "Dataset folder", style = FileWidget.DIRECTORY_STYLE,
		description = "the Zenodo layout or <case>/imaging.nii.gz + <case>/segmentation.nii.gz")
	private File dataset;

	@Parameter(label = "Folds file (.json)", style = FileWidget.OPEN_STYLE, description = "from Prepare Folds")
	private File folds_file;

	@Parameter(label = "Fold", description = "a fold number from 0, or 'all' for every fold into fold_k subfolders")
	private String fold = "0";

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE,
		description = "the model directory (with fold 'all': the folder of fold_k model directories)")
	private File output;

	@Parameter(label = "Configuration (optional)", style = FileWidget.OPEN_STYLE, required = false,
		description = "a configuration card, e.g. models/cpu-small.json; default: the device's")
	private File config;

	@Parameter(label = "Fine-tune model (optional)", style = FileWidget.DIRECTORY_STYLE, required = false,
		description = "start from this model directory's weights")
	private File init_model;

	@Parameter(label = "Epochs", min = "0", required = false, description = "the most epochs; 0: the configuration's")
	private int epochs;

	@Parameter(label = "Iterations per epoch", min = "0", required = false, description = "0: the configuration's")
	private int iterations;

	@Parameter(label = "Patch (x,y,z)", required = false,
		description = "each side divisible by 2^(levels-1); empty: the configuration's")
	private String patch = "";

	@Parameter(label = "Batch", min = "0", required = false, description = "patches per step; 0: the configuration's")
	private int batch;

	@Parameter(label = "Levels", min = "0", required = false,
		description = "resolution levels (poolings + 1; the reference's depth 4 is 5); 0: the configuration's")
	private int levels;

	@Parameter(label = "Base filters", min = "0", required = false, description = "0: the configuration's")
	private int base;

	@Parameter(label = "Normalisation", choices = { TrainingOptions.CONFIGURATION_NORM, "batch", "instance", "none" },
		required = false, description = "config (or empty): the configuration's; batch, instance or none")
	private String norm = TrainingOptions.CONFIGURATION_NORM;

	@Parameter(label = "Learning rate", min = "0", required = false, description = "Adam's initial rate; 0: the configuration's")
	private double lr;

	@Parameter(label = "Seed", required = false, description = "seeds weights and patches")
	private long seed = 1;

	@Parameter(label = "Resume", required = false, persist = false,
		description = "continue from the latest checkpoint in the output")
	private boolean resume;

	@Parameter(label = "Time limit (minutes)", min = "0", required = false,
		description = "stop cleanly after this long, keeping the best model; 0: no limit")
	private double max_minutes;

	@Parameter(label = "Threads", min = "0", required = false,
		description = "the most threads: TensorFlow's per operation, the patch producer's one less; 0: one per core")
	private int threads;

	@Parameter(label = "Cache folder (optional)", style = FileWidget.DIRECTORY_STYLE, required = false,
		description = "where preprocessed cases are kept; default: the user's cache folder")
	private File cache;

	@Parameter(type = ItemIO.OUTPUT, label = "Training")
	private String summary;

	@Parameter
	private StatusService status;

	@Parameter
	private UIService ui;

	/** Listens to the epochs; without one, the GUI opens a training window. */
	private TrainingListener listener = TrainingListener.NONE;

	@Override
	public void run() {
		final Progress progress = new StatusProgress(status, this);
		final PlannedTrainingWindow window = listener == TrainingListener.NONE && !ui.isHeadless() ?
			new PlannedTrainingWindow(output.getName(), () -> cancel("cancelled in the training window")) : null;
		final TrainingListener target = window == null ? listener : window;
		try {
			summary = TensorFlowEngine.isolated() ? ChildEngine.run(getClass(), EngineInputs.of(this), progress, target)
				.get("summary") : train(progress, target);
		}
		catch (final RuntimeException | Error e) {
			if (window != null) window.stopped(isCanceled(), e.getMessage());
			throw e;
		}
		if (window != null) window.ended(summary);
	}

	/** Trains in this JVM; returns the summary. */
	private String train(final Progress progress, final TrainingListener target) {
		final TrainingOptions options = TrainingOptions.builder().epochs(epochs).iterations(iterations).patch(patch).batch(
			batch).levels(levels).base(base).norm(norm).lr(lr).build();
		final Path initModel = init_model == null ? null : init_model.toPath();
		final TrainingOptions.Resolved resolved = options.resolve(config == null ? null : config.toPath(), initModel,
			TensorFlowRuntime.devices());
		progress.report("configuration from " + resolved.origin() + ": " + resolved.config().network(), 0, 1);
		target.planned(resolved.config().maxEpochs());
		final List<TrainingResult> results = FoldTraining.train(FoldTraining.Request.builder(dataset.toPath(), folds_file
			.toPath(), fold, output.toPath(), cache == null ? UserCache.folder() : cache.toPath(), resolved.config()).seed(
				seed).resume(resume).maxMinutes(max_minutes).threads(threads).initModel(initModel).progress(progress, target)
			.build());
		final StringBuilder text = new StringBuilder();
		for (final TrainingResult r : results) {
			text.append(r.modelDir()).append(": ").append(r.history().rows().size()).append(" epochs, ").append(r.reason()
				.description());
			r.selected().ifPresentOrElse(b -> text.append(String.format(Locale.ROOT,
				"; model of epoch %d (loss %.4f)", b.epoch(), b.value())), () -> text.append("; no model (no finite loss)"));
			text.append('\n');
		}
		return text.toString();
	}

	/** Sets the listener that follows the epochs (e.g. a live plot); call before {@link #run()}. */
	public void setListener(final TrainingListener l) {
		listener = l == null ? TrainingListener.NONE : l;
	}
}
