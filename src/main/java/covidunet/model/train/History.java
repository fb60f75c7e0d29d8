package covidunet.model.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;

/**
 * The per-epoch record of a training, kept in {@code history.tsv}: a header line with
 * {@link #COLUMNS}, then one tab-separated row per epoch, epochs numbered 1, 2, 3… without gaps.
 * Numbers are written as Java's {@code Double.toString} (exact round trip; {@code NaN} allowed,
 * e.g. for a diverged loss). Each {@link #append(Row)} rewrites the whole file atomically.
 */
public final class History {

	/** The file name in a model directory. */
	public static final String FILE_NAME = "history.tsv";

	/**
	 * The columns, in order: the epoch (1-based), the learning rate used during it, the mean
	 * training loss and its Tversky and cross-entropy terms, the mean training soft Dice, the
	 * validation loss and soft Dice, and the epoch's wall-clock seconds (validation included).
	 */
	public static final List<String> COLUMNS = List.of("epoch", "learning_rate", "loss", "tversky", "cross_entropy",
		"soft_dice", "val_loss", "val_soft_dice", "seconds");

	/** One epoch's row; fields as {@link #COLUMNS}. */
	public record Row(int epoch, double learningRate, double loss, double tversky, double crossEntropy,
		double softDice, double valLoss, double valSoftDice, double seconds)
	{

		private String line() {
			return epoch + "\t" + learningRate + "\t" + loss + "\t" + tversky + "\t" + crossEntropy + "\t" + softDice +
				"\t" + valLoss + "\t" + valSoftDice + "\t" + seconds;
		}
	}

	/**
	 * The best epoch for some loss.
	 *
	 * @param epoch the epoch
	 * @param value its loss
	 */
	public record Best(int epoch, double value) {}

	private final Path file;
	private final List<Row> rows;

	private History(final Path file, final List<Row> rows) {
		this.file = file;
		this.rows = rows;
	}

	/** An empty history that will be written to {@code file} (nothing is written until the first row). */
	public static History create(final Path file) {
		return new History(file, new ArrayList<>());
	}

	/**
	 * A history of these rows, as another process reported them; written to {@code file} only by a
	 * later {@link #append(Row)}.
	 */
	public static History of(final Path file, final List<Row> rows) {
		return new History(file, new ArrayList<>(rows));
	}

	/**
	 * Reads a history written by {@link #append(Row)}.
	 *
	 * @throws BadInputException naming the file and the line if it cannot be read or is malformed
	 */
	public static History read(final Path file) {
		final List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
		if (lines.isEmpty() || !lines.get(0).equals(String.join("\t", COLUMNS))) {
			throw new BadInputException(file + ": line 1: not the history header (" + String.join(" ", COLUMNS) + ")");
		}
		final List<Row> rows = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			final Row row = parse(lines.get(i), file, i + 1);
			if (row.epoch() != rows.size() + 1) {
				throw new BadInputException(file + ": line " + (i + 1) + ": epoch " + row.epoch() + " where " +
					(rows.size() + 1) + " was expected");
			}
			rows.add(row);
		}
		return new History(file, rows);
	}

	private static Row parse(final String line, final Path file, final int number) {
		final String[] f = line.split("\t", -1);
		if (f.length != COLUMNS.size()) {
			throw new BadInputException(file + ": line " + number + ": " + f.length + " fields where " + COLUMNS.size() +
				" were expected");
		}
		try {
			return new Row(Integer.parseInt(f[0]), value(f[1]), value(f[2]), value(f[3]), value(f[4]), value(f[5]),
				value(f[6]), value(f[7]), value(f[8]));
		}
		catch (final NumberFormatException e) {
			throw new BadInputException(file + ": line " + number + ": not a number (" + e.getMessage() + ")", e);
		}
	}

	private static double value(final String text) {
		if (!text.matches("NaN|-?Infinity|-?[0-9][0-9.]*(E-?[0-9]+)?")) {
			throw new NumberFormatException("\"" + text + "\"");
		}
		return Double.parseDouble(text);
	}

	/** The file this history is written to. */
	public Path file() {
		return file;
	}

	/** The rows, oldest first (unmodifiable). */
	public List<Row> rows() {
		return Collections.unmodifiableList(rows);
	}

	/**
	 * The rows up to and including {@code epoch}, for resuming from a checkpoint older than the
	 * history; same file, which is rewritten by the next {@link #append(Row)}.
	 */
	public History upTo(final int epoch) {
		return new History(file, new ArrayList<>(rows.subList(0, Math.max(0, Math.min(epoch, rows.size())))));
	}

	/**
	 * Adds the next epoch's row and rewrites the file atomically.
	 *
	 * @throws IllegalArgumentException if the row's epoch is not the next one
	 * @throws BadInputException if the file cannot be written
	 */
	public void append(final Row row) {
		if (row.epoch() != rows.size() + 1) {
			throw new IllegalArgumentException("history: epoch " + row.epoch() + " where " + (rows.size() + 1) +
				" was expected");
		}
		rows.add(row);
		final StringBuilder text = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
		for (final Row r : rows) text.append(r.line()).append('\n');
		AtomicFiles.writeString(file, text.toString());
	}

	/**
	 * The epoch with the lowest validation loss (the earliest on a tie; NaN never counts): the
	 * model to export. Empty if there is none.
	 */
	public Optional<Best> bestValidation() {
		return best(Row::valLoss);
	}

	/** The epoch with the lowest training loss, as {@link #bestValidation()}. */
	public Optional<Best> bestTraining() {
		return best(Row::loss);
	}

	private Optional<Best> best(final ToDoubleFunction<Row> loss) {
		Best best = null;
		for (final Row row : rows) {
			final double value = loss.applyAsDouble(row);
			if (!Double.isNaN(value) && (best == null || value < best.value())) best = new Best(row.epoch(), value);
		}
		return Optional.ofNullable(best);
	}
}
