package covidunet.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

import covidunet.preprocess.PreprocessedCase;

/**
 * The training augmentation (docs/method.md; batchgenerators semantics) fused with the crop: one
 * {@link AugmentationDraw} from the patch's random, then one coordinate map (mirroring, elastic
 * deformation, rotation, scaling and the move to the centre; see {@link CoordinateMap}) and one
 * interpolation, then the intensity operations on the patch.
 * <p>
 * <b>Interpolation.</b> The image is sampled with Keys' cubic convolution (Catmull–Rom, a = −½),
 * the labels with the nearest voxel; outside the volume the image is the case's minimum (air, as
 * MIScnn pads training patches) and the labels background.
 * It replaces SciPy's prefiltered order-3 B-spline (docs/method.md): it interpolates the
 * voxels themselves, so it needs no prefiltered copy of the volume (no per-case cache, no doubled
 * memory, nothing to invalidate), it reproduces polynomials up to degree 2 (the B-spline up to 3)
 * and it overshoots less at sharp edges. {@link #KERNEL} names it.
 * <p>
 * <b>Elastic field.</b> batchgenerators' Gaussian-smoothed uniform noise, computed on a grid up to
 * 4 times coarser per axis (4 for sigma ≥ 8; 41 × 41 × 21 nodes for a 160 × 160 × 80 patch) and
 * interpolated trilinearly; see {@link ElasticField}.
 * <p>
 * <b>No spatial operation.</b> The patch is a plain copy of the voxels whose first one is the
 * nearest voxel to {@code centre − (size − 1) / 2} (exact when that is integral), mirrored by
 * reversing axes; no interpolation.
 * <p>
 * <b>A scan's end.</b> With {@link AugmentationConfig#scanEndProbability()}, after the crop or
 * resampling, the slices on one side of a plane across the patch's z repeat the slice next to the
 * plane, image and labels, as {@code segment} pads a scan that ends there.
 * <p>
 * <b>Mirroring along x exchanges the lungs' labels.</b> Unlike the reference, which keeps the
 * labels as they are, a patch mirrored along x (either path) has labels 1 (left lung) and 2
 * (right lung) exchanged; background and infection stay. Preprocessed cases are in a canonical
 * orientation where x is the left–right axis, so a mirrored left lung looks like a right lung:
 * keeping its label would teach the network that the same anatomy is both. Mirroring along y or
 * z keeps the labels.
 * <p>
 * Instances are immutable and thread-safe; one with a {@link ForkJoinPool} also splits each
 * resampling over the pool's threads, with the same result.
 */
public final class Augmenter implements PatchMaker {

	/** The image interpolation kernel, for reports. */
	public static final String KERNEL = "catmull-rom";

	/** The left lung's label. */
	private static final byte LEFT_LUNG = 1;

	/** The right lung's label. */
	private static final byte RIGHT_LUNG = 2;

	/** Rows of the patch per task when one resampling is split over threads. */
	private static final int ROWS_PER_TASK = 64;

	private final AugmentationConfig config;
	private final ForkJoinPool pool;

	/** An augmenter that makes each patch on the calling thread. */
	public Augmenter(final AugmentationConfig config) {
		this(config, null);
	}

	/**
	 * An augmenter that splits each resampling over {@code pool} (or works on the calling thread
	 * if it is {@code null}).
	 */
	public Augmenter(final AugmentationConfig config, final ForkJoinPool pool) {
		this.config = config;
		this.pool = pool;
	}

	/** The probabilities and ranges. */
	public AugmentationConfig config() {
		return config;
	}

	/**
	 * Draws the augmentation from {@code random} ({@link AugmentationDraw#draw}) and {@link #apply
	 * applies} it.
	 *
	 * @throws IllegalArgumentException if the case has no labels or the size or centre is impossible
	 */
	@Override
	public Patch make(final PreprocessedCase source, final int[] size, final double[] centre,
		final SplittableRandom random)
	{
		return apply(source, size, centre, AugmentationDraw.draw(config, random));
	}

	/**
	 * Cuts the patch of {@code source} around {@code centre} with the choices of {@code draw}.
	 *
	 * @throws IllegalArgumentException if the case has no labels or the size or centre is impossible
	 */
	public Patch apply(final PreprocessedCase source, final int[] size, final double[] centre,
		final AugmentationDraw draw)
	{
		if (!source.hasLabels()) throw new IllegalArgumentException(source.id() + " has no labels to cut patches of");
		if (size.length != 3 || centre.length != 3) throw new IllegalArgumentException("size and centre need 3 axes");
		for (int d = 0; d < 3; d++) {
			if (size[d] < 1) throw new IllegalArgumentException("patch size " + size[d] + " along " + "xyz".charAt(d));
			if (!Double.isFinite(centre[d])) throw new IllegalArgumentException("patch centre " + centre[d]);
		}
		final int voxels = Math.multiplyExact(Math.multiplyExact(size[0], size[1]), size[2]);
		final float[] image = new float[voxels];
		final byte[] labels = new byte[voxels];
		final byte[] outside = draw.intensity() ? new byte[voxels] : null;
		if (draw.spatial()) {
			resample(source, size, centre, draw, image, labels, outside);
		}
		else {
			crop(source, size, centre, draw, image, labels, outside);
		}
		if (draw.mirrorX()) exchangeLungs(labels);
		if (draw.scanEnd()) endScan(size, draw, image, labels);
		IntensityOps.apply(draw, image, outside);
		return new Patch(source.id(), size.clone(), image, labels);
	}

	private void resample(final PreprocessedCase source, final int[] size, final double[] centre,
		final AugmentationDraw draw, final float[] image, final byte[] labels, final byte[] outside)
	{
		final CoordinateMap map = new CoordinateMap(draw, size, centre);
		final CubicSampler sampler = new CubicSampler(source.imageArray(), source.labelArray(), source.size(),
			source.imageMinimum());
		final int rows = size[1] * size[2];
		if (pool == null || pool.getParallelism() == 1 || rows <= ROWS_PER_TASK) {
			resampleRows(map, sampler, size, 0, rows, image, labels, outside);
			return;
		}
		final List<RecursiveAction> tasks = new ArrayList<>();
		for (int first = 0; first < rows; first += ROWS_PER_TASK) {
			final int from = first, to = Math.min(rows, first + ROWS_PER_TASK);
			tasks.add(new RecursiveAction() {

				private static final long serialVersionUID = 1L;

				@Override
				protected void compute() {
					resampleRows(map, sampler, size, from, to, image, labels, outside);
				}
			});
		}
		pool.invoke(new RecursiveAction() {

			private static final long serialVersionUID = 1L;

			@Override
			protected void compute() {
				ForkJoinTask.invokeAll(tasks);
			}
		});
	}

	/** Resamples patch rows {@code from} … {@code to − 1} (row r is y = r mod ny, z = r / ny). */
	private static void resampleRows(final CoordinateMap map, final CubicSampler sampler, final int[] size,
		final int from, final int to, final float[] image, final byte[] labels, final byte[] outside)
	{
		final CoordinateMap.Rows points = map.newRows();
		final int nx = size[0], ny = size[1];
		for (int r = from; r < to; r++) {
			map.row(r % ny, r / ny, points);
			sampler.row(points.x, points.y, points.z, nx, image, labels, r * nx, outside);
		}
	}

	/** The plain crop, axes reversed where mirrored, the minimum / background outside the volume. */
	private static void crop(final PreprocessedCase source, final int[] size, final double[] centre,
		final AugmentationDraw draw, final float[] image, final byte[] labels, final byte[] outside)
	{
		final int[] dims = source.size();
		final float[] srcImage = source.imageArray();
		final byte[] srcLabels = source.labelArray();
		final int[] start = plainCropStart(size, centre);
		final float air = source.imageMinimum();
		final int nx = size[0], ny = size[1], nz = size[2];
		for (int k = 0; k < nz; k++) {
			final int z = start[2] + (draw.mirrorZ() ? nz - 1 - k : k);
			for (int j = 0; j < ny; j++) {
				final int y = start[1] + (draw.mirrorY() ? ny - 1 - j : j);
				final int row = (k * ny + j) * nx;
				final boolean rowInside = z >= 0 && z < dims[2] && y >= 0 && y < dims[1];
				final int srcRow = (z * dims[1] + y) * dims[0];
				for (int i = 0; i < nx; i++) {
					final int x = start[0] + (draw.mirrorX() ? nx - 1 - i : i);
					if (rowInside && x >= 0 && x < dims[0]) {
						image[row + i] = srcImage[srcRow + x];
						labels[row + i] = srcLabels[srcRow + x];
					}
					else {
						image[row + i] = air;
						if (outside != null) outside[row + i] = 1;
					}
				}
			}
		}
	}

	/**
	 * Makes the patch end at the draw's plane as a short scan does at inference: the slices beyond
	 * it repeat the last slice before it, image and labels ({@code segment} pads a scan shorter
	 * than its window so).
	 */
	private static void endScan(final int[] size, final AugmentationDraw draw, final float[] image,
		final byte[] labels)
	{
		final int slice = size[0] * size[1], depth = size[2];
		final int plane = 1 + (int) (draw.scanEndAt() * (depth - 1));
		final int last = draw.scanEndAbove() ? plane - 1 : plane;
		for (int z = draw.scanEndAbove() ? plane : 0; z < (draw.scanEndAbove() ? depth : plane); z++) {
			System.arraycopy(image, last * slice, image, z * slice, slice);
			System.arraycopy(labels, last * slice, labels, z * slice, slice);
		}
	}

	/** Exchanges the left and right lung labels, for a patch mirrored along x. */
	private static void exchangeLungs(final byte[] labels) {
		for (int i = 0; i < labels.length; i++) {
			if (labels[i] == LEFT_LUNG) labels[i] = RIGHT_LUNG;
			else if (labels[i] == RIGHT_LUNG) labels[i] = LEFT_LUNG;
		}
	}

	/**
	 * The nodes of the elastic field's coarse grid along x, y, z for a patch of {@code size} and a
	 * smoothing of {@code sigma} voxels.
	 */
	public static int[] elasticFieldGrid(final int[] size, final double sigma) {
		return ElasticField.grid(size, ElasticField.factorFor(sigma));
	}

	/**
	 * The case voxel of a plain crop's first patch voxel: the nearest to
	 * {@code centre − (size − 1) / 2} on each axis (halves rounded up).
	 */
	public static int[] plainCropStart(final int[] size, final double[] centre) {
		final int[] start = new int[3];
		for (int d = 0; d < 3; d++) start[d] = Crop.start(centre[d], size[d]);
		return start;
	}
}
