package covidunet.bench;

import java.util.SplittableRandom;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.ShortType;

/**
 * A seeded int16 volume with the intensity statistics of a chest CT, for I/O benchmarks: air
 * (−1000 HU) around an elliptic body (40 HU) with two lungs (−850 HU), Gaussian noise of 15 HU.
 * It is not anatomy (the phantom cohort is); it only makes compression and value ranges
 * realistic.
 */
public final class CtLikeVolume {

	private static final double NOISE_HU = 15;

	private CtLikeVolume() {}

	/**
	 * A volume of the given size with 0.7 × 0.7 × 1.5 mm voxels in RAS orientation.
	 *
	 * @param seed the noise seed; the same seed gives the same voxels
	 */
	public static Volume<ShortType> create(final int nx, final int ny, final int nz, final long seed) {
		final PlanarImg<ShortType, ShortArray> img = PlanarImgs.shorts(nx, ny, nz);
		final SplittableRandom random = new SplittableRandom(seed);
		for (int z = 0; z < nz; z++) {
			fillSlice(img.getPlane(z).getCurrentStorageArray(), nx, ny, z, nz, random.split());
		}
		final long[] dims = { nx, ny, nz };
		final Affine affine = Affine.ofRows(0.7, 0, 0, -0.35 * nx, 0, 0.7, 0, -0.35 * ny, 0, 0, 1.5, -0.75 * nz);
		return new Volume<>(img, Geometry.fromAffine(dims, affine, Geometry.CODE_SCANNER));
	}

	private static void fillSlice(final short[] slice, final int nx, final int ny, final int z, final int nz,
		final SplittableRandom random)
	{
		final double zRel = (z + 0.5) / nz;
		final double lungScale = Math.sin(Math.PI * Math.min(1, 0.1 + zRel));
		for (int y = 0; y < ny; y++) {
			final double v = 2.0 * y / ny - 1;
			for (int x = 0; x < nx; x++) {
				final double u = 2.0 * x / nx - 1;
				slice[y * nx + x] = (short) Math.round(tissue(u, v, lungScale) + NOISE_HU * random.nextGaussian());
			}
		}
	}

	private static double tissue(final double u, final double v, final double lungScale) {
		if (u * u / 0.81 + v * v / 0.49 > 1) return -1000;
		final double lu = (Math.abs(u) - 0.4) / (0.28 * lungScale + 1e-9);
		final double lv = (v + 0.05) / (0.45 * lungScale + 1e-9);
		return lu * lu + lv * lv < 1 ? -850 : 40;
	}
}
