package covidunet.io.nifti;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

/** Small volumes and geometries for the writer tests. */
final class TestVolumes {

	private TestVolumes() {}

	/** The first three rows of a 4×4 matrix as an affine. */
	static Affine affine(final double[][] m) {
		return Affine.ofRows(m[0][0], m[0][1], m[0][2], m[0][3], m[1][0], m[1][1], m[1][2], m[1][3], m[2][0], m[2][1],
			m[2][2], m[2][3]);
	}

	/** A geometry whose qform and sform are both {@code m}, with the given codes. */
	static Geometry geometry(final long[] dims, final double[][] m, final int qformCode, final int sformCode) {
		final Affine a = affine(m);
		final double[] spacing = { a.columnNorm(0), a.columnNorm(1), a.columnNorm(2) };
		return new Geometry(dims, spacing, a, qformCode, a, sformCode);
	}

	/** A geometry with only an sform {@code m}; the qform is the spacing diagonal, unused. */
	static Geometry sformOnly(final long[] dims, final double[][] m, final int sformCode) {
		final Affine a = affine(m);
		final double[] spacing = { a.columnNorm(0), a.columnNorm(1), a.columnNorm(2) };
		return new Geometry(dims, spacing, Affine.diagonal(spacing[0], spacing[1], spacing[2]), 0, a, sformCode);
	}

	/**
	 * A planar volume of {@code type} filled with seeded random bits (integers over their whole
	 * range, unsigned ones included) or Gaussian floats (σ 1000).
	 */
	static Volume<?> random(final NiftiDatatype type, final Geometry geometry, final long seed) {
		final long[] dims = geometry.dims();
		final int length = (int) (dims[0] * dims[1]);
		final Random random = new Random(seed);
		final List<Object> slices = new ArrayList<>();
		for (int z = 0; z < dims[2]; z++) {
			final Object slice = type.newSlice(length);
			for (int i = 0; i < length; i++) {
				if (slice instanceof byte[]) ((byte[]) slice)[i] = (byte) random.nextInt();
				else if (slice instanceof short[]) ((short[]) slice)[i] = (short) random.nextInt();
				else if (slice instanceof int[]) ((int[]) slice)[i] = random.nextInt();
				else if (slice instanceof long[]) ((long[]) slice)[i] = random.nextLong();
				else if (slice instanceof float[]) ((float[]) slice)[i] = (float) (1000 * random.nextGaussian());
				else ((double[]) slice)[i] = 1000 * random.nextGaussian();
			}
			slices.add(slice);
		}
		return volume(type.wrapSlices(slices, dims), geometry);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static Volume<?> volume(final PlanarImg<?, ?> image, final Geometry geometry) {
		return new Volume(image, geometry);
	}

	/** Narrows the wildcard for the writer's signature. */
	@SuppressWarnings("unchecked")
	static Volume<? extends RealType<?>> real(final Volume<?> volume) {
		return (Volume<? extends RealType<?>>) volume;
	}
}
