package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import covidunet.io.Affine;

/**
 * Post-processing on probability maps whose most likely classes form boxes: each side's lung (of
 * the components with at least a tenth of the side's largest count, the highest, with any pieces
 * almost as high) is left untouched, every other component becomes background, and a lung joined
 * below a neck to something else loses what lies below.
 */
class LungComponentsTest {

	private static final int NX = 30, NY = 20, NZ = 10, CLASSES = 4;
	private static final int[] SIZE = { NX, NY, NZ };

	/** A grid whose z runs up. */
	private static final Affine UP_Z = Affine.diagonal(1, 1, 1);

	/** A map whose every voxel has class 0 most likely (0.7, the others 0.1). */
	private static ProbabilityMap background() {
		final ProbabilityMap map = new ProbabilityMap(SIZE, CLASSES);
		for (int v = 0; v < map.voxels(); v++) set(map, v, 0);
		return map;
	}

	/** Makes {@code label} the most likely class at voxel {@code v}: 0.7, the others 0.1. */
	private static void set(final ProbabilityMap map, final int v, final int label) {
		for (int c = 0; c < CLASSES; c++) map.values()[c * map.voxels() + v] = c == label ? 0.7f : 0.1f;
	}

	/** Makes {@code label} most likely in the box [x0, x1) × [y0, y1) × [z0, z1); its voxel count. */
	private static int box(final ProbabilityMap map, final int label, final int x0, final int x1, final int y0,
		final int y1, final int z0, final int z1)
	{
		for (int z = z0; z < z1; z++) {
			for (int y = y0; y < y1; y++) {
				for (int x = x0; x < x1; x++) set(map, (z * NY + y) * NX + x, label);
			}
		}
		return (x1 - x0) * (y1 - y0) * (z1 - z0);
	}

	private static boolean inBox(final int v, final int x0, final int x1, final int y0, final int y1, final int z0,
		final int z1)
	{
		final int x = v % NX, y = v / NX % NY, z = v / (NX * NY);
		return x >= x0 && x < x1 && y >= y0 && y < y1 && z >= z0 && z < z1;
	}

	@Test
	void smallStrayBlobsBecomeBackgroundAndTheLungsStay() {
		final ProbabilityMap map = background();
		assertEquals(1024, box(map, 1, 2, 10, 2, 18, 1, 9));
		assertEquals(1024, box(map, 2, 14, 22, 2, 18, 1, 9));
		final int infection = box(map, 3, 27, 29, 2, 4, 1, 3);
		final int lung = box(map, 1, 26, 29, 15, 18, 6, 9);
		final float[] before = map.values().clone();
		assertEquals(infection + lung, LungComponents.keepLungs(map, UP_Z));
		for (int v = 0; v < map.voxels(); v++) {
			final boolean stray = inBox(v, 27, 29, 2, 4, 1, 3) || inBox(v, 26, 29, 15, 18, 6, 9);
			for (int c = 0; c < CLASSES; c++) {
				final float expected = stray ? c == 0 ? 1 : 0 : before[c * map.voxels() + v];
				assertEquals(expected, map.probability(c, v), "class " + c + " at voxel " + v);
			}
		}
	}

	@Test
	void aSmallLungApartFromTheOtherIsKeptAndStraysAreNot() {
		final ProbabilityMap map = background();
		assertEquals(1000, box(map, 1, 2, 12, 2, 12, 0, 10));
		final int smallRight = box(map, 2, 20, 23, 2, 5, 0, 5);
		final int strayRight = box(map, 2, 26, 28, 15, 17, 0, 2);
		final int strayLeft = box(map, 1, 26, 28, 2, 4, 6, 9);
		assertEquals(45, smallRight);
		assertEquals(strayRight + strayLeft, LungComponents.keepLungs(map, Affine.diagonal(1, 1, 5)),
			"a blob 15 mm lower and one under a tenth of the left lung");
		assertEquals(2, map.labels()[(2 * NY + 3) * NX + 21], "the small right lung keeps its label");
		assertEquals(0, map.labels()[(1 * NY + 16) * NX + 27], "a lower right-lung blob goes");
		assertEquals(1, map.labels()[(5 * NY + 5) * NX + 5], "the left lung stays");
	}

	@Test
	void aGasPocketLargerThanTheLungBaseButLowerGoes() {
		final ProbabilityMap map = background();
		final int lung = box(map, 1, 2, 10, 2, 18, 5, 10);
		box(map, 2, 14, 22, 2, 18, 1, 10);
		final int stomach = box(map, 1, 24, 30, 0, 20, 0, 6);
		assertEquals(640, lung);
		assertEquals(720, stomach);
		final ProbabilityMap upsideDown = background();
		System.arraycopy(map.values(), 0, upsideDown.values(), 0, map.values().length);
		assertEquals(stomach, LungComponents.keepLungs(map, Affine.diagonal(1, 1, 5)), "20 mm lower");
		assertEquals(0, map.labels()[(3 * NY + 5) * NX + 26], "the gas pocket is background");
		assertEquals(1, map.labels()[(6 * NY + 5) * NX + 5], "the left lung stays");
		assertEquals(lung, LungComponents.keepLungs(upsideDown, Affine.diagonal(1, 1, -5)), "up is down the grid");
		assertEquals(1, upsideDown.labels()[(3 * NY + 5) * NX + 26]);
	}

	@Test
	void touchingLungsAreOneComponentAndKept() {
		final ProbabilityMap map = background();
		box(map, 1, 2, 12, 2, 12, 0, 10);
		final int smallRight = box(map, 2, 12, 14, 2, 5, 0, 10);
		final int stray = box(map, 1, 24, 26, 2, 5, 0, 10);
		assertEquals(60, smallRight);
		final float[] before = map.values().clone();
		assertEquals(stray, LungComponents.keepLungs(map, UP_Z), "only the stray blob, not the right lung as small");
		for (int v = 0; v < map.voxels(); v++) {
			if (inBox(v, 24, 26, 2, 5, 0, 10)) continue;
			for (int c = 0; c < CLASSES; c++) {
				assertEquals(before[c * map.voxels() + v], map.probability(c, v), "class " + c + " at voxel " + v);
			}
		}
		assertEquals(2, map.labels()[(4 * NY + 3) * NX + 13], "the small right lung keeps its label");
	}

	@Test
	void colonGasJoinedToALungBaseBelowANeckGoes() {
		final ProbabilityMap map = background();
		box(map, 1, 2, 10, 2, 18, 1, 10);
		box(map, 2, 14, 22, 2, 18, 7, 10);
		box(map, 2, 14, 16, 2, 4, 6, 7);
		final int colon = box(map, 2, 14, 18, 2, 6, 0, 6);
		final ProbabilityMap thinSlices = background();
		System.arraycopy(map.values(), 0, thinSlices.values(), 0, map.values().length);
		assertEquals(colon, LungComponents.keepLungs(map, Affine.diagonal(1, 1, 5)), "5 mm slices: 30 mm below the neck");
		assertEquals(0, map.labels()[(3 * NY + 3) * NX + 15], "the colon is background");
		assertEquals(2, map.labels()[(6 * NY + 3) * NX + 15], "the neck stays");
		assertEquals(2, map.labels()[(8 * NY + 10) * NX + 20], "the right lung stays");
		assertEquals(1, map.labels()[(2 * NY + 5) * NX + 5], "the left lung stays");
		assertEquals(0, LungComponents.keepLungs(thinSlices, UP_Z), "1 mm slices: 6 mm below the neck, not cut");
	}

	@Test
	void aNeckIsASliceWithAtMostHalfOfTheMostBothAboveAndBelowAndFarEnoughUp() {
		assertEquals(6, LungComponents.neck(new int[] { 16, 16, 16, 16, 16, 16, 4, 128, 128, 128 }, 5));
		assertEquals(0, LungComponents.neck(new int[] { 16, 16, 16, 16, 16, 16, 4, 128, 128, 128 }, 4.9));
		assertEquals(0, LungComponents.neck(new int[] { 16, 16, 16, 16, 16, 16, 9, 128, 128, 128 }, 5),
			"more than half of the most below");
		assertEquals(0, LungComponents.neck(new int[] { 0, 0, 2, 5, 9, 20, 40, 90, 128, 128, 60, 10 }, 5),
			"a lung tapering to its base and apex");
		assertEquals(0, LungComponents.neck(new int[] { 3, 8, 4, 30, 60, 128 }, 5), "a dip near the base, 5 mm up");
		assertEquals(0, LungComponents.neck(new int[] { 0, 128, 128, 128, 128, 128, 128, 128, 128, 0, 0 }, 5),
			"empty slices are no neck");
		assertEquals(8, LungComponents.neck(new int[] { 0, 40, 40, 40, 40, 40, 40, 10, 10, 90, 20, 95 }, 10),
			"of two narrowest, the highest");
	}

	@Test
	void aLungInPiecesReachingAsHighIsKeptWhole() {
		final ProbabilityMap map = background();
		box(map, 1, 2, 10, 2, 18, 1, 10);
		assertEquals(432, box(map, 2, 14, 17, 2, 18, 1, 10));
		assertEquals(112, box(map, 2, 19, 20, 2, 18, 1, 8), "a quarter of the larger piece, 3 mm away, 5 mm lower");
		assertEquals(288, box(map, 2, 28, 30, 2, 18, 1, 10));
		final int lower = box(map, 2, 22, 23, 2, 18, 1, 6);
		assertEquals(lower, LungComponents.keepLungs(map, Affine.diagonal(1, 1, 2.5)), "a piece 10 mm lower goes");
		assertEquals(2, map.labels()[(5 * NY + 10) * NX + 15], "the larger piece stays");
		assertEquals(2, map.labels()[(5 * NY + 10) * NX + 19], "a piece as high and close stays");
		assertEquals(2, map.labels()[(5 * NY + 10) * NX + 28], "a piece as high, 12 mm away, stays");
		assertEquals(0, map.labels()[(5 * NY + 10) * NX + 22]);
	}
}
