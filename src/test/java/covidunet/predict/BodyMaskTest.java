package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiReader;

/**
 * The body mask: the patient with the air inside (lungs, gas), without the air around, the area
 * outside the reconstruction circle or the table, on a drawn scan and on a real one.
 */
class BodyMaskTest {

	static final int NX = 64, NY = 56, NZ = 12;

	/**
	 * A drawn chest: an elliptic body of soft tissue (40 HU) holding two lungs (−850 HU) and a
	 * gas bubble, on a table (200 HU) joined to the body by a one-voxel strap; noisy air (−1000 HU)
	 * around, and −2048 HU outside the reconstruction circle.
	 */
	static float hu(final int x, final int y, final Random noise) {
		final double cx = NX / 2.0, cy = 24;
		final double ex = (x - cx) / 26, ey = (y - cy) / 17;
		final boolean body = ex * ex + ey * ey <= 1;
		final boolean lung = Math.pow((x - (cx - 11)) / 8.0, 2) + Math.pow((y - cy) / 10.0, 2) <= 1 || Math.pow((x -
			(cx + 11)) / 8.0, 2) + Math.pow((y - cy) / 10.0, 2) <= 1;
		final boolean gas = Math.pow(x - cx, 2) + Math.pow(y - (cy + 12), 2) <= 4;
		final boolean table = y >= 45 && y <= 47 && x >= 4 && x < NX - 4;
		final boolean strap = x == (int) cx && y > 40 && y < 45;
		final boolean circle = Math.pow(x - cx, 2) + Math.pow(y - NY / 2.0, 2) <= Math.pow(31, 2);
		if (!circle) return -2048;
		if (body) return lung || gas ? -850 + (float) noise.nextGaussian() * 30 : 40 + (float) noise.nextGaussian() * 20;
		if (table || strap) return 200;
		return -1000 + (float) noise.nextGaussian() * 40;
	}

	static Volume<FloatType> drawnChest() {
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(NX, NY, NZ);
		final RandomAccess<FloatType> a = img.randomAccess();
		final Random noise = new Random(3);
		for (int z = 0; z < NZ; z++) {
			for (int y = 0; y < NY; y++) {
				for (int x = 0; x < NX; x++) {
					a.setPosition(new int[] { x, y, z });
					a.get().set(hu(x, y, noise));
				}
			}
		}
		return new Volume<>(img, Geometry.ofSpacing(new long[] { NX, NY, NZ }, new double[] { 1.5, 1.5, 3 }));
	}

	@Test
	void aDrawnChestsBodyHoldsItsLungsAndGasButNotTheAirOrTheTable() {
		final BodyMask mask = BodyMask.of(drawnChest());
		for (int z = 0; z < NZ; z++) {
			for (int y = 0; y < NY; y++) {
				for (int x = 0; x < NX; x++) {
					final double ex = (x - NX / 2.0) / 26, ey = (y - 24) / 17.0;
					final boolean inside = ex * ex + ey * ey <= 0.9;
					final boolean outside = ex * ex + ey * ey >= 1.15;
					if (inside) assertTrue(mask.contains(x, y, z), "inside the body at " + x + "," + y + "," + z);
					if (outside) assertFalse(mask.contains(x, y, z), "outside the body at " + x + "," + y + "," + z);
				}
			}
		}
		assertFalse(mask.contains(8, 46, 5), "the table");
		assertTrue(mask.contains(NX / 2 - 11, 24, 5) && mask.contains(NX / 2 + 11, 24, 5), "the lungs");
		assertTrue(mask.contains(NX / 2, 36, 5), "the gas bubble");
	}

	@Test
	void aScanOfAirHasNoBody() {
		final Volume<FloatType> air = new Volume<>(ArrayImgs.floats(new float[8 * 8 * 2], 8, 8, 2), Geometry.ofSpacing(
			new long[] { 8, 8, 2 }, new double[] { 1, 1, 1 }));
		for (final FloatType t : air.image()) t.set(-1000);
		assertEquals(0, BodyMask.of(air).voxels());
	}

	/** TotalSegmentator's lung lobes of the real scan (labels 10 to 14) all lie inside its body; its corners do not. */
	@Test
	void aRealScansLungsAreInsideItsBodyAndItsCornersAreNot() {
		final Path real = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath()
			.resolveSibling("shared").resolve("data").resolve("real");
		assumeTrue(Files.isRegularFile(real.resolve("example_ct_sm.nii.gz")), "no shared fixtures at " + real);
		final Volume<?> ct = NiftiReader.read(real.resolve("example_ct_sm.nii.gz"));
		@SuppressWarnings("unchecked")
		final BodyMask mask = BodyMask.of((Volume<? extends RealType<?>>) ct);
		final Volume<?> seg = NiftiReader.read(real.resolve("example_seg.nii.gz"));
		final RandomAccess<? extends RealType<?>> s = ((Volume<? extends RealType<?>>) seg).image().randomAccess();
		final int[] n = mask.size();
		long lung = 0, lungInside = 0;
		for (int z = 0; z < n[2]; z++) {
			for (int y = 0; y < n[1]; y++) {
				for (int x = 0; x < n[0]; x++) {
					s.setPosition(new int[] { x, y, z });
					final int label = (int) s.get().getRealDouble();
					if (label >= 10 && label <= 14) {
						lung++;
						if (mask.contains(x, y, z)) lungInside++;
					}
				}
			}
		}
		assertTrue(lung > 4000, lung + " lung voxels");
		assertEquals(lung, lungInside, "lung voxels inside the body");
		for (final int z : new int[] { 0, n[2] - 1 }) {
			for (final int[] corner : new int[][] { { 0, 0 }, { n[0] - 1, 0 }, { 0, n[1] - 1 }, { n[0] - 1, n[1] - 1 } }) {
				assertFalse(mask.contains(corner[0], corner[1], z), "corner " + corner[0] + "," + corner[1] + "," + z);
			}
		}
		final long all = (long) n[0] * n[1] * n[2];
		assertTrue(mask.voxels() > all / 3 && mask.voxels() < all * 9 / 10, mask.voxels() + " of " + all);
	}
}
