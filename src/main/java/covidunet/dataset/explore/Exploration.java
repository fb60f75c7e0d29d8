package covidunet.dataset.explore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.Dataset;
import covidunet.figure.PngFiles;
import covidunet.io.AtomicFiles;

/**
 * {@code explore}: measures every case of a dataset, then writes the table
 * ({@value ExplorationTable#FILE}) and the figures ({@value ExplorationFigures#HISTOGRAMS},
 * {@value ExplorationFigures#VOLUMES}) into a folder. Nothing is written unless every case could
 * be measured; each file appears complete or not at all.
 */
public final class Exploration {

	private Exploration() {}

	/** The files {@link #run} writes into its output folder. */
	public static List<String> outputs() {
		return List.of(ExplorationTable.FILE, ExplorationFigures.HISTOGRAMS, ExplorationFigures.VOLUMES);
	}

	/**
	 * @param dataset the cases to measure
	 * @param output the folder to write into (created if missing)
	 * @param overwrite whether existing outputs may be replaced
	 * @param progress reports one step per case, and can cancel between cases
	 * @return the measurements, in the dataset's case order
	 * @throws BadInputException if an output exists and may not be replaced, the output is not a
	 *           folder, or a case cannot be measured
	 */
	public static List<CaseExploration> run(final Dataset dataset, final Path output, final boolean overwrite,
		final Progress progress)
	{
		checkOutput(output, overwrite);
		final List<CaseExploration> cases = new ArrayList<>();
		final List<CaseFiles> files = dataset.cases();
		for (int i = 0; i < files.size(); i++) {
			progress.checkCancelled();
			final CaseFiles c = files.get(i);
			progress.report("exploring " + c.id(), i, files.size());
			cases.add(CaseExplorer.explore(c.id(), c.image(), c.mask()));
		}
		progress.report("exploring done", files.size(), files.size());
		createFolder(output);
		AtomicFiles.writeString(output.resolve(ExplorationTable.FILE), ExplorationTable.of(cases).toCsv());
		PngFiles.write(ExplorationFigures.histograms(cases), output.resolve(ExplorationFigures.HISTOGRAMS));
		PngFiles.write(ExplorationFigures.volumes(cases), output.resolve(ExplorationFigures.VOLUMES));
		return cases;
	}

	private static void checkOutput(final Path output, final boolean overwrite) {
		if (Files.exists(output) && !Files.isDirectory(output)) {
			throw new BadInputException(output + ": is a file, not a folder for the exploration's outputs");
		}
		if (overwrite) return;
		for (final String name : outputs()) {
			if (Files.exists(output.resolve(name))) {
				throw new BadInputException(output.resolve(name) + ": exists; give --overwrite true to replace it");
			}
		}
	}

	private static void createFolder(final Path output) {
		try {
			Files.createDirectories(output);
		}
		catch (final IOException e) {
			throw new BadInputException(output + ": cannot create the folder (" + AtomicFiles.reason(e) + ")", e);
		}
	}
}
