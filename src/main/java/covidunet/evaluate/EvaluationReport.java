package covidunet.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.MaskReader;
import covidunet.io.AtomicFiles;
import covidunet.io.CsvTable;
import covidunet.io.nifti.NiftiReader;
import covidunet.model.train.FoldTraining;
import covidunet.model.train.History;

/**
 * Writes an evaluation's results into its output folder: the two CSV tables, the figures in
 * {@value #FIGURES}/ (the folds' fitting curves from their {@code history.tsv}, a box plot per
 * metric, and per case a montage and an animated GIF of CT | truth | prediction) and a
 * self-contained {@code report.html} showing them with the tables. The report embeds the GIFs of
 * the first {@value #GIFS_IN_REPORT} cases only (each is a few MB); every case's PNG is in it.
 */
public final class EvaluationReport {

	/** The figures' folder inside the output. */
	public static final String FIGURES = "figures";

	/** Cases whose animated GIF the report embeds. */
	public static final int GIFS_IN_REPORT = 4;

	private EvaluationReport() {}

	/**
	 * Writes everything.
	 *
	 * @param output the evaluation's folder
	 * @param scored the scored cases (those without a CT get no case figures)
	 * @param models the folder of {@code fold_k} model directories whose training curves to show,
	 *          or null
	 * @return the report's path
	 */
	public static Path write(final Path output, final List<FoldEvaluation.ScoredCase> scored, final Path models,
		final Progress progress)
	{
		final MetricsTable table = FoldEvaluation.table(scored);
		table.write(output);
		final Path figures = output.resolve(FIGURES);
		try {
			Files.createDirectories(figures);
		}
		catch (final IOException e) {
			throw new BadInputException("output " + figures + ": cannot create (" + AtomicFiles.reason(e) + ")", e);
		}
		final List<Path> shown = new ArrayList<>();
		final SortedMap<Integer, History> histories = histories(models, scored);
		if (!histories.isEmpty()) {
			final Path curves = figures.resolve(FittingCurves.FILE);
			FittingCurves.write(histories, curves);
			shown.add(curves);
		}
		final CsvTable detailed = table.detailed();
		shown.addAll(BoxPlots.write(detailed, figures));
		int gifs = 0;
		for (final FoldEvaluation.ScoredCase c : scored) {
			final Path ct = c.image();
			if (ct == null) continue;
			progress.checkCancelled();
			progress.report("figures of " + c.id(), shown.size(), shown.size() + 1);
			for (final Path f : CaseFigures.write(NiftiReader.read(ct), MaskReader.read(c.truth()), MaskReader.read(c
				.prediction()), c.id(), figures))
			{
				final boolean gif = f.getFileName().toString().endsWith(".gif");
				if (!gif || gifs++ < GIFS_IN_REPORT) shown.add(f);
			}
		}
		Report.write(output, detailed, table.summary(), shown, CaseMetrics.EMPTY_CLASS_RULE);
		return output.resolve(Report.FILE);
	}

	private static SortedMap<Integer, History> histories(final Path models, final List<FoldEvaluation.ScoredCase> scored) {
		final SortedMap<Integer, History> histories = new TreeMap<>();
		if (models == null) return histories;
		for (final FoldEvaluation.ScoredCase c : scored) {
			final Path file = FoldTraining.foldDirectory(models, c.fold()).resolve(History.FILE_NAME);
			if (!histories.containsKey(c.fold()) && Files.isRegularFile(file)) histories.put(c.fold(), History.read(file));
		}
		return histories;
	}
}
