package covidunet.dataset.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.testing.Cancelling;

/** Tar and tar.gz extraction: regular files and folders only, completely or not at all. */
class SafeUntarTest {

	@TempDir
	Path dir;

	private Path write(final String name, final byte[] tar) throws IOException {
		return Files.write(dir.resolve(name), tar);
	}

	private static List<String> names(final Path folder) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	/** Extraction fails with one line naming the tar (and the entry), and leaves only the tar. */
	private void assertRefused(final byte[] tar, final String start, final String problem) throws IOException {
		final Path file = write("test.tar", tar);
		final BadInputException e =
			assertThrows(BadInputException.class, () -> SafeUntar.extract(file, dir.resolve("out"), Progress.NONE));
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
		assertTrue(e.getMessage().startsWith(file + ": refused: " + start), e.getMessage());
		assertTrue(e.getMessage().contains(problem), e.getMessage());
		assertTrue(e.getMessage().endsWith("; nothing extracted"), e.getMessage());
		assertEquals(List.of("test.tar"), names(dir));
	}

	@Test
	void tarAndTarGzExtractFilesAndFolders() throws IOException {
		final byte[] big = TestZips.random(70_000, 1);
		final TestTars tars = new TestTars().folder("evaluation/").folder("evaluation/fold_0/")
			.file("evaluation/fold_0/model.best.hdf5", big).file("./evaluation/logs.csv", "a,b\n".getBytes())
			.file("empty", new byte[0]);
		for (final String name : List.of("models.tar", "models.tar.gz")) {
			final Path tar = write(name, name.endsWith(".gz") ? tars.tarGz() : tars.tar());
			final Path out = dir.resolve(name + ".out");
			final StringBuilder reports = new StringBuilder();
			SafeUntar.extract(tar, out, (task, done, total) -> reports.append(task).append(' ').append(done).append('/')
				.append(total).append('\n'));
			assertArrayEquals(big, Files.readAllBytes(out.resolve("evaluation/fold_0/model.best.hdf5")));
			assertEquals("a,b\n", Files.readString(out.resolve("evaluation/logs.csv")));
			assertEquals(0, Files.size(out.resolve("empty")));
			assertEquals(List.of("empty", "evaluation"), names(out));
			assertTrue(reports.toString().contains("extracting " + name + " "), reports.toString());
			assertTrue(reports.toString().endsWith(Files.size(tar) + "/" + Files.size(tar) + "\n"), reports.toString());
		}
		assertTrue(SafeUntar.isTarName("A.TGZ") && SafeUntar.isTarName("x.tar.gz") && !SafeUntar.isTarName("x.zip"));
	}

	@Test
	void longNamesFromExtendedHeadersAndGnuLongLinks() throws IOException {
		final String deep = "a".repeat(90) + "/" + "b".repeat(90) + "/fold_4/model.best.hdf5";
		final String other = "c".repeat(120) + ".h5";
		final Path tar = write("long.tar", new TestTars().extended("path", deep).file("ignored", "x".getBytes())
			.longName(other).file("ignored-too", "y".getBytes()).tar());
		SafeUntar.extract(tar, dir.resolve("out"), Progress.NONE);
		assertEquals("x", Files.readString(dir.resolve("out").resolve(deep)));
		assertEquals("y", Files.readString(dir.resolve("out").resolve(other)));
		assertEquals(List.of("a".repeat(90), other), names(dir.resolve("out")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "../evil", "a/../../evil", "a/../b" })
	void refusesParentReferences(final String name) throws IOException {
		assertRefused(new TestTars().file("ok", "ok".getBytes()).file(name, "evil".getBytes()).tar(),
			"entry '" + name + "'", "(..)");
	}

	@Test
	void refusesAbsolutePathsLinksAndSpecialFiles() throws IOException {
		assertRefused(new TestTars().file("/etc/evil", "x".getBytes()).tar(), "entry '/etc/evil'", "absolute path");
		assertRefused(new TestTars().extended("path", "/abs").file("x", "x".getBytes()).tar(), "entry '/abs'",
			"absolute path");
		assertRefused(new TestTars().file("ok", "ok".getBytes()).link("fold_0", "/etc").tar(), "entry 'fold_0'",
			"is a link");
		assertRefused(new TestTars().entry("hard", '1', "ok", new byte[0]).tar(), "entry 'hard'", "is a link");
		assertRefused(new TestTars().entry("dev", '3', "", new byte[0]).tar(), "entry 'dev'", "a device or FIFO");
		assertRefused(new TestTars().entry("fifo", '6', "", new byte[0]).tar(), "entry 'fifo'", "a device or FIFO");
		assertRefused(new TestTars().entry("sparse", 'S', "", new byte[0]).tar(), "entry 'sparse'",
			"the unsupported type 'S'");
	}

	@Test
	void refusesDuplicatesAndFilesWhereFoldersAre() throws IOException {
		assertRefused(new TestTars().file("a.h5", "1".getBytes()).file("A.h5", "2".getBytes()).tar(), "entry 'A.h5'",
			"is a duplicate of 'a.h5'");
		assertRefused(new TestTars().file("a", "1".getBytes()).file("a/b", "2".getBytes()).tar(), "entry 'a/b'",
			"lies in 'a', which is a file");
		assertRefused(new TestTars().folder("a/").file("a", "2".getBytes()).tar(), "entry 'a'", "is a file and a folder");
	}

	@Test
	void refusesCorruptTruncatedAndForeignFiles() throws IOException {
		final byte[] tar = new TestTars().file("model.h5", TestZips.random(5000, 2)).tar();
		final byte[] badSum = tar.clone();
		badSum[0] ^= 1;
		assertRefused(badSum, "not a tar file", "wrong checksum");
		assertRefused(Arrays.copyOf(tar, 3000), "truncated", "after 1 entries");
		assertRefused(Arrays.copyOf(tar, 100), "truncated", "after 0 entries");
		assertRefused(TestZips.random(2048, 3), "not a tar file", "after 0 entries");
		final byte[] gz = new TestTars().file("model.h5", TestZips.random(5000, 2)).tarGz();
		assertRefused(Arrays.copyOf(gz, gz.length - 30), "not a readable tar file", "");
	}

	@Test
	void refusesAGzipBomb() throws IOException {
		final byte[] bomb = new TestTars().file("zeros", new byte[5_000_000]).tarGz();
		assertRefused(bomb, "entry 'zeros'", "a possible gzip bomb");
	}

	@Test
	void neverWritesIntoAnExistingTargetAndCancellingLeavesNothing() throws IOException {
		final Path tar = write("test.tar", new TestTars().file("a.bin", TestZips.random(300_000, 4)).tar());
		final Path target = Files.createDirectories(dir.resolve("out"));
		final BadInputException e =
			assertThrows(BadInputException.class, () -> SafeUntar.extract(tar, target, Progress.NONE));
		assertTrue(e.getMessage().startsWith(target + ": exists already"), e.getMessage());
		Files.delete(target);
		Files.createDirectories(dir.resolve(".out.extracting/half"));
		assertThrows(CancelledException.class, () -> SafeUntar.extract(tar, target, new Cancelling(2)));
		assertEquals(List.of("test.tar"), names(dir));
	}
}
