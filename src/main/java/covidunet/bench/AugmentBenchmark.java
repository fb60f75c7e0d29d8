package covidunet.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import covidunet.io.Geometry;
import covidunet.preprocess.PreprocessedCase;
import covidunet.sample.AugmentationConfig;
import covidunet.sample.AugmentationDraw;
import covidunet.sample.Augmenter;
import covidunet.sample.PatchProducer;
import covidunet.sample.PatchSampler;
import covidunet.sample.SamplingConfig;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.view.Views;

/**
 * {@code bench augment}: the cost of one training patch from a seeded CT-like 256 × 256 × 128
 * case (z-scored, with labels). Prints one line:
 * <ul>
 * <li>{@code ms_per_patch_1thread}, {@code ms_per_patch_all}: median time of the full spatial
 * augmentation of a 160 × 160 × 80 patch (elastic α 450, σ 11; rotation U(±15°) about each axis;
 * scaling 1.1, the peer's parameters; cubic image, nearest labels) on one thread and split over
 * all cores;</li>
 * <li>{@code producer_patches_per_s}: patches per second that the background producer delivers
 * with the reference probabilities, on its default threads ({@code producer_threads});</li>
 * <li>{@code kernel}, {@code field_grid} (the elastic field's nodes), {@code threads}.</li>
 * </ul>
 */
public final class AugmentBenchmark {

	/** Timed repetitions, after as many untimed warm-up ones. */
	public static final int RUNS = 7;

	private static final int[] VOLUME = { 256, 256, 128 };
	private static final int[] PATCH = { 160, 160, 80 };
	private static final long SEED = 20200707L;
	private static final double PRODUCER_SECONDS = 3;

	private AugmentBenchmark() {}

	/** Runs the benchmark and prints its line to {@code out}. */
	public static void run(final PrintStream out) {
		final PreprocessedCase source = ctLikeCase();
		final int threads = Runtime.getRuntime().availableProcessors();
		final Augmenter single = new Augmenter(AugmentationConfig.reference());
		final double oneThread = medianMs(single, source);
		final ForkJoinPool pool = new ForkJoinPool(threads);
		try {
			final double all = medianMs(new Augmenter(AugmentationConfig.reference(), pool), source);
			final double producer = producerPatchesPerSecond(source);
			final int[] grid = Augmenter.elasticFieldGrid(PATCH, spatialDraw(new SplittableRandom(SEED)).elasticSigma());
			out.println(String.format(Locale.ROOT,
				"ms_per_patch_1thread=%.1f ms_per_patch_all=%.1f producer_patches_per_s=%.1f threads=%d " +
					"producer_threads=%d kernel=%s field_grid=%dx%dx%d patch=%dx%dx%d volume=%dx%dx%d",
				oneThread, all, producer, threads, PatchProducer.defaultThreads(), Augmenter.KERNEL, grid[0], grid[1], grid[2], PATCH[0], PATCH[1],
				PATCH[2], VOLUME[0], VOLUME[1], VOLUME[2]));
		}
		finally {
			pool.shutdown();
		}
	}

	/** Median milliseconds of the full spatial augmentation, after as many warm-up runs. */
	private static double medianMs(final Augmenter augmenter, final PreprocessedCase source) {
		final SplittableRandom random = new SplittableRandom(SEED);
		final double[] ms = new double[RUNS];
		for (int r = -RUNS; r < RUNS; r++) {
			final AugmentationDraw draw = spatialDraw(random);
			final double[] centre = centre(random);
			final long start = System.nanoTime();
			augmenter.apply(source, PATCH, centre, draw);
			if (r >= 0) ms[r] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		return ms[RUNS / 2];
	}

	/** The peer's spatial augmentation: alpha 450, sigma 11, random angles in ±15°, scale 1.1. */
	private static AugmentationDraw spatialDraw(final SplittableRandom random) {
		final double a = Math.toRadians(15);
		return new AugmentationDraw(false, false, false, false, 1, false, 1, false, 1, false, 0, 0,
			true, 450, 11, random.nextLong(),
			true, a * (2 * random.nextDouble() - 1), a * (2 * random.nextDouble() - 1), a * (2 * random.nextDouble() - 1),
			true, 1.1, false, false, 0);
	}

	/** A centre at least half a patch from the borders, as the peer draws it. */
	private static double[] centre(final SplittableRandom random) {
		final double[] c = new double[3];
		for (int d = 0; d < 3; d++) c[d] = PATCH[d] / 2.0 + random.nextDouble() * (VOLUME[d] - PATCH[d]);
		return c;
	}

	/**
	 * Patches per second delivered by the background producer (its default threads, the reference
	 * probabilities, batch 2), timed over {@value #PRODUCER_SECONDS} s after a warm-up third.
	 */
	private static double producerPatchesPerSecond(final PreprocessedCase source) {
		final PatchSampler sampler = new PatchSampler(SamplingConfig.DEFAULT, PATCH);
		try (PatchProducer producer = PatchProducer.builder(List.of(source), new Augmenter(AugmentationConfig
			.reference()), sampler, SEED).start())
		{
			final long warmUpEnd = System.nanoTime() + (long) (PRODUCER_SECONDS * 1e9 / 3);
			while (System.nanoTime() < warmUpEnd) producer.next();
			long patches = 0;
			final long start = System.nanoTime();
			final long end = start + (long) (PRODUCER_SECONDS * 1e9);
			while (System.nanoTime() < end) patches += producer.next().size();
			return patches / ((System.nanoTime() - start) / 1e9);
		}
	}

	/** {@link CtLikeVolume} as a z-scored-like case, (HU + 400) / 300, labels 1 in the lungs. */
	static PreprocessedCase ctLikeCase() {
		final int nx = VOLUME[0], ny = VOLUME[1], nz = VOLUME[2];
		final short[] hu = new short[nx * ny * nz];
		final Cursor<ShortType> cursor = Views.flatIterable(CtLikeVolume.create(nx, ny, nz, SEED).image()).cursor();
		for (int i = 0; i < hu.length; i++) hu[i] = cursor.next().get();
		final float[] image = new float[hu.length];
		final byte[] labels = new byte[hu.length];
		for (int i = 0; i < hu.length; i++) {
			image[i] = (hu[i] + 400) / 300f;
			labels[i] = (byte) (hu[i] < -600 && hu[i] > -950 ? 1 : 0);
		}
		return new PreprocessedCase("bench", Geometry.ofSpacing(new long[] { nx, ny, nz }, new double[] { 1.58, 1.58,
			2.7 }), image, labels);
	}
}
