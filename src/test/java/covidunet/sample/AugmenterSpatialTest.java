package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import covidunet.preprocess.PreprocessedCase;
import covidunet.sample.AugmentationConfig.Operation;

class AugmenterSpatialTest {

	private static final Augmenter NONE = new Augmenter(AugmentationConfig.none());

	private static PreprocessedCase noise(final int[] size, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		return AnalyticCases.of(size, (x, y, z) -> random.nextGaussian(), i -> i % 4);
	}

	/** The label that {@code label} becomes in a patch mirrored along x: the lungs (1, 2) exchanged. */
	private static int mirroredX(final int label) {
		return label == 1 ? 2 : label == 2 ? 1 : label;
	}

	/**
	 * Asserts that {@code patch} is the crop of {@code source} from {@code start}, axes reversed
	 * where mirrored, the lungs' labels exchanged if mirrored along x.
	 */
	private static void assertCrop(final PreprocessedCase source, final int[] start, final boolean[] mirror,
		final Patch patch)
	{
		final int[] dims = source.size(), size = patch.size();
		for (int k = 0; k < size[2]; k++) {
			for (int j = 0; j < size[1]; j++) {
				for (int i = 0; i < size[0]; i++) {
					final int x = start[0] + (mirror[0] ? size[0] - 1 - i : i);
					final int y = start[1] + (mirror[1] ? size[1] - 1 - j : j);
					final int z = start[2] + (mirror[2] ? size[2] - 1 - k : k);
					final int o = AnalyticCases.index(size, i, j, k);
					final boolean inside = x >= 0 && y >= 0 && z >= 0 && x < dims[0] && y < dims[1] && z < dims[2];
					final int s = inside ? AnalyticCases.index(dims, x, y, z) : -1;
					assertEquals(inside ? source.imageArray()[s] : source.imageMinimum(), patch.image()[o],
						"image at " + i + "," + j + "," + k);
					final int label = inside ? source.labelArray()[s] : 0;
					assertEquals(mirror[0] ? mirroredX(label) : label, patch.labels()[o], "label at " + i + "," + j + "," + k);
				}
			}
		}
	}

	@Test
	void noProbabilityGivesThePlainCrop() {
		final PreprocessedCase source = noise(new int[] { 20, 18, 12 }, 1);
		final int[] size = { 8, 6, 5 };
		final Patch aligned = NONE.make(source, size, new double[] { 9.5, 8.5, 6 }, new SplittableRandom(1));
		assertCrop(source, new int[] { 6, 6, 4 }, new boolean[3], aligned);
		assertEquals("test", aligned.caseId());
		final Patch rounded = NONE.make(source, size, new double[] { 9.2, 8.8, 5.6 }, new SplittableRandom(1));
		assertCrop(source, new int[] { 6, 6, 4 }, new boolean[3], rounded);
		assertArrayEquals(new int[] { 6, 6, 4 }, Augmenter.plainCropStart(size, new double[] { 9.2, 8.8, 5.6 }));
	}

	@Test
	void aCaseSmallerThanThePatchIsPaddedWithItsMinimum() {
		final PreprocessedCase small = noise(new int[] { 5, 4, 3 }, 2);
		final Patch patch = NONE.make(small, new int[] { 8, 8, 8 }, new double[] { 2, 1.5, 1 }, new SplittableRandom(1));
		assertCrop(small, new int[] { -1, -2, -2 }, new boolean[3], patch);
		final Augmenter all = new Augmenter(AugmentationConfig.none().withOnly(Operation.values()));
		for (int seed = 0; seed < 5; seed++) {
			final Patch augmented = all.make(small, new int[] { 12, 12, 10 }, new double[] { 2, 1.5, 1 },
				new SplittableRandom(seed));
			int air = 0;
			for (final float v : augmented.image()) air += v == small.imageMinimum() ? 1 : 0;
			assertTrue(air > augmented.voxels() / 2, "padding keeps the minimum under every operation: " + air);
		}
	}

	@Test
	void mirroringReversesAxesOnTheCropAndInTheCoordinateMap() {
		final PreprocessedCase source = noise(new int[] { 20, 18, 12 }, 3);
		final int[] size = { 8, 6, 5 };
		final double[] centre = { 9.5, 8.5, 6 };
		final AugmentationDraw mirror = new DrawBuilder().mirror(true, false, true).build();
		final Patch crop = NONE.apply(source, size, centre, mirror);
		assertCrop(source, new int[] { 6, 6, 4 }, new boolean[] { true, false, true }, crop);
		final Patch resampled = NONE.apply(source, size, centre, new DrawBuilder().mirror(true, false, true).scaling(1)
			.build());
		assertArrayEquals(crop.labels(), resampled.labels());
		for (int i = 0; i < crop.voxels(); i++) assertEquals(crop.image()[i], resampled.image()[i], 1e-5f);
	}

	@Test
	void rotationAndScalingMapARampAsBatchgenerators() {
		final int[] dims = { 40, 40, 30 };
		final PreprocessedCase ramp = AnalyticCases.of(dims, (x, y, z) -> 0.5 * x - 0.25 * y + 0.75 * z + 2, i -> 0);
		final int[] size = { 16, 14, 12 };
		final double[] c = { 20, 19.5, 15.25 };
		final double ax = 0.2, ay = -0.1, az = 0.25, s = 1.2;
		final Patch patch = NONE.apply(ramp, size, c, new DrawBuilder().mirror(false, true, false).rotation(ax, ay, az)
			.scaling(s).build());
		final double[] r = CoordinateMap.rotation(ax, ay, az);
		for (int k = 0; k < size[2]; k++) {
			for (int j = 0; j < size[1]; j++) {
				for (int i = 0; i < size[0]; i++) {
					final double[] g = { i - 7.5, -(j - 6.5), k - 5.5 };
					final double[] p = new double[3];
					for (int d = 0; d < 3; d++) p[d] = c[d] + s * (r[3 * d] * g[0] + r[3 * d + 1] * g[1] + r[3 * d + 2] * g[2]);
					assertEquals(0.5 * p[0] - 0.25 * p[1] + 0.75 * p[2] + 2, patch.image()[AnalyticCases.index(size, i, j, k)], 1e-3);
				}
			}
		}
	}

	@Test
	void rotationMapsAKnownPointWhereExpected() {
		final int[] dims = { 32, 32, 32 };
		final int[] size = { 9, 9, 9 };
		final double[] c = { 16, 16, 16 };
		final double quarter = Math.PI / 2;
		// batchgenerators rotates grid coordinates by (Rx Ry Rz)^T: about z by +90°, (d, 0, 0) -> (0, -d, 0)
		assertMarker(dims, size, c, new int[] { 16, 13, 16 }, new DrawBuilder().rotation(0, 0, quarter).build(),
			new int[] { 7, 4, 4 });
		// about x by +90°: (0, d, 0) -> (0, 0, -d)
		assertMarker(dims, size, c, new int[] { 16, 16, 13 }, new DrawBuilder().rotation(quarter, 0, 0).build(),
			new int[] { 4, 7, 4 });
		// about y by +90°: (0, 0, d) -> (-d, 0, 0)
		assertMarker(dims, size, c, new int[] { 13, 16, 16 }, new DrawBuilder().rotation(0, quarter, 0).build(),
			new int[] { 4, 4, 7 });
	}

	/** A case with one labelled voxel at {@code marker} shows it at {@code expected} in the patch, only there. */
	private static void assertMarker(final int[] dims, final int[] size, final double[] centre, final int[] marker,
		final AugmentationDraw draw, final int[] expected)
	{
		final int at = AnalyticCases.index(dims, marker[0], marker[1], marker[2]);
		final PreprocessedCase source = AnalyticCases.of(dims, (x, y, z) -> 0, i -> i == at ? 3 : 0);
		source.imageArray()[at] = 1;
		final Patch patch = NONE.apply(source, size, centre, draw);
		final int o = AnalyticCases.index(size, expected[0], expected[1], expected[2]);
		for (int i = 0; i < patch.voxels(); i++) assertEquals(i == o ? 3 : 0, patch.labels()[i], "label at " + i);
		assertEquals(1, patch.image()[o], 1e-5);
	}

	@Test
	void scalingBySDividesASpheresRadiusByS() {
		final int[] dims = { 48, 48, 48 };
		final double radius = 8;
		final PreprocessedCase sphere = AnalyticCases.labelled(dims, (x, y, z) -> {
			final double dx = x - 23.5, dy = y - 23.5, dz = z - 23.5;
			return dx * dx + dy * dy + dz * dz <= radius * radius ? 1 : 0;
		});
		for (final double s : new double[] { 0.8, 1.25 }) {
			final Patch patch = NONE.apply(sphere, new int[] { 32, 32, 32 }, new double[] { 23.5, 23.5, 23.5 },
				new DrawBuilder().scaling(s).build());
			int count = 0;
			for (final byte l : patch.labels()) count += l;
			final double expected = 4 / 3.0 * Math.PI * Math.pow(radius / s, 3);
			assertEquals(expected, count, 0.06 * expected, "scale " + s);
		}
	}

	@Test
	void labelsStayAlignedWithImagesUnderEverySpatialOperation() {
		final int[] dims = { 48, 48, 36 };
		final int[] size = { 32, 32, 24 };
		final PreprocessedCase blobs = AnalyticCases.blobs(dims, 5);
		final AugmentationConfig none = AugmentationConfig.none();
		final AugmentationConfig[] configs = { none.withOnly(Operation.ELASTIC), none.withOnly(Operation.ROTATION),
			none.withOnly(Operation.SCALING), none.withOnly(Operation.MIRROR, Operation.ROTATION),
			none.withOnly(Operation.MIRROR, Operation.ELASTIC, Operation.ROTATION, Operation.SCALING) };
		for (final AugmentationConfig config : configs) {
			for (int seed = 0; seed < 3; seed++) {
				final SplittableRandom random = new SplittableRandom(seed);
				final double[] centre = { 20 + 8 * random.nextDouble(), 20 + 8 * random.nextDouble(), 16 + 4 * random
					.nextDouble() };
				final AugmentationDraw draw = AugmentationDraw.draw(config, random);
				final Patch patch = new Augmenter(config).apply(blobs, size, centre, draw);
				final double agreement = agreementAwayFromBoundaries(patch, 2, draw.mirrorX());
				assertTrue(agreement >= 0.99, config.toJson() + " seed " + seed + ": " + agreement);
			}
		}
	}

	/**
	 * The fraction of patch voxels at least {@code margin} voxels from a label boundary whose
	 * image, rounded, is their label (with the lungs exchanged back if {@code mirroredX}).
	 */
	private static double agreementAwayFromBoundaries(final Patch patch, final int margin, final boolean mirroredX) {
		final int[] n = patch.size();
		int total = 0, agree = 0;
		for (int k = margin; k < n[2] - margin; k++) {
			for (int j = margin; j < n[1] - margin; j++) {
				for (int i = margin; i < n[0] - margin; i++) {
					final byte label = patch.labels()[AnalyticCases.index(n, i, j, k)];
					boolean uniform = true;
					for (int c = -margin; c <= margin && uniform; c++) {
						for (int b = -margin; b <= margin && uniform; b++) {
							for (int a = -margin; a <= margin && uniform; a++) {
								uniform = patch.labels()[AnalyticCases.index(n, i + a, j + b, k + c)] == label;
							}
						}
					}
					if (!uniform) continue;
					total++;
					final int expected = mirroredX ? mirroredX(label) : label;
					agree += Math.round(patch.image()[AnalyticCases.index(n, i, j, k)]) == expected ? 1 : 0;
				}
			}
		}
		assertTrue(total > 1000, "enough voxels away from boundaries: " + total);
		return agree / (double) total;
	}

	@Test
	void sameSeedSamePatchOnOneAndManyThreads() {
		final PreprocessedCase blobs = AnalyticCases.blobs(new int[] { 40, 40, 30 }, 6);
		final AugmentationConfig all = AugmentationConfig.none().withOnly(Operation.values());
		final int[] size = { 24, 24, 16 };
		final double[] centre = { 20, 19.5, 15 };
		final ForkJoinPool pool = new ForkJoinPool(3);
		try {
			final Augmenter single = new Augmenter(all), parallel = new Augmenter(all, pool);
			for (int seed = 0; seed < 4; seed++) {
				final Patch a = single.make(blobs, size, centre, new SplittableRandom(seed));
				final Patch b = single.make(blobs, size, centre, new SplittableRandom(seed));
				final Patch c = parallel.make(blobs, size, centre, new SplittableRandom(seed));
				assertArrayEquals(a.image(), b.image());
				assertArrayEquals(a.labels(), b.labels());
				assertArrayEquals(a.image(), c.image());
				assertArrayEquals(a.labels(), c.labels());
				final Patch d = single.make(blobs, size, centre, new SplittableRandom(seed + 100));
				assertFalse(Arrays.equals(a.image(), d.image()));
			}
		}
		finally {
			pool.shutdown();
		}
	}
}
