package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import covidunet.preprocess.PreprocessedCase;

class CropTest {

	private static final int[] DIMS = { 20, 18, 10 };
	private static final int[] SIZE = { 8, 8, 4 };

	@Test
	void matchesANaiveCropEverywhereIncludingOutside() {
		final PreprocessedCase c = TestCases.random("c", DIMS, 1);
		final SplittableRandom random = new SplittableRandom(2);
		for (int trial = 0; trial < 2000; trial++) {
			final double[] centre = new double[3];
			for (int d = 0; d < 3; d++) centre[d] = random.nextDouble(-SIZE[d], DIMS[d] + SIZE[d]);
			final Patch p = new Crop().make(c, SIZE, centre, null);
			assertEquals("c", p.caseId());
			assertArrayEquals(SIZE, p.size());
			final Patch expected = naive(c, SIZE, centre);
			assertArrayEquals(expected.image(), p.image());
			assertArrayEquals(expected.labels(), p.labels());
		}
	}

	@Test
	void startRoundsHalfUp() {
		assertEquals(0, Crop.start(3.5, 8), "the geometric centre of voxels 0..7");
		assertEquals(1, Crop.start(4.0, 8));
		assertEquals(0, Crop.start(3.99, 8));
		assertEquals(-1, Crop.start(2.0, 7));
		assertEquals(-2, Crop.start(0.99, 7));
	}

	@Test
	void aCaseSmallerThanThePatchIsPaddedAndCentred() {
		final int[] dims = { 5, 4, 3 };
		final int[] size = { 8, 8, 4 };
		final PreprocessedCase c = TestCases.random("small", dims, 3);
		final PatchSampler sampler = new PatchSampler(SamplingConfig.DEFAULT, size);
		final double[] centre = sampler.centre(c, new SplittableRandom(4));
		final Patch p = new Crop().make(c, size, centre, null);
		// padding before: (8-5)/2 = 1, (8-4)/2 = 2, (4-3)/2 = 0
		final int[] before = { 1, 2, 0 };
		for (int z = 0; z < size[2]; z++) {
			for (int y = 0; y < size[1]; y++) {
				for (int x = 0; x < size[0]; x++) {
					final int i = (z * size[1] + y) * size[0] + x;
					final int cx = x - before[0], cy = y - before[1], cz = z - before[2];
					final boolean inside = cx >= 0 && cx < dims[0] && cy >= 0 && cy < dims[1] && cz >= 0 && cz < dims[2];
					final int j = (cz * dims[1] + cy) * dims[0] + cx;
					assertEquals(inside ? c.imageArray()[j] : c.imageMinimum(), p.image()[i]);
					assertEquals(inside ? c.labelArray()[j] : 0, p.labels()[i]);
				}
			}
		}
	}

	@Test
	void aCaseWithoutLabelsGivesZeroLabels() {
		final PreprocessedCase c = TestCases.of("u", DIMS, TestCases.random("r", DIMS, 5).imageArray(), null);
		final Patch p = new Crop().make(c, SIZE, new double[] { 9.5, 8.5, 4.5 }, null);
		assertArrayEquals(new byte[p.voxels()], p.labels());
		assertEquals(c.imageArray()[(3 * DIMS[1] + 5) * DIMS[0] + 6], p.image()[0]);
	}

	/** The crop voxel by voxel, from the definition. */
	private static Patch naive(final PreprocessedCase c, final int[] size, final double[] centre) {
		final int[] dims = c.size();
		final int[] start = new int[3];
		for (int d = 0; d < 3; d++) start[d] = (int) Math.round(centre[d] - (size[d] - 1) / 2.0);
		final float[] image = new float[size[0] * size[1] * size[2]];
		final byte[] labels = new byte[image.length];
		int i = 0;
		for (int z = 0; z < size[2]; z++) {
			for (int y = 0; y < size[1]; y++) {
				for (int x = 0; x < size[0]; x++, i++) {
					final int cx = start[0] + x, cy = start[1] + y, cz = start[2] + z;
					if (cx < 0 || cy < 0 || cz < 0 || cx >= dims[0] || cy >= dims[1] || cz >= dims[2]) {
						image[i] = c.imageMinimum();
						continue;
					}
					final int j = (cz * dims[1] + cy) * dims[0] + cx;
					image[i] = c.imageArray()[j];
					labels[i] = c.labelArray()[j];
				}
			}
		}
		return new Patch(c.id(), size, image, labels);
	}
}
