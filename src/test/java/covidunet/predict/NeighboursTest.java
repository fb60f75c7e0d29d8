package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NeighboursTest {

	private static final int[] SIZE = { 4, 3, 5 };

	private static List<float[]> visits(final Neighbours neighbours, final int v) {
		final List<float[]> seen = new ArrayList<>();
		neighbours.forEach(v, (n, step) -> seen.add(new float[] { n, step }));
		return seen;
	}

	@Test
	void anInnerVoxelHas26NeighboursAndACornerSeven() {
		final Neighbours neighbours = new Neighbours(SIZE);
		final int inner = (2 * 3 + 1) * 4 + 1;
		assertEquals(26, visits(neighbours, inner).size());
		assertEquals(7, visits(neighbours, 0).size());
		assertEquals(7, visits(neighbours, 4 * 3 * 5 - 1).size());
	}

	@Test
	void neighboursComeInGridOrderWithTheirStepsInMillimetres() {
		final Neighbours neighbours = new Neighbours(SIZE, new double[] { 0.5, 2, 3 });
		final List<float[]> seen = visits(neighbours, 0);
		final int[] expected = { 1, 4, 5, 12, 13, 16, 17 };
		final double[] steps = { 0.5, 2, Math.sqrt(0.25 + 4), 3, Math.sqrt(0.25 + 9), Math.sqrt(4 + 9), Math.sqrt(
			0.25 + 4 + 9) };
		for (int i = 0; i < expected.length; i++) {
			assertEquals(expected[i], (int) seen.get(i)[0]);
			assertEquals(steps[i], seen.get(i)[1], 1e-6);
		}
	}
}
