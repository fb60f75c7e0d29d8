package covidunet.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import covidunet.io.Affine;
import covidunet.io.Geometry;

/** Radiological display from any orientation: anterior up, the patient's left on the right. */
class AxialViewTest {

	private static final long[] DIMS = { 4, 3, 2 };

	@Test
	void rasVolumesAreFlippedLeftRightAndUpDown() {
		final AxialView view = new AxialView(geometry(Affine.ofRows(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0)), 0);
		assertEquals(4, view.width);
		assertEquals(3, view.height);
		// Voxel (0, 0) is the patient's left and posterior: the image's right, bottom.
		assertArrayEquals(new long[] { 0, 0, 1 }, voxel(view, 3, 2, 1));
		assertArrayEquals(new long[] { 3, 2, 1 }, voxel(view, 0, 0, 1));
	}

	@Test
	void lpsVolumesAreShownAsStored() {
		final AxialView view = new AxialView(geometry(Affine.ofRows(-1, 0, 0, 3, 0, -1, 0, 2, 0, 0, 2, 0)), 0);
		// Voxel (0, 0) is the patient's right and anterior: the image's left, top.
		assertArrayEquals(new long[] { 0, 0, 0 }, voxel(view, 0, 0, 0));
		assertArrayEquals(new long[] { 3, 2, 0 }, voxel(view, 3, 2, 0));
	}

	@Test
	void permutedAxesAreFound() {
		// Voxel axes: 0 runs superior, 1 towards the patient's right, 2 anterior.
		final long[] dims = { 2, 4, 3 };
		final Affine affine = Affine.ofRows(0, 1, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0);
		final AxialView view = new AxialView(Geometry.fromAffine(dims, affine, 1), 0);
		assertEquals(0, view.sliceAxis);
		assertEquals(4, view.width);
		assertEquals(3, view.height);
		assertArrayEquals(new long[] { 1, 3, 2 }, voxel(view, 0, 0, 1));
	}

	@Test
	void pixelsAreSquareInMillimetres() {
		final Affine affine = Affine.ofRows(-0.5, 0, 0, 0, 0, -1, 0, 0, 0, 0, 2, 0);
		final AxialView view = new AxialView(Geometry.fromAffine(DIMS, affine, 1), 0);
		assertEquals(4, view.width);
		assertEquals(6, view.height);
		assertArrayEquals(new long[] { 0, 2, 0 }, voxel(view, 0, 5, 0));
	}

	private static Geometry geometry(final Affine affine) {
		return Geometry.fromAffine(DIMS, affine, 1);
	}

	private static long[] voxel(final AxialView view, final int x, final int y, final long slice) {
		final long[] position = new long[3];
		view.voxel(x, y, slice, position);
		return position;
	}
}
