package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.exceptions.TFResourceExhaustedException;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;


import covidunet.Progress;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.UntrainedModels;

/**
 * The out-of-memory fallback of the window pass, with a model (16 × 16 × 8 windows, 2 levels:
 * sides divisible by 2) whose stand-in runs out of memory under chosen conditions: first the
 * batch shrinks, then the windows, each retry reported; what cannot shrink is thrown.
 */
class SegmenterMemoryTest {

	private static final String RETRY = "out of memory: retrying with batch ";
	private static final long[] DIMS = { 40, 32, 20 };

	@TempDir
	static Path tmp;

	private static Path model;

	/** A model directory (an untrained tiny U-Net; the tests replace its predictions). */
	@BeforeAll
	static void exportModel() {
		final UNetConfig net = UntrainedModels.tiny(Norm.NONE);
		model = tmp.resolve("model");
		UntrainedModels.export(model, net, 1, PreprocessConfig.REFERENCE.toBuilder().targetSpacing(2.5, 2.5, 3.5).build());
	}

	/** A CT-like scan of 40 × 32 × 20 voxels at 2 × 2 × 3 mm: 32 × 25 × 17 voxels on the network's grid. */
	private static Volume<FloatType> scan() {
		final float[] v = new float[(int) (DIMS[0] * DIMS[1] * DIMS[2])];
		for (int i = 0; i < v.length; i++) v[i] = (i * 37 % 101) * 12 - 900;
		return new Volume<>(ArrayImgs.floats(v, DIMS), Geometry.ofSpacing(DIMS, new double[] { 2, 2, 3 }));
	}

	/**
	 * A 4-class model that runs {@code failure} (which throws) when {@code outOfMemory(windows,
	 * window)} holds and otherwise gives class 2 probability 1 everywhere.
	 */
	private static WindowModel failing(final BiPredicate<Integer, int[]> outOfMemory, final Runnable failure) {
		return new WindowModel() {

			@Override
			public int classes() {
				return 4;
			}

			@Override
			public float[] predict(final float[] images, final int count, final int[] window) {
				if (outOfMemory.test(count, window)) failure.run();
				final float[] p = new float[images.length * 4];
				for (int v = 0; v < images.length; v++) p[v * 4 + 2] = 1;
				return p;
			}
		};
	}

	private static void assertAllTwo(final Segmentation s) {
		final Volume<UnsignedByteType> labels = s.labels();
		assertArrayEquals(DIMS, labels.geometry().dims());
		for (final UnsignedByteType t : Views.flatIterable(labels.image())) assertEquals(2, t.get());
	}

	/** Segments the scan with batch 2 and {@code fake}; the out-of-memory reports go to {@code retries}. */
	private static Segmentation segment(final WindowModel fake, final List<String> retries) {
		final Progress progress = (task, done, total) -> {
			if (task.startsWith("out of memory")) retries.add(task);
		};
		try (ModelSet set = ModelSet.load(model, 1)) {
			return new Segmenter(set, new Segmenter.Options(null, 2, Blending.GAUSSIAN, false, false, false, false), m -> fake)
				.segment("scan", scan(), progress);
		}
	}

	@Test
	void theBatchShrinksFirstThenTheWindowsUntilThePassFits() {
		final List<String> retries = new ArrayList<>();
		final Segmentation s = segment(failing((count, window) -> count > 1 || window[0] > 4, () -> {
			throw new TFResourceExhaustedException("OOM when allocating tensor");
		}), retries);
		assertEquals(List.of(RETRY + "1 and windows of 16×16×8", RETRY + "1 and windows of 8×8×4", RETRY +
			"1 and windows of 4×4×2"), retries);
		assertAllTwo(s);
	}

	@Test
	void javaRunningOutOfMemoryIsRetriedAlike() {
		final List<String> retries = new ArrayList<>();
		final Segmentation s = segment(failing((count, window) -> count > 1, () -> {
			throw new OutOfMemoryError("Java heap space");
		}), retries);
		assertEquals(List.of(RETRY + "1 and windows of 16×16×8"), retries);
		assertAllTwo(s);
	}

	@Test
	void whenNothingCanShrinkTheErrorReachesTheCaller() {
		final List<String> retries = new ArrayList<>();
		final TFResourceExhaustedException failure = new TFResourceExhaustedException("OOM when allocating tensor");
		assertSame(failure, assertThrows(TFResourceExhaustedException.class, () -> segment(failing((count,
			window) -> true, () -> {
				throw failure;
			}), retries)));
		assertEquals(List.of(RETRY + "1 and windows of 16×16×8", RETRY + "1 and windows of 8×8×4", RETRY +
			"1 and windows of 4×4×2", RETRY + "1 and windows of 2×2×2"), retries);
	}
}
