package covidunet.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;
import covidunet.io.CsvTable;

/**
 * The cross-validation's report, {@value #FILE}: one self-contained HTML page (styles inline,
 * every image embedded as a base64 {@code data:} URI, no links) with the summary
 * ({@value MetricsTable#SUMMARY_FILE}) and the per-case table ({@value MetricsTable#DETAILED_FILE})
 * (values to 4 decimals, NaN as "–"), the rule for classes absent from a case, then the figures
 * with captions derived from their names ({@value FittingCurves#FILE}, {@code boxplot_<metric>.png},
 * {@code <case>.png} and {@code <case>.gif}).
 */
public final class Report {

	/** The report's file name. */
	public static final String FILE = "report.html";

	/** Columns shown as they are; the others hold numbers. */
	private static final Set<String> TEXT_COLUMNS = Set.of("index", "fold", "score");

	private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}" +
		"table{border-collapse:collapse;margin:1em 0;font-size:90%}" +
		"th,td{border:1px solid #ccc;padding:2px 8px;text-align:right}th{background:#eee}" +
		"td:first-child,th:first-child{text-align:left}figure{margin:1.5em 0}img{max-width:100%}" +
		"figcaption{font-style:italic;margin-top:.3em}";

	private Report() {}

	/**
	 * Writes {@value #FILE} into {@code folder}, atomically.
	 *
	 * @param detailed the per-case table ({@link MetricsTable#detailed()})
	 * @param summary the per-fold summary ({@link MetricsTable#summary()})
	 * @param figures PNG and GIF files to embed, in order
	 * @param emptyClassRule how classes absent from the truth or the prediction are scored
	 * @throws BadInputException if a figure cannot be read, is neither PNG nor GIF, or the report
	 *           cannot be written
	 */
	public static void write(final Path folder, final CsvTable detailed, final CsvTable summary, final List<Path> figures,
		final String emptyClassRule)
	{
		final StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<title>Cross-validation report</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
			.append("<h1>Cross-validation report</h1>\n<h2>Summary (").append(MetricsTable.SUMMARY_FILE)
			.append(")</h2>\n").append("<p>Per fold the median over its validation cases; then the mean and the standard ")
			.append("deviation over the folds.</p>\n");
		table(html, summary);
		html.append("<h2>Classes absent from a case</h2>\n<p>").append(escape(emptyClassRule)).append("</p>\n");
		html.append("<h2>Per case (").append(MetricsTable.DETAILED_FILE).append(")</h2>\n");
		table(html, detailed);
		html.append("<h2>Figures</h2>\n");
		for (final Path figure : figures) {
			html.append("<figure><img src=\"data:").append(mimeType(figure)).append(";base64,")
				.append(Base64.getEncoder().encodeToString(read(figure))).append("\" alt=\"")
				.append(escape(caption(figure))).append("\"><figcaption>").append(escape(caption(figure)))
				.append("</figcaption></figure>\n");
		}
		html.append("</body>\n</html>\n");
		AtomicFiles.writeString(folder.resolve(FILE), html.toString());
	}

	/** Text with {@code & < > " '} escaped for HTML. */
	static String escape(final String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	/** A table's cell as shown: text columns as they are, numbers to 4 decimals, NaN as "–". */
	static String cell(final String column, final String value) {
		if (TEXT_COLUMNS.contains(column) || value.isEmpty()) return value;
		if (value.equals("NaN")) return "–";
		if (value.equals("Inf")) return "∞";
		if (value.equals("-Inf")) return "−∞";
		try {
			return String.format(Locale.ROOT, "%.4f", Double.parseDouble(value));
		}
		catch (final NumberFormatException e) {
			return value;
		}
	}

	/** The figure's caption, from its file name. */
	static String caption(final Path figure) {
		final String name = figure.getFileName().toString();
		final String stem = name.substring(0, name.lastIndexOf('.'));
		if (name.equals(FittingCurves.FILE)) return "Training (solid) and validation (lighter) loss of every fold";
		if (stem.startsWith("boxplot_")) return "Box plot of " + stem.substring(8) + " per class over the cases";
		if (name.endsWith(".gif")) return "Case " + stem + ": CT | truth | prediction through the axial slices";
		return "Case " + stem + ": CT | truth | prediction, axial slices through the labels";
	}

	private static void table(final StringBuilder html, final CsvTable table) {
		html.append("<table>\n<tr>");
		for (final String column : table.columns()) html.append("<th>").append(escape(column)).append("</th>");
		html.append("</tr>\n");
		for (final List<String> row : table.rows()) {
			html.append("<tr>");
			for (int c = 0; c < row.size(); c++) {
				html.append("<td>").append(escape(cell(table.columns().get(c), row.get(c)))).append("</td>");
			}
			html.append("</tr>\n");
		}
		html.append("</table>\n");
	}

	private static String mimeType(final Path figure) {
		final String name = figure.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".png")) return "image/png";
		if (name.endsWith(".gif")) return "image/gif";
		throw new BadInputException(figure + ": not a PNG or GIF figure");
	}

	private static byte[] read(final Path figure) {
		try {
			return Files.readAllBytes(figure);
		}
		catch (final IOException e) {
			throw new BadInputException(figure + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
	}
}
