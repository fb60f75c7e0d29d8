package covidunet.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.Progress;
import covidunet.dataset.CaseNames;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiReader;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * Issue 3's acceptance at small scale: a four-case cohort (seed 3: an LPS HU case with severe
 * infection, a radiopaedia-like case, an RAS HU case with mild infection and one without) is
 * written once and checked as files.
 */
class PhantomCohortTest {

	private static final long SEED = 3;
	private static final int CASES = 4;

	@TempDir
	static Path dir;

	private static Path cohort;
	private static List<PhantomCase> plans;
	private static final Map<String, Volume<?>> images = new LinkedHashMap<>();
	private static final Map<String, Volume<?>> masks = new LinkedHashMap<>();

	@BeforeAll
	static void writeCohort() {
		cohort = dir.resolve("cohort");
		PhantomCohort.of(SEED, CASES, "small").write(cohort, false, 2, Progress.NONE);
		plans = PhantomCohort.of(SEED, CASES, "small").plan();
		for (final PhantomCase c : plans) {
			images.put(c.id(), NiftiReader.read(image(cohort, c)));
			masks.put(c.id(), NiftiReader.read(mask(cohort, c)));
		}
	}

	@Test
	void theCohortCoversTheKindsOfCasesTheTestsNeed() {
		assertTrue(plans.stream().anyMatch(c -> !c.isRadiopaedia() && c.orientation().equals("LPS")));
		assertTrue(plans.stream().anyMatch(c -> !c.isRadiopaedia() && c.orientation().equals("RAS")));
		assertTrue(plans.stream().anyMatch(PhantomCase::isRadiopaedia));
		assertTrue(plans.stream().anyMatch(c -> c.severity() == Severity.NONE));
	}

	@Test
	void theFolderHoldsTheDatasetLayoutAndTheManifestOnly() throws IOException {
		assertEquals(List.of(CaseNames.IMAGE_FOLDER, CaseNames.MASK_FOLDER, Manifest.FILE_NAME), list(cohort));
		final List<String> imageNames = new ArrayList<>(), maskNames = new ArrayList<>();
		for (final PhantomCase c : plans) {
			imageNames.add(CaseNames.imageFileName(c.id()));
			maskNames.add(CaseNames.maskFileName(c.id()));
			assertEquals(c.id(), CaseNames.caseIdOfImage(c.imageFileName()).orElseThrow());
		}
		imageNames.sort(null);
		maskNames.sort(null);
		assertEquals(imageNames, list(cohort.resolve(CaseNames.IMAGE_FOLDER)));
		assertEquals(maskNames, list(cohort.resolve(CaseNames.MASK_FOLDER)));
		assertTrue(list(dir).stream().noneMatch(name -> name.startsWith(".")), "a temporary folder is left: " + list(dir));
		final String manifest = Files.readString(cohort.resolve(Manifest.FILE_NAME));
		assertTrue(manifest.contains("\"seed\": 3"), manifest);
		for (final PhantomCase c : plans) assertTrue(manifest.contains("\"id\": \"" + c.id() + "\""), manifest);
	}

	@Test
	void filesHaveThePlannedGeometryAndDatatypes() {
		for (final PhantomCase c : plans) {
			final Volume<?> image = images.get(c.id()), mask = masks.get(c.id());
			assertArrayEquals(c.geometry().dims(), image.geometry().dims(), c.id());
			assertArrayEquals(c.geometry().dims(), mask.geometry().dims(), c.id());
			assertTrue(c.geometry().affine().approximatelyEquals(image.geometry().affine(), 1e-4), c.id());
			assertTrue(c.geometry().affine().approximatelyEquals(mask.geometry().affine(), 1e-4), c.id());
			assertEquals(1, image.geometry().qformCode());
			assertEquals(1, image.geometry().sformCode());
			assertEquals(c.orientation(), image.geometry().orientation());
			assertTrue(c.isRadiopaedia() ? image.type() instanceof UnsignedByteType : image.type() instanceof ShortType,
				c.id() + ": " + image.type().getClass().getSimpleName());
			assertTrue(mask.type() instanceof UnsignedByteType, c.id());
		}
	}

	@Test
	void labelsAreBackgroundLungsAndInfectionAndInfectionFollowsSeverity() {
		for (final PhantomCase c : plans) {
			final VolumeStats stats = stats(c);
			for (int l = 4; l < 256; l++) assertEquals(0, stats.count[l], c.id() + " label " + l);
			assertTrue(stats.count[1] > 100_000 && stats.count[2] > 100_000, c.id());
			if (c.severity() == Severity.NONE) assertEquals(0, stats.count[3], c.id());
			else assertTrue(stats.count[3] > 0, c.id() + " (" + c.severity() + ") has no infection label");
		}
	}

	@Test
	void lungAndInfectionIntensitiesAreThoseOfChestCt() {
		for (final PhantomCase c : plans) {
			if (c.isRadiopaedia()) continue;
			final VolumeStats stats = stats(c);
			final double lung = stats.lungMean();
			assertTrue(lung >= -900 && lung <= -750, c.id() + ": lung mean " + lung);
			if (stats.count[3] > 0) {
				assertTrue(stats.mean[3] >= -750 && stats.mean[3] <= 0, c.id() + ": infection mean " + stats.mean[3]);
			}
		}
	}

	/**
	 * Centroids in world coordinates through each file's affine. Sizes count each lung with its
	 * infection (infection takes the lung's label away, and a severely infected right lung can
	 * keep fewer label-2 voxels than the left keeps label-1 voxels).
	 */
	@Test
	void theLeftLungLiesAtNegativeWorldXAndIsTheSmallerInRasAndLpsCases() {
		for (final PhantomCase c : plans) {
			final VolumeStats stats = stats(c);
			final String name = c.id() + " " + c.orientation();
			assertTrue(stats.centroid[1][0] < -20, name + ": left lung at x " + stats.centroid[1][0]);
			assertTrue(stats.centroid[2][0] > 20, name + ": right lung at x " + stats.centroid[2][0]);
			final long[] infected = infectionBySide(c);
			final long left = stats.count[1] + infected[Lungs.LEFT], right = stats.count[2] + infected[Lungs.RIGHT];
			assertTrue(left < right, c.id() + ": left lung " + left + " voxels, right " + right);
		}
	}

	@Test
	void infectionLiesOnlyInsideTheLungs() {
		for (final PhantomCase c : plans) {
			final long[] infected = infectionBySide(c);
			assertEquals(stats(c).count[3], infected[0] + infected[1], c.id() + ": infection outside the lungs");
		}
	}

	/** The infection voxels inside the anatomy's left and right lung. */
	private static long[] infectionBySide(final PhantomCase c) {
		final VoxelGrid grid = new VoxelGrid(c.geometry().dims(), c.geometry().affine(), c.acquisition.patientOrigin);
		final Cursor<UnsignedByteType> cursor = Views.flatIterable(labels(c)).cursor();
		final double[] p = new double[3];
		final long[] sides = new long[2];
		while (cursor.hasNext()) {
			if (cursor.next().get() != 3) continue;
			grid.patient(cursor.getIntPosition(0), cursor.getIntPosition(1), cursor.getIntPosition(2), p);
			final int side = c.anatomy.lung(p[0], p[1], p[2]);
			if (side >= 0) sides[side]++;
		}
		return sides;
	}

	@Test
	void valuesLieInTheStoredRanges() {
		for (final PhantomCase c : plans) {
			final VolumeStats stats = stats(c);
			if (c.isRadiopaedia()) {
				assertTrue(stats.min >= 0 && stats.max <= 255, c.id());
				final double lungHu = stats.lungMean() / 255 * 1500 - 1250;
				assertTrue(lungHu >= -900 && lungHu <= -750, c.id() + ": lung mean " + lungHu + " HU");
			}
			else {
				assertTrue(stats.min >= -2048 && stats.max <= 3071, c.id() + ": " + stats.min + " to " + stats.max);
				assertTrue(stats.max > 300, c.id() + ": bone reaches only " + stats.max);
			}
		}
	}

	@Test
	void theSameSeedGivesByteIdenticalFilesWhateverTheThreadsAndTheCohortSize() throws IOException {
		final Path again = dir.resolve("again");
		PhantomCohort.of(SEED, 2, "small").write(again, false, 1, Progress.NONE);
		for (final PhantomCase c : plans.subList(0, 2)) {
			assertArrayEquals(Files.readAllBytes(image(cohort, c)), Files.readAllBytes(image(again, c)), c.id());
			assertArrayEquals(Files.readAllBytes(mask(cohort, c)), Files.readAllBytes(mask(again, c)), c.id());
		}
		assertEquals(2, list(again.resolve(CaseNames.IMAGE_FOLDER)).size());
	}

	@Test
	void anotherSeedGivesOtherFiles() throws IOException {
		final Path other = dir.resolve("other");
		PhantomCohort.of(SEED + 1, 1, "small").write(other, false, 1, Progress.NONE);
		final PhantomCase first = PhantomCase.plan(SEED + 1, 0, PhantomSize.SMALL);
		assertNotEquals(Files.size(image(cohort, plans.get(0))), Files.size(image(other, first)));
		assertFalse(Arrays.equals(Files.readAllBytes(mask(cohort, plans.get(0))),
			Files.readAllBytes(mask(other, first))));
	}

	@Test
	void gzipHeadersCarryNoTimestamp() throws IOException {
		for (final PhantomCase c : plans) {
			for (final Path file : List.of(image(cohort, c), mask(cohort, c))) {
				final byte[] header = new byte[10];
				try (InputStream in = Files.newInputStream(file)) {
					assertEquals(10, in.readNBytes(header, 0, 10));
				}
				assertEquals(0x1f, header[0] & 0xff);
				assertEquals(0x8b, header[1] & 0xff);
				assertArrayEquals(new byte[4], Arrays.copyOfRange(header, 4, 8), file + ": gzip MTIME is set");
			}
		}
	}

	@Test
	void nibabelReadsEveryFileAsWeWroteIt() throws Exception {
		Nibabel.assumeAvailable();
		final List<Path> files = new ArrayList<>();
		for (final PhantomCase c : plans) {
			files.add(image(cohort, c));
			files.add(mask(cohort, c));
		}
		final List<String> lines = Nibabel.describe(files);
		assertEquals(files.size(), lines.size(), String.join("\n", lines));
		for (int i = 0; i < plans.size(); i++) {
			final PhantomCase c = plans.get(i);
			final long[] d = c.geometry().dims();
			final String shape = d[0] + "x" + d[1] + "x" + d[2];
			final String[] image = lines.get(2 * i).split(" "), mask = lines.get(2 * i + 1).split(" ");
			assertEquals(List.of(shape, c.isRadiopaedia() ? "uint8" : "int16", c.orientation()),
				List.of(image[1], image[2], image[3]), lines.get(2 * i));
			assertEquals(List.of(shape, "uint8", c.orientation()), List.of(mask[1], mask[2], mask[3]), lines.get(2 * i + 1));
			assertEquals(c.severity() == Severity.NONE ? "0,1,2" : "0,1,2,3", mask[4], lines.get(2 * i + 1));
		}
	}

	private static VolumeStats stats(final PhantomCase c) {
		return new VolumeStats(images.get(c.id()), masks.get(c.id()));
	}

	@SuppressWarnings("unchecked")
	private static RandomAccessibleInterval<UnsignedByteType> labels(final PhantomCase c) {
		return (RandomAccessibleInterval<UnsignedByteType>) masks.get(c.id()).image();
	}

	private static Path image(final Path root, final PhantomCase c) {
		return root.resolve(CaseNames.IMAGE_FOLDER).resolve(c.imageFileName());
	}

	private static Path mask(final Path root, final PhantomCase c) {
		return root.resolve(CaseNames.MASK_FOLDER).resolve(c.maskFileName());
	}

	private static List<String> list(final Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

}
