package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;
import covidunet.preprocess.PreprocessedCase;

class PatchSamplerTest {

	private static final int[] DIMS = { 20, 18, 10 };
	private static final int[] SIZE = { 8, 8, 4 };
	private static final SamplingConfig CONFIG = SamplingConfig.DEFAULT;
	private static final int DRAWS = 20000;

	@Test
	void aPatchSizeIsThreePositiveSizesOfFewerThan2To31Voxels() {
		assertEquals(8 * 8 * 4, new PatchSampler(CONFIG, SIZE).patchVoxels());
		assertEquals("patch size: each size must be at least 1, got [160, 0, 80]", assertThrows(BadInputException.class,
			() -> new PatchSampler(CONFIG, 160, 0, 80)).getMessage());
		assertEquals("patch size: needs 3 sizes (x, y, z), got 2", assertThrows(BadInputException.class,
			() -> new PatchSampler(CONFIG, 160, 80)).getMessage());
		assertEquals("patch size: [2048, 2048, 1024] has more than 2^31 voxels", assertThrows(BadInputException.class,
			() -> new PatchSampler(CONFIG, 2048, 2048, 1024)).getMessage());
	}

	@Test
	void uniformCoversEveryStartAndKeepsFittingPatchesInside() {
		final PatchSampler sampler = new PatchSampler(CONFIG, SIZE);
		final PreprocessedCase c = TestCases.random("c", DIMS, 1);
		final SplittableRandom random = new SplittableRandom(7);
		final int[][] seen = new int[3][];
		for (int d = 0; d < 3; d++) seen[d] = new int[DIMS[d] - SIZE[d] + 1];
		for (int i = 0; i < DRAWS; i++) {
			final double[] centre = sampler.centre(c, random);
			for (int d = 0; d < 3; d++) {
				final double half = (SIZE[d] - 1) / 2.0;
				assertTrue(centre[d] >= half && centre[d] <= DIMS[d] - 1 - half, "centre " + centre[d]);
				final int start = Crop.start(centre[d], SIZE[d]);
				assertEquals(start + half, centre[d], "the offset centre - (size - 1)/2 is whole");
				seen[d][start]++;
			}
		}
		for (int d = 0; d < 3; d++) {
			final double expected = (double) DRAWS / seen[d].length;
			for (final int count : seen[d]) {
				assertTrue(Math.abs(count - expected) < 0.15 * expected, "start counts " + Arrays.toString(seen[d]));
			}
		}
	}

	@Test
	void anAxisShorterThanThePatchIsCentredWhateverTheDraw() {
		final int[] dims = { 20, 5, 3 };
		final PatchSampler sampler = new PatchSampler(CONFIG.withForegroundFraction(0.5), SIZE);
		final PreprocessedCase c = TestCases.random("c", dims, 2);
		final SplittableRandom random = new SplittableRandom(8);
		for (int i = 0; i < 1000; i++) {
			final double[] centre = sampler.centre(c, random);
			assertEquals(-1, Crop.start(centre[1], SIZE[1]));
			assertEquals(0, Crop.start(centre[2], SIZE[2]));
			assertTrue(Crop.start(centre[0], SIZE[0]) >= 0 && Crop.start(centre[0], SIZE[0]) <= 12);
		}
	}

	@Test
	void aCaseWithoutForegroundIsSampledUniformlyEvenWithOversamplingOne() {
		final PatchSampler sampler = new PatchSampler(CONFIG.withForegroundFraction(1), SIZE);
		final PreprocessedCase c = TestCases.labelled("empty", DIMS, 1, i -> false);
		assertEquals(0, sampler.foregroundVoxels(c));
		final SplittableRandom random = new SplittableRandom(9);
		final int[] min = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE };
		final int[] max = new int[3];
		for (int i = 0; i < 5000; i++) {
			final double[] centre = sampler.centre(c, random);
			for (int d = 0; d < 3; d++) {
				min[d] = Math.min(min[d], Crop.start(centre[d], SIZE[d]));
				max[d] = Math.max(max[d], Crop.start(centre[d], SIZE[d]));
			}
		}
		assertArrayEquals(new int[3], min);
		assertArrayEquals(new int[] { 12, 10, 6 }, max);
	}

	@Test
	void oversamplingRaisesTheForegroundShareAsPredicted() {
		// foreground well inside the range of centre voxels (start + size/2: x 4–16, y 4–14, z 2–8)
		final PreprocessedCase c = TestCases.labelled("fg", DIMS, 2, TestCases.box(DIMS, new int[] { 6, 5, 3 },
			new int[] { 10, 9, 5 }));
		final double uniformShare = 5.0 * 5 * 3 / (13 * 11 * 7);
		for (final double f : new double[] { 0, 0.33, 1 }) {
			final PatchSampler sampler = new PatchSampler(CONFIG.withForegroundFraction(f), SIZE);
			final SplittableRandom random = new SplittableRandom(10);
			int hits = 0;
			for (int i = 0; i < DRAWS; i++) {
				final double[] centre = sampler.centre(c, random);
				final int x = Crop.start(centre[0], SIZE[0]) + SIZE[0] / 2;
				final int y = Crop.start(centre[1], SIZE[1]) + SIZE[1] / 2;
				final int z = Crop.start(centre[2], SIZE[2]) + SIZE[2] / 2;
				if (c.labelArray()[(z * DIMS[1] + y) * DIMS[0] + x] != 0) hits++;
			}
			final double expected = f + (1 - f) * uniformShare;
			assertEquals(expected, (double) hits / DRAWS, 0.015, "foreground fraction " + f);
		}
	}

	@Test
	void foregroundVoxelsAreDrawnUniformly() {
		final boolean[] fg = new boolean[DIMS[0] * DIMS[1] * DIMS[2]];
		final SplittableRandom pick = new SplittableRandom(11);
		int count = 0;
		for (int i = 0; i < fg.length; i++) {
			fg[i] = pick.nextInt(7) == 0;
			if (fg[i]) count++;
		}
		final PreprocessedCase c = TestCases.labelled("scattered", DIMS, 3, i -> fg[i]);
		final ForegroundIndex index = new ForegroundIndex(c.labelArray(), DIMS, Foreground.INFECTION);
		assertEquals(count, index.count());
		int rank = 0;
		for (int i = 0; i < fg.length; i++) {
			if (!fg[i]) continue;
			final int[] v = index.voxel(rank++);
			assertEquals(i, (v[2] * DIMS[1] + v[1]) * DIMS[0] + v[0], "rank " + (rank - 1));
		}
	}

	@Test
	void infectionOnlyIgnoresLungs() {
		final PreprocessedCase c = TestCases.labelled("lungs", DIMS, 1, i -> true);
		final byte[] labels = c.labelArray();
		final int infected = (5 * DIMS[1] + 9) * DIMS[0] + 10;
		labels[infected] = 3;
		final PatchSampler sampler = new PatchSampler(CONFIG.withForegroundFraction(1).withForeground(
			Foreground.INFECTION), SIZE);
		assertEquals(1, sampler.foregroundVoxels(c));
		final double[] centre = sampler.centre(c, new SplittableRandom(12));
		assertArrayEquals(new int[] { 6, 5, 3 }, new int[] { Crop.start(centre[0], 8), Crop.start(centre[1], 8), Crop
			.start(centre[2], 4) });
		assertEquals(1.0, fgShare(c, Foreground.LUNGS_OR_INFECTION));
	}

	@Test
	void foregroundNearABorderStaysInsideAndInThePatch() {
		final PreprocessedCase c = TestCases.labelled("corner", DIMS, 3, TestCases.box(DIMS, new int[] { 19, 0, 9 },
			new int[] { 19, 0, 9 }));
		final PatchSampler sampler = new PatchSampler(CONFIG.withForegroundFraction(1), SIZE);
		final double[] centre = sampler.centre(c, new SplittableRandom(13));
		assertArrayEquals(new int[] { 12, 0, 6 }, new int[] { Crop.start(centre[0], 8), Crop.start(centre[1], 8), Crop
			.start(centre[2], 4) });
	}

	@Test
	void theSameRandomGivesTheSameCentre() {
		final PatchSampler sampler = new PatchSampler(CONFIG.withForegroundFraction(0.5), SIZE);
		final PreprocessedCase c = TestCases.random("c", DIMS, 14);
		for (long seed = 0; seed < 50; seed++) {
			assertArrayEquals(sampler.centre(c, new SplittableRandom(seed)), new PatchSampler(sampler.config(), SIZE).centre(
				c, new SplittableRandom(seed)));
		}
	}

	private static double fgShare(final PreprocessedCase c, final Foreground f) {
		return (double) new PatchSampler(CONFIG.withForeground(f), SIZE).foregroundVoxels(c) / c.labelArray().length;
	}
}
