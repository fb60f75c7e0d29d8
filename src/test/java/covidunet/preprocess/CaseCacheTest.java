package covidunet.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.CaseNames;
import covidunet.dataset.IntensityKind;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.UserCache;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiWriter;
import net.imglib2.img.array.ArrayImgs;

/** The cache on a tiny synthetic case: a noisy ball of "lung" with an "infection" core. */
class CaseCacheTest {

	private static final PreprocessConfig CONFIG = PreprocessConfig.REFERENCE;
	private static final long[] DIMS = { 64, 60, 20 };
	private static final Geometry GEOMETRY = Geometry.fromAffine(DIMS, Affine.ofRows(-0.8, 0, 0, 25, 0, -0.8, 0, 24,
		0, 0, 3, -30), Geometry.CODE_SCANNER);

	@TempDir
	Path dir;

	private Path dataset;
	private CaseFiles files;
	private CaseCache cache;

	@BeforeEach
	void writeCase() throws IOException {
		dataset = dir.resolve("dataset");
		files = new CaseFiles("coronacases_001", dataset.resolve(CaseNames.IMAGE_FOLDER).resolve(CaseNames.imageFileName(
			"coronacases_001")), dataset.resolve(CaseNames.MASK_FOLDER).resolve(CaseNames.maskFileName("coronacases_001")));
		writeImage(files.image(), 1);
		final byte[] labels = new byte[(int) GEOMETRY.voxelCount()];
		for (int i = 0; i < labels.length; i++) {
			final double r = radius(i);
			labels[i] = (byte) (r < 8 ? 3 : r < 18 ? 1 + i % (int) DIMS[0] / 32 : 0);
		}
		Files.createDirectories(files.mask().getParent());
		NiftiWriter.write(new Volume<>(ArrayImgs.unsignedBytes(labels, DIMS), GEOMETRY), files.mask(),
			NiftiDatatype.UINT8, "");
		cache = CaseCache.open(dir.resolve("cache"), dataset);
	}

	private static double radius(final int i) {
		final double x = (i % DIMS[0] - 32) * 0.8, y = (i / DIMS[0] % DIMS[1] - 30) * 0.8, z = (i / (DIMS[0] *
			DIMS[1]) - 10) * 3.0;
		return Math.sqrt(x * x + y * y + z * z);
	}

	private static void writeImage(final Path file, final long seed) throws IOException {
		Files.createDirectories(file.getParent());
		final SplittableRandom random = new SplittableRandom(seed);
		final short[] hu = new short[(int) GEOMETRY.voxelCount()];
		for (int i = 0; i < hu.length; i++) {
			final double r = radius(i);
			hu[i] = (short) ((r < 8 ? -300 : r < 18 ? -850 : 40) + random.nextInt(-30, 31));
		}
		NiftiWriter.write(new Volume<>(ArrayImgs.shorts(hu, DIMS), GEOMETRY), file, NiftiDatatype.INT16, "");
	}

	@Test
	void theSecondLoadIsAHitWithTheSameArrays() throws IOException {
		final PreprocessedCase first = cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		assertEquals(1, cache.misses());
		final PreprocessedCase second = cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		assertEquals(1, cache.hits());
		assertArrayEquals(first.imageArray(), second.imageArray());
		assertArrayEquals(first.labelArray(), second.labelArray());
		assertEquals("coronacases_001", second.id());
		assertArrayEquals(first.geometry().dims(), second.geometry().dims());
		assertEquals(first.geometry().affine(), second.geometry().affine());
		final PreprocessedCase exact = Preprocessor.preprocess(files, IntensityKind.HU, CONFIG);
		assertEquals(exact.geometry().affine(), second.geometry().affine());
		assertEquals(exact.geometry().sformCode(), second.geometry().sformCode());
		assertArrayEquals(exact.labelArray(), second.labelArray());
		final double bound = CacheFormat.errorBound(exact.imageArray());
		assertTrue(bound < 1.0 / 2048 + 1e-6, "bound " + bound);
		for (int i = 0; i < exact.imageArray().length; i++) {
			assertEquals(exact.imageArray()[i], second.imageArray()[i], bound);
		}
		assertEquals(size(only()), cache.diskUsage());
		assertTrue(cache.diskUsage() > 0);
	}

	@Test
	void aParameterChangeIsAMissAndANewFile() throws IOException {
		cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		final PreprocessedCase coarse = cache.load(files, IntensityKind.HU, CONFIG.toBuilder().targetSpacing(2, 2, 3).build(),
			Progress.NONE);
		assertEquals(2, cache.misses());
		assertEquals(0, cache.hits());
		assertArrayEquals(new int[] { 25, 24, 20 }, coarse.size());
		cache.load(files, IntensityKind.HU, CONFIG.toBuilder().labelInterpolation(LabelInterpolation.NEAREST).build(),
			Progress.NONE);
		cache.load(files, IntensityKind.RESCALED_0_255, CONFIG, Progress.NONE);
		assertEquals(4, cache.misses());
		assertEquals(4, cacheFiles().size());
		long total = 0;
		for (final Path f : cacheFiles()) total += size(f);
		assertEquals(total, cache.diskUsage());
	}

	@Test
	void aChangedInputIsAMissATouchedOneIsNot() throws IOException {
		final String key = cache.key(files, IntensityKind.HU, CONFIG, Progress.NONE);
		cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		Files.setLastModifiedTime(files.image(), FileTime.fromMillis(System.currentTimeMillis() + 5000));
		assertEquals(key, cache.key(files, IntensityKind.HU, CONFIG, Progress.NONE));
		cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		assertEquals(1, cache.hits());
		writeImage(files.image(), 2);
		assertNotEquals(key, cache.key(files, IntensityKind.HU, CONFIG, Progress.NONE));
		cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		assertEquals(2, cache.misses());
		assertTrue(cache.prune(Set.of(cache.key(files, IntensityKind.HU, CONFIG, Progress.NONE))) > 0);
		assertEquals(1, cacheFiles().size());
	}

	@Test
	void aTruncatedOrDamagedFileIsRebuilt() throws IOException {
		final PreprocessedCase first = cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		final Path file = only();
		final byte[] good = Files.readAllBytes(file);
		try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
			channel.truncate(good.length / 2);
		}
		final PreprocessedCase rebuilt = cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		assertEquals(1, cache.rebuilt());
		assertArrayEquals(first.imageArray(), rebuilt.imageArray());
		assertArrayEquals(good, Files.readAllBytes(file));
		final byte[] damaged = good.clone();
		damaged[damaged.length / 2] ^= 0x10;
		Files.write(file, damaged);
		cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		assertEquals(2, cache.rebuilt());
		Files.write(file, new byte[0]);
		cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		assertEquals(3, cache.rebuilt());
		cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		assertEquals(1, cache.hits());
		assertArrayEquals(good, Files.readAllBytes(file));
	}

	@Test
	void aCaseWithoutMaskIsCachedWithoutLabels() {
		final CaseFiles scan = new CaseFiles("scan", files.image(), null);
		assertFalse(cache.load(scan, IntensityKind.HU, CONFIG, Progress.NONE).hasLabels());
		assertFalse(cache.load(scan, IntensityKind.HU, CONFIG, Progress.NONE).hasLabels());
		assertEquals(1, cache.hits());
	}

	@Test
	void aCacheFolderInsideTheDatasetIsRefused() throws IOException {
		for (final Path inside : List.of(dataset, dataset.resolve("cache"), dataset.resolve(CaseNames.IMAGE_FOLDER)
			.resolve("a/b"), dataset.resolve("x/../cache")))
		{
			final String message = assertThrows(BadInputException.class, () -> CaseCache.open(inside, dataset))
				.getMessage();
			assertTrue(message.startsWith("cache: " + inside + " is inside the dataset " + dataset), message);
		}
		final Path link = Files.createSymbolicLink(dir.resolve("link"), dataset);
		assertThrows(BadInputException.class, () -> CaseCache.open(link.resolve("cache"), dataset));
		CaseCache.open(dir.resolve("dataset2"), dataset);
		assertFalse(Files.exists(dataset.resolve("cache")));
	}

	@Test
	void pruneRemovesOtherKeysOnly() throws IOException {
		cache.load(files, IntensityKind.HU, CONFIG, Progress.NONE);
		final String key = cache.key(files, IntensityKind.HU, CONFIG, Progress.NONE);
		Files.writeString(cache.folder().resolve("notes.txt"), "mine");
		assertEquals(0, cache.prune(Set.of(key)));
		final long size = cache.diskUsage();
		assertEquals(size, cache.prune(Set.of()));
		assertEquals(0, cache.diskUsage());
		assertTrue(Files.exists(cache.folder().resolve("notes.txt")));
	}

	@Test
	void theDefaultFolderIsTheUsersCache() {
		assertEquals("covid-unet", UserCache.folder().getFileName().toString());
		assertTrue(UserCache.folder().isAbsolute());
	}

	@Test
	void describeCountsTheCachedCases(@TempDir final Path dir) throws IOException {
		assertEquals(dir.resolve("none") + " (0 preprocessed cases, 0.0 MB; move it with --cache)",
			CaseCache.describe(dir.resolve("none")));
		Files.write(dir.resolve("a".repeat(64) + ".case"), new byte[1_500_000]);
		Files.write(dir.resolve("notes.txt"), new byte[10]);
		assertEquals(dir + " (1 preprocessed cases, 1.5 MB; move it with --cache)", CaseCache.describe(dir));
	}

	private List<Path> cacheFiles() throws IOException {
		try (Stream<Path> s = Files.list(cache.folder())) {
			return s.filter(p -> p.getFileName().toString().endsWith(CaseCache.SUFFIX)).toList();
		}
	}

	private Path only() throws IOException {
		final List<Path> all = cacheFiles();
		assertEquals(1, all.size());
		return all.get(0);
	}

	private static long size(final Path f) throws IOException {
		return Files.size(f);
	}
}
