package covidunet.dataset.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

class SafeUnzipTest {

	@TempDir
	Path dir;

	private Path write(final byte[] zip) throws IOException {
		return Files.write(dir.resolve("test.zip"), zip);
	}

	/** Every file and folder under {@code root}, relative, with the files' contents. */
	private static Map<String, byte[]> tree(final Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			final Map<String, byte[]> tree = new TreeMap<>();
			for (final Path p : paths.filter(p -> !p.equals(root)).collect(Collectors.toList())) {
				final String name = root.relativize(p).toString().replace('\\', '/');
				tree.put(Files.isDirectory(p) ? name + "/" : name, Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p));
			}
			return tree;
		}
	}

	private static void assertSameTree(final Map<String, byte[]> expected, final Map<String, byte[]> actual) {
		assertEquals(expected.keySet(), actual.keySet());
		for (final String name : expected.keySet()) assertArrayEquals(expected.get(name), actual.get(name), name);
	}

	/** Checking and extraction fail with one line naming the zip and the entry; only the zip remains. */
	private void assertRefused(final byte[] zip, final String entry, final String problem) throws IOException {
		assertRefusedWhileExtracting(zip, entry, problem);
		assertThrows(BadInputException.class, () -> SafeUnzip.check(dir.resolve("test.zip")));
	}

	/** Extraction fails with one line naming the zip and the entry, and leaves only the zip. */
	private void assertRefusedWhileExtracting(final byte[] zip, final String entry, final String problem)
		throws IOException
	{
		final Path file = write(zip);
		final Path target = dir.resolve("out");
		final BadInputException e =
			assertThrows(BadInputException.class, () -> SafeUnzip.extract(file, target, Progress.NONE));
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
		assertTrue(e.getMessage().startsWith(file + ": refused: entry '" + entry + "' "), e.getMessage());
		assertTrue(e.getMessage().contains(problem), e.getMessage());
		assertEquals(List.of("test.zip"), names(dir));
	}

	private static List<String> names(final Path folder) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	private static Map<String, byte[]> entries(final Object... nameAndBytes) {
		final Map<String, byte[]> map = new LinkedHashMap<>();
		for (int i = 0; i < nameAndBytes.length; i += 2) map.put((String) nameAndBytes[i], (byte[]) nameAndBytes[i + 1]);
		return map;
	}

	@Test
	void aGoodZipExtractsExactly() throws IOException {
		final Map<String, byte[]> entries = entries("a.txt", "alpha".getBytes(), "sub/", new byte[0],
			"sub/b.bin", TestZips.random(70_000, 1), "sub/deeper/c.nii.gz", TestZips.random(10, 2), "empty/", new byte[0],
			"./d.txt", "dot".getBytes());
		final Path zip = write(TestZips.zip(entries));
		assertEquals(List.of("a.txt", "sub/", "sub/b.bin", "sub/deeper/c.nii.gz", "empty/", "d.txt"), SafeUnzip.check(zip));

		SafeUnzip.extract(zip, dir.resolve("out"), Progress.NONE);

		final Map<String, byte[]> expected = new TreeMap<>(entries);
		expected.remove("./d.txt");
		expected.put("d.txt", "dot".getBytes());
		expected.put("sub/deeper/", new byte[0]);
		assertSameTree(expected, tree(dir.resolve("out")));
		assertEquals(List.of("out", "test.zip"), names(dir));
	}

	@Test
	void aSingleTopFolderIsStrippedOnRequest() throws IOException {
		final Path zip = write(TestZips.zip(entries("Masks/", new byte[0], "Masks/a.nii.gz", "a".getBytes(),
			"Masks/sub/b.nii.gz", "b".getBytes())));
		SafeUnzip.extract(zip, dir.resolve("stripped"), true, Progress.NONE);
		assertSameTree(entries("a.nii.gz", "a".getBytes(), "sub/", new byte[0], "sub/b.nii.gz", "b".getBytes()),
			tree(dir.resolve("stripped")));
		SafeUnzip.extract(zip, dir.resolve("kept"), false, Progress.NONE);
		assertTrue(Files.isRegularFile(dir.resolve("kept/Masks/a.nii.gz")));
	}

	@Test
	void flatEntriesOrSeveralTopFoldersAreKeptAsTheyAre() throws IOException {
		final Path flat = write(TestZips.zip(entries("a.nii.gz", "a".getBytes(), "b.nii.gz", "b".getBytes())));
		SafeUnzip.extract(flat, dir.resolve("flat"), true, Progress.NONE);
		assertEquals(List.of("a.nii.gz", "b.nii.gz"), names(dir.resolve("flat")));
		final Path two = Files.write(dir.resolve("two.zip"),
			TestZips.zip(entries("x/a.nii.gz", "a".getBytes(), "y/b.nii.gz", "b".getBytes())));
		SafeUnzip.extract(two, dir.resolve("two"), true, Progress.NONE);
		assertEquals(List.of("x", "y"), names(dir.resolve("two")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "../evil", "a/../../evil", "a/../b", ".." })
	void refusesParentReferences(final String name) throws IOException {
		assertRefused(TestZips.zip(entries("ok.txt", "ok".getBytes(), name, "evil".getBytes())), name, "(..)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/abs", "/etc/passwd", "C:\\x", "C:/x", "c:x" })
	void refusesAbsolutePaths(final String name) throws IOException {
		assertRefused(TestZips.zip(entries(name, "evil".getBytes())), name, "absolute path");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\\..\\..\\evil", "..\\evil", "\\\\server\\share\\evil", "\\etc\\x" })
	void refusesBackslashes(final String name) throws IOException {
		assertRefused(TestZips.zip(entries("ok.txt", "ok".getBytes(), name, "x".getBytes())), name, "backslash");
	}

	@Test
	void refusesColons() throws IOException {
		assertRefused(TestZips.zip(entries("a/file:stream", "x".getBytes())), "a/file:stream", "colon");
	}

	@Test
	void refusesSymbolicLinks() throws IOException {
		final byte[] zip = TestZips.zip(entries("ok.txt", "ok".getBytes(), "link", "/etc/passwd".getBytes()));
		SafeUnzip.check(write(zip));
		Files.delete(dir.resolve("test.zip"));
		assertRefused(TestZips.withUnixMode(zip, 1, 0120777), "link", "symbolic link");
	}

	/**
	 * A link followed by an entry that would be written through it, in either order: refused
	 * before anything is written, so the folder the link names stays empty.
	 */
	@Test
	void refusesEntriesThatWouldResolveThroughALink() throws IOException {
		final Path outside = Files.createDirectory(dir.resolve("outside"));
		final byte[] linkFirst = TestZips.withUnixMode(TestZips.zip(entries("link", outside.toString().getBytes(),
			"link/evil.sh", "rm -rf ~".getBytes())), 0, 0120777);
		assertRefusedLeavingOutsideAlone(linkFirst, "link", outside);
		final byte[] linkLast = TestZips.withUnixMode(TestZips.zip(entries("link/evil.sh", "rm -rf ~".getBytes(), "link",
			"..".getBytes())), 1, 0120777);
		assertRefusedLeavingOutsideAlone(linkLast, "link", outside);
	}

	private void assertRefusedLeavingOutsideAlone(final byte[] zip, final String entry, final Path outside)
		throws IOException
	{
		final Path file = write(zip);
		final BadInputException e =
			assertThrows(BadInputException.class, () -> SafeUnzip.extract(file, dir.resolve("out"), Progress.NONE));
		assertTrue(e.getMessage().startsWith(file + ": refused: entry '" + entry + "' is a symbolic link"), e.getMessage());
		assertEquals(List.of("outside", "test.zip"), names(dir));
		assertEquals(List.of(), names(outside));
	}

	@Test
	void refusesWindowsReparsePoints() throws IOException {
		final byte[] zip = TestZips.zip(entries("ok.txt", "ok".getBytes(), "junction", "C:/Windows".getBytes()));
		assertRefused(TestZips.withCentralInt(zip, 1, 38, 0x400), "junction", "symbolic link");
	}

	/** A link planted where the extraction's temporary folder goes is removed, not followed. */
	@Test
	void aLinkPlantedAsTheTemporaryFolderIsNotFollowed() throws IOException {
		final Path outside = Files.createDirectory(dir.resolve("outside"));
		Files.writeString(outside.resolve("keep.txt"), "mine");
		Files.createSymbolicLink(dir.resolve(".out.extracting"), outside);
		final Path zip = write(TestZips.zip(entries("keep.txt", "theirs".getBytes(), "new.txt", "x".getBytes())));
		SafeUnzip.extract(zip, dir.resolve("out"), Progress.NONE);
		assertEquals(List.of("keep.txt"), names(outside));
		assertEquals("mine", Files.readString(outside.resolve("keep.txt")));
		assertEquals(List.of("keep.txt", "new.txt"), names(dir.resolve("out")));
		assertEquals(List.of("out", "outside", "test.zip"), names(dir));
	}

	@Test
	void refusesNamesThatOneFileSystemOrAnotherWouldMerge() throws IOException {
		final String composed = "\u00e9t\u00e9.nii.gz";
		final String decomposed = "e\u0301te\u0301.nii.gz";
		assertRefused(TestZips.zip(entries(composed, "1".getBytes(), decomposed, "2".getBytes())), decomposed,
			"duplicate of '" + composed + "'");
		Files.delete(dir.resolve("test.zip"));
		assertRefused(TestZips.zip(entries("\u00c9T\u00c9/a", "1".getBytes(), "\u00e9t\u00e9/a", "2".getBytes())),
			"\u00e9t\u00e9/a", "duplicate of '\u00c9T\u00c9/a'");
		Files.delete(dir.resolve("test.zip"));
		assertRefused(TestZips.zip(entries("Masks", "1".getBytes(), "masks/a", "2".getBytes())), "masks/a",
			"which is a file");
	}

	@Test
	void refusesSpecialFilesButAcceptsUnixModesOfFilesAndFolders() throws IOException {
		final byte[] zip = TestZips.zip(entries("d/", new byte[0], "d/f", "f".getBytes()));
		final byte[] modes = TestZips.withUnixMode(TestZips.withUnixMode(zip, 0, 040755), 1, 0100644);
		SafeUnzip.extract(write(modes), dir.resolve("out"), Progress.NONE);
		assertArrayEquals("f".getBytes(), Files.readAllBytes(dir.resolve("out/d/f")));
		Files.delete(dir.resolve("out/d/f"));
		Files.delete(dir.resolve("out/d"));
		Files.delete(dir.resolve("out"));
		Files.delete(dir.resolve("test.zip"));
		assertRefused(TestZips.withUnixMode(zip, 1, 010644), "d/f", "special file");
	}

	@Test
	void refusesDuplicates() throws IOException {
		final byte[] twice = TestZips.replaced(TestZips.zip(entries("a.txt", "1".getBytes(), "b.txt", "2".getBytes())),
			"b.txt", "a.txt");
		assertRefused(twice, "a.txt", "duplicate of 'a.txt'");
		Files.delete(dir.resolve("test.zip"));
		assertRefused(TestZips.zip(entries("Case.nii.gz", "1".getBytes(), "case.nii.gz", "2".getBytes())), "case.nii.gz",
			"duplicate of 'Case.nii.gz'");
		Files.delete(dir.resolve("test.zip"));
		assertRefused(TestZips.zip(entries("a", "1".getBytes(), "a/b", "2".getBytes())), "a/b", "which is a file");
		Files.delete(dir.resolve("test.zip"));
		assertRefused(TestZips.zip(entries("a/b", "2".getBytes(), "a", "1".getBytes())), "a", "file and a folder");
	}

	@Test
	void refusesAZipBomb() throws IOException {
		final byte[] bomb = TestZips.zip(entries("small.txt", "ok".getBytes(), "zeros.bin", new byte[20_000_000]));
		assertTrue(bomb.length * SafeUnzip.MAX_EXPANSION < 20_000_000, "compresses well enough: " + bomb.length);
		assertRefused(bomb, "zeros.bin", "a possible zip bomb");
	}

	@Test
	void refusesAnEntryThatInflatesBeyondItsDeclaredSize() throws IOException {
		final byte[] zip = TestZips.zip(entries("a.bin", TestZips.random(5000, 3)));
		assertRefusedWhileExtracting(TestZips.withCentralInt(zip, 0, 24, 100), "a.bin", "more than its declared 100 bytes");
	}

	@Test
	void refusesACorruptEntry() throws IOException {
		final byte[] zip = TestZips.zip(entries("a.bin", TestZips.random(5000, 3)));
		assertRefusedWhileExtracting(TestZips.withCentralInt(zip, 0, 16, 12345), "a.bin", "CRC-32");
	}

	@Test
	void refusesTooManyEntries() throws IOException {
		final Map<String, byte[]> many = new LinkedHashMap<>();
		for (int i = 0; i <= SafeUnzip.MAX_ENTRIES; i++) many.put("f" + i, new byte[0]);
		final Path zip = write(TestZips.zip(many));
		final BadInputException e =
			assertThrows(BadInputException.class, () -> SafeUnzip.extract(zip, dir.resolve("out"), Progress.NONE));
		assertEquals(zip + ": refused: more than " + SafeUnzip.MAX_ENTRIES + " entries", e.getMessage());
		assertEquals(List.of("test.zip"), names(dir));
	}

	@Test
	void refusesWhatIsNotAZip() throws IOException {
		final Path notZip = Files.writeString(dir.resolve("test.zip"), "not a zip at all, just text");
		final BadInputException e =
			assertThrows(BadInputException.class, () -> SafeUnzip.extract(notZip, dir.resolve("out"), Progress.NONE));
		assertTrue(e.getMessage().startsWith(notZip + ": not a readable zip file"), e.getMessage());
		assertEquals(List.of("test.zip"), names(dir));
	}

	@Test
	void neverWritesIntoAnExistingTarget() throws IOException {
		final Path zip = write(TestZips.zip(entries("a.txt", "a".getBytes())));
		final Path target = Files.createDirectory(dir.resolve("out"));
		Files.writeString(target.resolve("mine.txt"), "keep");
		final BadInputException e =
			assertThrows(BadInputException.class, () -> SafeUnzip.extract(zip, target, Progress.NONE));
		assertTrue(e.getMessage().startsWith(target + ": exists already"), e.getMessage());
		assertEquals(List.of("mine.txt"), names(target));
	}

	@Test
	void cancellingLeavesNothingAndALeftoverFromAKilledRunIsCleared() throws IOException {
		final Path zip = write(TestZips.zip(entries("a.bin", TestZips.random(300_000, 4), "b.bin", TestZips.random(10, 5))));
		final Path leftover = Files.createDirectories(dir.resolve(".out.extracting/half"));
		Files.writeString(leftover.resolve("x"), "from a killed run");
		final Progress cancelAfterTheFirstChunk = new Cancelling(2);
		assertThrows(CancelledException.class, () -> SafeUnzip.extract(zip, dir.resolve("out"), cancelAfterTheFirstChunk));
		assertEquals(List.of("test.zip"), names(dir));
	}
}
