package covidunet.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A table written as CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks
 * quoted, {@code \n} line ends). Numbers are written plainly with a dot and 6 significant
 * digits whatever the locale, so a table reads the same everywhere.
 */
public final class CsvTable {

	private static final MathContext SIGNIFICANT = new MathContext(6);

	private final List<String> columns;
	private final List<List<String>> rows = new ArrayList<>();

	/** A table with these column names. */
	public CsvTable(final List<String> columns) {
		this.columns = List.copyOf(columns);
	}

	/**
	 * Adds a row: strings and whole numbers as they are, other floating-point numbers with 6
	 * significant digits, without exponent.
	 *
	 * @throws IllegalArgumentException if the row's length differs from the columns'
	 */
	public CsvTable add(final Object... values) {
		if (values.length != columns.size()) {
			throw new IllegalArgumentException("row of " + values.length + " values for " + columns.size() + " columns");
		}
		final List<String> row = new ArrayList<>(values.length);
		for (final Object value : values) {
			row.add(format(value));
		}
		rows.add(row);
		return this;
	}

	/** The column names. */
	public List<String> columns() {
		return columns;
	}

	/** The rows as formatted strings. */
	public List<List<String>> rows() {
		return rows;
	}

	/** The CSV text, header line first. */
	public String toCsv() {
		final StringBuilder csv = new StringBuilder();
		line(csv, columns);
		for (final List<String> row : rows) {
			line(csv, row);
		}
		return csv.toString();
	}

	/** A value as it appears in the table. */
	public static String format(final Object value) {
		if (value == null) return "";
		if (value instanceof Double || value instanceof Float) {
			final double v = ((Number) value).doubleValue();
			if (Double.isNaN(v)) return "NaN";
			if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
			if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
			return new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

	private static void line(final StringBuilder csv, final List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) csv.append(',');
			csv.append(quote(fields.get(i)));
		}
		csv.append('\n');
	}

	private static String quote(final String field) {
		if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
			return field;
		}
		return '"' + field.replace("\"", "\"\"") + '"';
	}
}
