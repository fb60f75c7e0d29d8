package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import covidunet.io.Geometry;
import covidunet.io.Volume;

/**
 * Volumetrics of hand-made label volumes at 2 × 1.5 × 3 mm (9 mm³ = 0.009 mL a voxel), and the
 * side each infection voxel counts for ({@link InfectionSides}).
 */
class VolumetricsTest {

	private static final int NX = 20, NY = 10, NZ = 8;
	private static final double[] SPACING = { 2, 1.5, 3 }, ISOTROPIC = { 1, 1, 1 };
	private static final double VOXEL_ML = 0.009, TOLERANCE = 1e-9;
	private static final byte LEFT = 1, RIGHT = 2, INFECTION = 3;

	/** Sets the box [x0, x1) × [y0, y1) × [z0, z1) to {@code label}. */
	private static void box(final byte[] labels, final byte label, final int x0, final int x1, final int y0,
		final int y1, final int z0, final int z1)
	{
		for (int z = z0; z < z1; z++) {
			for (int y = y0; y < y1; y++) {
				for (int x = x0; x < x1; x++) labels[(z * NY + y) * NX + x] = label;
			}
		}
	}

	private static void voxel(final byte[] labels, final byte label, final int x, final int y, final int z) {
		box(labels, label, x, x + 1, y, y + 1, z, z + 1);
	}

	private static Volume<UnsignedByteType> volume(final byte[] labels) {
		final long[] dims = { NX, NY, NZ };
		return new Volume<>(ArrayImgs.unsignedBytes(labels, dims), Geometry.ofSpacing(dims, SPACING));
	}

	private static long[] sides(final byte[] labels, final double[] spacing) {
		return InfectionSides.count(labels, new int[] { NX, NY, NZ }, spacing);
	}

	/** A left lung of 100 voxels with 10 voxels of infection on its side, a right lung of 200 voxels. */
	private static byte[] twoLungs() {
		final byte[] labels = new byte[NX * NY * NZ];
		box(labels, LEFT, 1, 6, 1, 5, 1, 6);
		box(labels, RIGHT, 10, 20, 0, 4, 1, 6);
		box(labels, INFECTION, 6, 8, 2, 3, 1, 6);
		return labels;
	}

	@Test
	void millilitresAndPercentagesFollowTheCountsAndTheSpacing() {
		final Volumetrics v = Volumetrics.of(volume(twoLungs()));
		assertEquals(110 * VOXEL_ML, v.leftMl(), TOLERANCE, "the left lung and its infection");
		assertEquals(200 * VOXEL_ML, v.rightMl(), TOLERANCE);
		assertEquals(310 * VOXEL_ML, v.lungMl(), TOLERANCE);
		assertEquals(10 * VOXEL_ML, v.infectionMl(), TOLERANCE);
		assertEquals(10 * VOXEL_ML, v.infectionLeftMl(), TOLERANCE, "a blob touching only the left lung counts left");
		assertEquals(0, v.infectionRightMl(), TOLERANCE);
		assertEquals(100.0 * 10 / 310, v.infectionPercent(), TOLERANCE);
		assertEquals(100.0 * 10 / 110, v.infectionLeftPercent(), TOLERANCE);
		assertEquals(0, v.infectionRightPercent(), TOLERANCE);
	}

	@Test
	void theCsvRowHasThreeDecimalsInTheColumnsOrder() {
		assertEquals(List.of("case", "lung_left_ml", "lung_right_ml", "lung_ml", "infection_ml", "infection_percent",
			"infection_left_ml", "infection_left_percent", "infection_right_ml", "infection_right_percent"),
			Volumetrics.COLUMNS);
		assertEquals(List.of("ct", "0.990", "1.800", "2.790", "0.090", "3.226", "0.090", "9.091", "0.000", "0.000"),
			Volumetrics.of(volume(twoLungs())).csvRow("ct"));
	}

	@Test
	void percentagesOfAnAbsentLungAreNaNAndEmptyInTheCsv() {
		final byte[] labels = new byte[NX * NY * NZ];
		box(labels, LEFT, 1, 6, 1, 5, 1, 6);
		box(labels, INFECTION, 6, 8, 2, 3, 1, 6);
		final Volumetrics oneLung = Volumetrics.of(volume(labels));
		assertEquals(0, oneLung.rightMl());
		assertEquals(Double.NaN, oneLung.infectionRightPercent());
		assertEquals(100.0 * 10 / 110, oneLung.infectionPercent(), TOLERANCE);
		assertEquals(List.of("one", "0.990", "0.000", "0.990", "0.090", "9.091", "0.090", "9.091", "0.000", ""),
			oneLung.csvRow("one"));
		final Volumetrics none = Volumetrics.of(volume(new byte[NX * NY * NZ]));
		assertEquals(Double.NaN, none.infectionPercent());
		assertEquals(Double.NaN, none.infectionLeftPercent());
		assertEquals(List.of("none", "0.000", "0.000", "0.000", "0.000", "", "0.000", "", "0.000", ""), none.csvRow(
			"none"));
	}

	/**
	 * A chain of infection from a left-lung voxel below it (z) to a right-lung voxel beside it (y):
	 * A (touching the left lung), P, B, C (touching the right lung). P is 2 voxels from the left
	 * lung and 3 from the right, but 6 mm from the left (2 steps of 3 mm in z) and 4.5 mm from the
	 * right (3 steps of 1.5 mm in y).
	 */
	private static byte[] chainBetweenTheLungs() {
		final byte[] labels = new byte[NX * NY * NZ];
		voxel(labels, LEFT, 5, 2, 0);
		voxel(labels, INFECTION, 5, 2, 1);
		voxel(labels, INFECTION, 5, 2, 2);
		voxel(labels, INFECTION, 5, 3, 2);
		voxel(labels, INFECTION, 5, 4, 2);
		voxel(labels, RIGHT, 5, 5, 2);
		return labels;
	}

	@Test
	void infectionBetweenTheLungsCountsForTheLungNearestInMillimetresAlongTheInfection() {
		final byte[] labels = chainBetweenTheLungs();
		assertArrayEquals(new long[] { 1, 3 }, sides(labels, SPACING), "P is nearer the right lung in mm");
		assertArrayEquals(new long[] { 2, 2 }, sides(labels, ISOTROPIC), "P is nearer the left lung in voxels");
		final Volumetrics v = Volumetrics.of(volume(labels));
		assertEquals(VOXEL_ML, v.infectionLeftMl(), TOLERANCE);
		assertEquals(3 * VOXEL_ML, v.infectionRightMl(), TOLERANCE);
		assertEquals(2 * VOXEL_ML, v.leftMl(), TOLERANCE);
		assertEquals(4 * VOXEL_ML, v.rightMl(), TOLERANCE);
	}

	/**
	 * An infection voxel Q at (9, 2, 2) touching no lung: the left lung's centre (5, 2, 2) is 4
	 * voxels (8 mm) away along x, the right lung's centre (9, 2, 5) 3 voxels (9 mm) along z.
	 */
	@Test
	void isolatedInfectionCountsForTheLungWhoseCentreIsNearerInMillimetres() {
		final byte[] labels = new byte[NX * NY * NZ];
		box(labels, LEFT, 3, 8, 1, 4, 1, 4);
		box(labels, RIGHT, 8, 11, 1, 4, 4, 7);
		voxel(labels, INFECTION, 9, 2, 2);
		assertArrayEquals(new long[] { 1, 0 }, sides(labels, SPACING));
		assertArrayEquals(new long[] { 0, 1 }, sides(labels, ISOTROPIC));
		final Volumetrics v = Volumetrics.of(volume(labels));
		assertEquals(VOXEL_ML, v.infectionLeftMl(), TOLERANCE);
		assertEquals(0, v.infectionRightMl(), TOLERANCE);
	}
}
