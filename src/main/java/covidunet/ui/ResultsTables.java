package covidunet.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ij.measure.ResultsTable;

import covidunet.BadInputException;
import covidunet.io.CsvTable;

/** Shows the core's tables as ImageJ results tables (windows: never call when headless). */
public final class ResultsTables {

	private ResultsTables() {}

	/** An ImageJ results table with the table's rows: numeric cells as numbers, others as text. */
	public static ResultsTable of(final CsvTable table) {
		final ResultsTable results = new ResultsTable();
		results.showRowNumbers(false);
		for (final List<String> row : table.rows()) {
			results.incrementCounter();
			for (int c = 0; c < row.size(); c++) {
				final String column = table.columns().get(c);
				final String cell = row.get(c);
				try {
					results.addValue(column, Double.parseDouble(cell));
				}
				catch (final NumberFormatException e) {
					results.addValue(column, cell);
				}
			}
		}
		return results;
	}

	/** Shows the table in a window with this title. */
	public static void show(final CsvTable table, final String title) {
		of(table).show(title);
	}

	/**
	 * Shows a CSV file in a window with this title.
	 *
	 * @throws BadInputException if it cannot be read
	 */
	public static void show(final Path csv, final String title) {
		try {
			final ResultsTable results = ResultsTable.open(csv.toString());
			results.showRowNumbers(false);
			results.show(title);
		}
		catch (final IOException e) {
			throw new BadInputException(csv + ": cannot read (" + e.getMessage() + ")", e);
		}
	}
}
