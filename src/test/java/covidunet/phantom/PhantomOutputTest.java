package covidunet.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.dataset.CaseNames;

/** The output folder appears complete or not at all, and is replaced only when allowed. */
class PhantomOutputTest {

	@TempDir
	Path dir;

	@Test
	void anExistingNonEmptyFolderIsRefusedWithoutOverwriteAndLeftAlone() throws IOException {
		final Path output = Files.createDirectory(dir.resolve("out"));
		Files.writeString(output.resolve("keep.txt"), "mine");
		final BadInputException e = assertThrows(BadInputException.class,
			() -> PhantomCohort.of(1, 1, "small").write(output, false, 1, Progress.NONE));
		assertTrue(e.getMessage().startsWith("output: ") && e.getMessage().contains("--overwrite true"), e.getMessage());
		assertEquals(List.of("keep.txt"), list(output));
		assertEquals(List.of("out"), list(dir));
	}

	@Test
	void overwriteReplacesTheFolder() throws IOException {
		final Path output = Files.createDirectory(dir.resolve("out"));
		Files.writeString(output.resolve("old.txt"), "old");
		PhantomCohort.of(1, 1, "small").write(output, true, 1, Progress.NONE);
		assertEquals(List.of(CaseNames.IMAGE_FOLDER, CaseNames.MASK_FOLDER, Manifest.FILE_NAME), list(output));
		assertEquals(List.of("out"), list(dir), "temporary and old folders are gone");
	}

	@Test
	void anEmptyFolderAndMissingParentsAreFine() throws IOException {
		final Path empty = Files.createDirectory(dir.resolve("empty"));
		final Progress reports = (task, done, total) -> {};
		PhantomCohort.of(1, 1, "small").write(empty, false, 0, reports);
		assertEquals(3, list(empty).size());
		final Path nested = dir.resolve("a/b/c");
		PhantomCohort.of(1, 1, "small").write(nested, false, 1, Progress.NONE);
		assertEquals(3, list(nested).size());
	}

	@Test
	void aFileIsNotAnOutputFolder() throws IOException {
		final Path file = Files.writeString(dir.resolve("file"), "x");
		final BadInputException e = assertThrows(BadInputException.class,
			() -> PhantomCohort.of(1, 1, "small").write(file, true, 1, Progress.NONE));
		assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
		assertEquals(List.of("file"), list(dir));
	}

	@Test
	void badParametersWriteNothing() throws IOException {
		final Path output = dir.resolve("out");
		assertThrows(BadInputException.class, () -> PhantomCohort.of(1, 0, "small").write(output, false, 1, Progress.NONE));
		assertThrows(BadInputException.class, () -> PhantomCohort.of(1, 2, "huge").write(output, false, 1, Progress.NONE));
		final BadInputException threads = assertThrows(BadInputException.class,
			() -> PhantomCohort.of(1, 2, "small").write(output, false, -1, Progress.NONE));
		assertTrue(threads.getMessage().startsWith("threads: "), threads.getMessage());
		assertEquals(List.of(), list(dir));
	}

	@Test
	void cancellingLeavesNothingBehind() throws IOException {
		final AtomicInteger checks = new AtomicInteger();
		final Progress cancelSoon = new Progress() {

			@Override
			public void report(final String task, final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return checks.incrementAndGet() > 20;
			}
		};
		final Path output = dir.resolve("out");
		assertThrows(CancelledException.class, () -> PhantomCohort.of(1, 3, "small").write(output, false, 2, cancelSoon));
		assertFalse(Files.exists(output));
		assertEquals(List.of(), list(dir));
	}

	private static List<String> list(final Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
