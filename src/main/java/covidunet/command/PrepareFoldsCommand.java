package covidunet.command;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import covidunet.Progress;
import covidunet.dataset.BenchmarkSplits;
import covidunet.dataset.Dataset;
import covidunet.dataset.FoldSplitter;
import covidunet.dataset.Folds;
import covidunet.dataset.IntensityKind;
import covidunet.io.OutputChecks;

/**
 * Plugins › COVID-19 U-Net › Prepare Folds: a seeded K-fold split of a dataset's cases that
 * mixes Hounsfield-unit and 0–255 cases across the folds, or the dataset benchmark's split
 * imported, saved as {@code F.json} with {@code F.csv} beside it. The launcher's {@code folds}.
 * Every image and mask is read in full first (some seconds for the real dataset), so that a
 * damaged dataset is refused here rather than when training.
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Prepare Folds", headless = true,
	description = "Seeded K-fold split of a dataset, or the benchmark's; F.json and F.csv")
public class PrepareFoldsCommand extends ContextCommand {

	@Parameter(label = "Dataset folder", style = FileWidget.DIRECTORY_STYLE,
		description = "the Zenodo layout or <case>/imaging.nii.gz + <case>/segmentation.nii.gz")
	private File dataset;

	@Parameter(label = "Folds file (.json)", style = FileWidget.SAVE_STYLE,
		description = "the split as JSON; a CSV of the same name is written beside it")
	private File output;

	@Parameter(label = "Number of folds", min = "2", description = "K, at most the number of cases")
	private int folds = FoldSplitter.DEFAULT_FOLDS;

	@Parameter(label = "Seed", description = "the same seed and cases give the same split")
	private long seed = 1;

	@Parameter(label = "Overwrite", persist = false, description = "replace an existing folds file and its CSV")
	private boolean overwrite;

	@Parameter(label = "Benchmark splits (optional)", style = FileWidget.OPEN_STYLE, required = false,
		description = "import a set of the dataset benchmark's splits (JSON) instead of splitting; " +
			"--folds and --seed are then not used")
	private File benchmark;

	@Parameter(label = "Benchmark set", choices = { BenchmarkSplits.SET_16_4, BenchmarkSplits.SET_4_16 },
		description = "with --benchmark: 16 training / 4 validation cases per fold, or 4 / 16")
	private String benchmark_set = BenchmarkSplits.DEFAULT_SET;

	@Parameter(type = ItemIO.OUTPUT, label = "Folds")
	private String summary;

	@Parameter
	private StatusService status;

	@Override
	public void run() {
		final Path json = output.toPath();
		Folds.checkOutput(json, overwrite);
		if (benchmark != null) OutputChecks.notInput(json, "benchmark file", benchmark.toPath());
		final Dataset data = Dataset.open(dataset.toPath());
		final BenchmarkSplits imported = benchmark == null ? null :
			BenchmarkSplits.read(benchmark.toPath(), benchmark_set, data.ids());
		if (imported == null) FoldSplitter.checkFoldCount(folds, data.cases().size());
		final Progress progress = new StatusProgress(status, this);
		data.checkVoxels(progress);
		final SortedMap<String, IntensityKind> kinds = data.intensityKinds(progress);
		final Folds split = imported == null ? FoldSplitter.split(kinds, folds, seed) : imported.toFolds(kinds);
		split.write(json, overwrite);
		final List<String> leftOut = new ArrayList<>(data.ids());
		leftOut.removeAll(split.cases());
		summary = split.summary() + (leftOut.isEmpty() ? "" : "not in the benchmark, left out: " +
			String.join(", ", leftOut) + "\n") + "wrote " + json + " and " + Folds.csvPath(json);
	}
}
