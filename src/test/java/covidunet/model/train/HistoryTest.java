package covidunet.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;

class HistoryTest {

	@TempDir
	Path tmp;

	private static History.Row row(final int epoch, final double loss, final double valLoss) {
		return new History.Row(epoch, 1e-3 / epoch, loss, 0.6 * loss, 0.4 * loss, 1 - loss / 3, valLoss,
			1 - valLoss / 3, 61.25 + epoch);
	}

	private History written() {
		final History h = History.create(tmp.resolve(History.FILE_NAME));
		h.append(row(1, 0.9, 1.1));
		h.append(row(2, 0.5, 0.7));
		h.append(row(3, 0.4, Double.NaN));
		h.append(row(4, 0.3, 0.8));
		h.append(row(5, 0.3, 0.7));
		return h;
	}

	@Test
	void roundTrip() throws Exception {
		final History h = written();
		final List<String> lines = Files.readAllLines(h.file());
		assertEquals(6, lines.size());
		assertEquals("epoch\tlearning_rate\tloss\ttversky\tcross_entropy\tsoft_dice\tval_loss\tval_soft_dice\tseconds",
			lines.get(0));
		assertEquals(h.rows(), History.read(h.file()).rows());
		assertEquals(row(3, 0.4, Double.NaN), History.read(h.file()).rows().get(2));
	}

	@Test
	void bestEpochsAreTheEarliestLowest() {
		final History h = written();
		assertEquals(Optional.of(new History.Best(2, 0.7)), h.bestValidation());
		assertEquals(Optional.of(new History.Best(4, 0.3)), h.bestTraining());
		final History empty = History.create(tmp.resolve("other.tsv"));
		assertFalse(empty.bestValidation().isPresent());
		assertFalse(Files.exists(empty.file()), "nothing written before the first row");
	}

	@Test
	void appendRefusesAnEpochOutOfOrder() {
		final History h = written();
		assertThrows(IllegalArgumentException.class, () -> h.append(row(7, 0.2, 0.2)));
		assertThrows(IllegalArgumentException.class, () -> h.append(row(5, 0.2, 0.2)));
	}

	@Test
	void resumeTruncatesAndContinues() {
		final History h = History.read(written().file()).upTo(3);
		assertEquals(3, h.rows().size());
		h.append(row(4, 0.1, 0.1));
		final History again = History.read(h.file());
		assertEquals(4, again.rows().size());
		assertEquals(Optional.of(new History.Best(4, 0.1)), again.bestValidation());
	}

	@Test
	void malformedFilesAreRefusedWithFileAndLine() throws Exception {
		final Path file = written().file();
		final List<String> good = Files.readAllLines(file);
		assertRefused(file, good.get(0) + "\n" + good.get(1) + "\n" + good.get(2).replace("\t0.5\t", "\tx\t") + "\n",
			"line 3: not a number");
		assertRefused(file, good.get(0) + "\n" + good.get(1) + "\n1\t2\t3\n", "line 3: 3 fields where 9 were expected");
		assertRefused(file, good.get(0) + "\n" + good.get(2) + "\n", "line 2: epoch 2 where 1 was expected");
		assertRefused(file, good.get(1) + "\n", "line 1: not the history header");
		assertRefused(file, "", "line 1: not the history header");
		assertRefused(file, good.get(0) + "\n" + good.get(1).replace("\t0.9\t", "\t0.9d\t") + "\n",
			"line 2: not a number");
		final BadInputException missing = assertThrows(BadInputException.class, () -> History.read(tmp.resolve(
			"none.tsv")));
		assertTrue(missing.getMessage().contains("none.tsv: cannot read"), missing.getMessage());
	}

	private static void assertRefused(final Path file, final String text, final String expected) throws Exception {
		Files.writeString(file, text);
		final BadInputException e = assertThrows(BadInputException.class, () -> History.read(file));
		assertTrue(e.getMessage().startsWith(file + ": " + expected), e.getMessage());
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
	}
}
