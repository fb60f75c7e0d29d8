package covidunet.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import covidunet.Progress;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiDatatype;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Makes the voxels of a planned case, slice by slice: the noise-free slice
 * ({@link SliceRenderer}), blurred in-plane at once and along z when all slices are done, then
 * the scanner's Gaussian noise (from a generator seeded per slice, so the result does not depend
 * on threads; white for a sharp kernel, blurred in-plane to the kernel's grain and rescaled to
 * the same standard deviation for a smooth one), clipped to the scanner's range [−1024, 3071] HU,
 * padded outside the reconstruction circle where the case has one; for radiopaedia-like cases
 * windowed to [−1250, 250] and rescaled to 0–255.
 */
public final class CaseSynthesizer {

	/** The window of the radiopaedia-like cases, mapped linearly onto 0–255. */
	public static final double WINDOW_LOW = -1250, WINDOW_HIGH = 250;

	private static final int MIN_HU = -1024, MAX_HU = 3071;

	private CaseSynthesizer() {}

	/**
	 * The case's image and labels.
	 *
	 * @param progress checked for cancellation between slices
	 * @throws covidunet.CancelledException if cancelled
	 */
	public static PhantomVolumes synthesize(final PhantomCase plan, final Progress progress) {
		final Geometry geometry = plan.geometry();
		final long[] dims = geometry.dims();
		final VoxelGrid grid = new VoxelGrid(dims, geometry.affine(), plan.acquisition.patientOrigin);
		final SliceRenderer renderer = new SliceRenderer(plan.anatomy, plan.lesions, grid);
		final GaussianBlur blur = new GaussianBlur(plan.blur());
		final int n = grid.nx * grid.ny;
		final short[][] hu = new short[grid.nz][];
		final List<byte[]> labels = new ArrayList<>(grid.nz);
		final float[] slice = new float[n];
		for (int k = 0; k < grid.nz; k++) {
			progress.checkCancelled();
			final byte[] sliceLabels = new byte[n];
			renderer.render(k, slice, sliceLabels);
			blur.blurSlice(slice, grid.nx, grid.ny);
			hu[k] = new short[n];
			for (int i = 0; i < n; i++) hu[k][i] = (short) Math.round(Math.max(-32768, Math.min(32767, slice[i])));
			labels.add(sliceLabels);
		}
		progress.checkCancelled();
		blur.blurStack(hu);
		final boolean[] outside = plan.hasReconstructionCircle() ? outsideCircle(grid, geometry) : null;
		final short padding = plan.padding();
		final GaussianBlur grain = plan.noiseGrain() > 0 ? new GaussianBlur(plan.noiseGrain()) : null;
		final double noise = grain == null ? plan.noise() : plan.noise() / grain.whiteNoiseGain();
		final List<Object> image = new ArrayList<>(grid.nz);
		final float[] noiseSlice = new float[n];
		for (int k = 0; k < grid.nz; k++) {
			final SplittableRandom random = Seeds.random(plan.seed(), Seeds.NOISE, k);
			for (int i = 0; i < n; i++) noiseSlice[i] = (float) random.nextGaussian();
			if (grain != null) grain.blurSlice(noiseSlice, grid.nx, grid.ny);
			final short[] s = hu[k];
			for (int i = 0; i < n; i++) {
				final long v = Math.round(s[i] + noise * noiseSlice[i]);
				s[i] = outside != null && outside[i] ? padding : (short) Math.max(MIN_HU, Math.min(MAX_HU, v));
			}
			image.add(plan.isRadiopaedia() ? window(s) : s);
			hu[k] = null;
		}
		final NiftiDatatype type = plan.isRadiopaedia() ? NiftiDatatype.UINT8 : NiftiDatatype.INT16;
		@SuppressWarnings("unchecked")
		final PlanarImg<UnsignedByteType, ?> labelImg = (PlanarImg<UnsignedByteType, ?>) NiftiDatatype.UINT8
			.wrapSlices(labels, dims);
		return new PhantomVolumes(volume(type.wrapSlices(image, dims), geometry), new Volume<>(labelImg, geometry));
	}

	/** The 0–255 value of each HU value, as uint8 bits. */
	private static byte[] window(final short[] hu) {
		final byte[] out = new byte[hu.length];
		final double scale = 255 / (WINDOW_HIGH - WINDOW_LOW);
		for (int i = 0; i < hu.length; i++) {
			final double clipped = Math.max(WINDOW_LOW, Math.min(WINDOW_HIGH, hu[i]));
			out[i] = (byte) Math.round((clipped - WINDOW_LOW) * scale);
		}
		return out;
	}

	/** Which pixels of a slice lie outside the circle inscribed in the field of view. */
	private static boolean[] outsideCircle(final VoxelGrid grid, final Geometry geometry) {
		final double[] spacing = geometry.spacing();
		final double radius = Math.min(grid.nx * spacing[0], grid.ny * spacing[1]) / 2;
		final boolean[] outside = new boolean[grid.nx * grid.ny];
		for (int j = 0; j < grid.ny; j++) {
			final double y = (j - (grid.ny - 1) / 2.0) * spacing[1];
			for (int i = 0; i < grid.nx; i++) {
				final double x = (i - (grid.nx - 1) / 2.0) * spacing[0];
				outside[j * grid.nx + i] = x * x + y * y > radius * radius;
			}
		}
		return outside;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Volume<?> volume(final PlanarImg img, final Geometry geometry) {
		return new Volume<>(img, geometry);
	}
}
