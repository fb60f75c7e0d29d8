package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;

/** Argmax labels, ensembles, layout and limits. */
class ProbabilityMapTest {

	/** A map of 3 voxels and 3 classes with these values, class by class. */
	private static ProbabilityMap map(final float... values) {
		final ProbabilityMap map = new ProbabilityMap(new int[] { 3, 1, 1 }, 3);
		System.arraycopy(values, 0, map.values(), 0, values.length);
		return map;
	}

	@Test
	void labelsAreTheMostProbableClassAndTiesGoToTheLowest() {
		final ProbabilityMap map = map(
			0.2f, 0.4f, 0.3f,
			0.5f, 0.4f, 0.3f,
			0.3f, 0.2f, 0.4f);
		assertArrayEquals(new byte[] { 1, 0, 2 }, map.labels(), "voxel 1 ties classes 0 and 1");
		final ProbabilityMap tiedAbove = map(
			0.1f, 0f, 0f,
			0.45f, 0f, 0f,
			0.45f, 0f, 0f);
		assertArrayEquals(new byte[] { 1, 0, 0 }, tiedAbove.labels(), "classes 1 and 2 tie at voxel 0");
	}

	@Test
	void valuesAreStoredClassByClass() {
		final ProbabilityMap map = map(1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertEquals(6f, map.probability(1, 2));
		assertArrayEquals(new float[] { 7, 8, 9 }, map.channel(2));
		map.channel(2)[0] = -1;
		assertEquals(7f, map.probability(2, 0), "channel() is a copy");
		assertThrows(IndexOutOfBoundsException.class, () -> map.probability(3, 0));
		assertThrows(IndexOutOfBoundsException.class, () -> map.channel(-1));
		assertArrayEquals(new int[] { 3, 1, 1 }, map.size());
		assertEquals(3, map.voxels());
	}

	@Test
	void anEnsembleIsSummedAndScaled() {
		final ProbabilityMap sum = map(1, 2, 3, 4, 5, 6, 7, 8, 9);
		sum.add(map(9, 8, 7, 6, 5, 4, 3, 2, 1));
		sum.add(map(2, 2, 2, 2, 2, 2, 2, 2, 2));
		sum.scale(1 / 3f);
		for (int i = 0; i < 9; i++) assertEquals(4f, sum.values()[i], 1e-6);
		final BadInputException e = assertThrows(BadInputException.class, () -> sum.add(new ProbabilityMap(new int[] {
			3, 1, 1 }, 4)));
		assertTrue(e.getMessage().startsWith("other:"), e.getMessage());
		assertThrows(BadInputException.class, () -> sum.add(new ProbabilityMap(new int[] { 1, 3, 1 }, 3)));
		assertThrows(BadInputException.class, () -> sum.scale(Float.NaN));
	}

	@Test
	void aMapTooLargeForOneArrayIsRefusedBeforeAllocating() {
		final BadInputException e = assertThrows(BadInputException.class, () -> new ProbabilityMap(new int[] { 1024,
			1024, 512 }, 4));
		assertTrue(e.getMessage().startsWith("size:"), e.getMessage());
		assertTrue(assertThrows(BadInputException.class, () -> new ProbabilityMap(new int[] { 2, 2, 2 }, 0))
			.getMessage().startsWith("classes:"));
	}
}
