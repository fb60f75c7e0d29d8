package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import covidunet.io.Affine;

/**
 * Lung sides from the body's midline on maps whose most likely classes form boxes; the body
 * fills x 2…27 of a 30-voxel-wide grid (midline at x = 14.5).
 */
class LungSidesTest {

	private static final int NX = 30, NY = 12, NZ = 6, CLASSES = 4;
	private static final int[] SIZE = { NX, NY, NZ };
	private static final Affine RAS = Affine.diagonal(2, 2, 3);

	private static ProbabilityMap background() {
		final ProbabilityMap map = new ProbabilityMap(SIZE, CLASSES);
		for (int v = 0; v < map.voxels(); v++) set(map, v, 0);
		return map;
	}

	/** {@code label} most likely at voxel v: 0.6, the others 0.1, 0.2 and 0.1 in turn. */
	private static void set(final ProbabilityMap map, final int v, final int label) {
		final float[] others = { 0.1f, 0.2f, 0.1f };
		for (int c = 0, o = 0; c < CLASSES; c++) map.values()[c * map.voxels() + v] = c == label ? 0.6f : others[o++];
	}

	private static void box(final ProbabilityMap map, final int label, final int x0, final int x1) {
		for (int z = 1; z < NZ - 1; z++) {
			for (int y = 2; y < NY - 2; y++) {
				for (int x = x0; x < x1; x++) set(map, (z * NY + y) * NX + x, label);
			}
		}
	}

	private static byte[] body() {
		final byte[] body = new byte[NX * NY * NZ];
		for (int v = 0; v < body.length; v++) body[v] = (byte) (v % NX >= 2 && v % NX < 28 ? 1 : 0);
		return body;
	}

	private static int label(final ProbabilityMap map, final int x) {
		return map.labels()[(2 * NY + 5) * NX + x];
	}

	@Test
	void aLungLeftOfTheMidlineIsTheLeftWhateverTheNetworkSaid() {
		final ProbabilityMap map = background();
		box(map, 2, 3, 10);
		box(map, 1, 19, 26);
		final long changed = LungSides.assign(map, body(), RAS);
		assertEquals(2 * 7 * 8 * 4, changed, "both lungs change side");
		assertEquals(1, label(map, 5));
		assertEquals(2, label(map, 22));
		final int v = (2 * NY + 5) * NX + 5;
		assertEquals(0.6f, map.probability(1, v), "the lungs' probabilities are exchanged");
		assertEquals(0.2f, map.probability(2, v));
		assertEquals(0.1f, map.probability(3, v), "infection's untouched");
	}

	@Test
	void aLungReachingALittleOverTheMidlineStaysOneLung() {
		final ProbabilityMap map = background();
		box(map, 2, 14, 26);
		box(map, 1, 14, 15);
		LungSides.assign(map, body(), RAS);
		assertEquals(2, label(map, 14), "11 of 12 columns right of the midline: the whole part is right");
		assertEquals(2, label(map, 20));
	}

	@Test
	void touchingLungsAreSplitAtTheMidline() {
		final ProbabilityMap map = background();
		box(map, 1, 4, 26);
		LungSides.assign(map, body(), RAS);
		assertEquals(1, label(map, 14));
		assertEquals(2, label(map, 15));
		assertEquals(2, label(map, 25));
	}

	@Test
	void aGridWhoseXRunsToThePatientsLeftHasTheLeftLungAtHighX() {
		final ProbabilityMap map = background();
		box(map, 1, 3, 10);
		box(map, 3, 19, 26);
		LungSides.assign(map, body(), Affine.diagonal(-2, 2, 3));
		assertEquals(2, label(map, 5));
		assertEquals(3, label(map, 22), "infection keeps its label");
	}
}
