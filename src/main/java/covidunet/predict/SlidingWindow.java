package covidunet.predict;

import java.util.Arrays;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.model.io.ModelCard;

/**
 * Segments a whole volume with a model that sees one window at a time.
 * <p>
 * The windows of a {@link WindowGrid} go to the model {@code batchSize} at a time (the last batch
 * may be smaller). Each window's probabilities, times the {@link ImportanceWeights} of its
 * voxels, are added to a running sum over the volume, and so are the weights; at the end each
 * voxel's sum is divided by its weights' sum. Memory: the sum (classes × voxels floats), the
 * weights' sum (voxels floats) and one batch of windows with their probabilities, never all
 * windows' outputs at once. An axis shorter than the window is padded at its end by repeating the
 * last voxels ({@link PaddedVolume}) and cropped again afterwards.
 * <p>
 * With mirroring, each window is also predicted mirrored along every combination of x, y and z;
 * the 8 results, mirrored back, are averaged before blending.
 * <p>
 * Reports {@code ("segmenting", windows done, windows)} after each batch and checks for
 * cancellation before each batch. Thread-safe if the model is.
 */
public final class SlidingWindow {

	/** The task named in progress reports. */
	public static final String TASK = "segmenting";

	private final WindowModel model;
	private final int[] window;
	private final int[] overlap;
	private final int batchSize;
	private final float[] weights;
	private final Progress progress;

	private SlidingWindow(final Builder b) {
		this.model = b.mirroring ? new MirroredModel(b.model, b.swappedClasses) : b.model;
		this.window = b.window;
		this.overlap = b.overlap;
		this.batchSize = b.batchSize;
		this.weights = ImportanceWeights.of(b.blending, b.window);
		this.progress = b.progress;
	}

	/**
	 * Starts describing a sliding window.
	 *
	 * @param model the model, which takes windows of this size
	 * @param window the window's sides (x, y, z), each at least 1
	 * @throws BadInputException naming {@code window} if it is not 3 sides of at least 1
	 */
	public static Builder builder(final WindowModel model, final int[] window) {
		WindowGrid.checkSides(window, "window");
		return new Builder(model, window.clone());
	}

	/**
	 * The default overlap of neighbouring windows: half the window along x and y, 3/8 of it along
	 * z, rounded down; the reference's (80, 80, 30) for windows of (160, 160, 80).
	 *
	 * @param window the window's sides (x, y, z), each at least 1
	 * @throws BadInputException naming {@code window} if it is not 3 sides of at least 1
	 */
	public static int[] defaultOverlap(final int[] window) {
		WindowGrid.checkSides(window, "window");
		return ModelCard.defaultOverlap(window);
	}

	/**
	 * The class probabilities of every voxel of a volume.
	 *
	 * @param image the volume, x fastest: voxel (x, y, z) at {@code (z·ny + y)·nx + x}; not changed
	 * @param size the volume's sides (nx, ny, nz), each at least 1
	 * @return the blended probabilities, of {@code size}
	 * @throws BadInputException naming {@code size} or {@code image} if they do not match, or if
	 *           voxels are NaN or infinite
	 * @throws covidunet.CancelledException if cancelled between batches
	 * @throws IllegalStateException if the model returns the wrong number of values
	 */
	public ProbabilityMap predict(final float[] image, final int[] size) {
		checkImage(image, size);
		final WindowGrid grid = WindowGrid.of(size, window, overlap);
		final BlendedSum sum = new BlendedSum(grid.paddedSize(), model.classes(), window, weights);
		final PaddedVolume volume = PaddedVolume.of(image, size, grid.paddedSize());
		final int windowVoxels = window[0] * window[1] * window[2];
		final int windows = grid.count();
		for (int first = 0; first < windows; first += batchSize) {
			progress.checkCancelled();
			final int count = Math.min(batchSize, windows - first);
			final float[] batch = new float[count * windowVoxels];
			for (int j = 0; j < count; j++) volume.copyWindow(grid.start(first + j), window, batch, j * windowVoxels);
			final float[] probabilities = predictChecked(model, batch, count, window);
			for (int j = 0; j < count; j++) {
				sum.add(probabilities, j * windowVoxels * model.classes(), grid.start(first + j));
			}
			progress.report(TASK, first + count, windows);
		}
		return sum.result(size);
	}

	/**
	 * The model's prediction for a batch, its length checked.
	 *
	 * @throws IllegalStateException if the model returns other than count × voxels × classes values
	 */
	static float[] predictChecked(final WindowModel model, final float[] images, final int count,
		final int[] window)
	{
		final float[] probabilities = model.predict(images, count, window.clone());
		final long expected = (long) images.length * model.classes();
		if (probabilities.length != expected) {
			throw new IllegalStateException("the model returned " + probabilities.length + " values for " + count +
				" windows of " + Arrays.toString(window) + " and " + model.classes() + " classes, expected " + expected);
		}
		return probabilities;
	}

	private static void checkImage(final float[] image, final int[] size) {
		WindowGrid.checkSides(size, "size");
		if (image == null) throw new BadInputException("image: none given");
		final long voxels = (long) size[0] * size[1] * size[2];
		if (image.length != voxels) {
			throw new BadInputException("image: has " + image.length + " voxels, but its size " + Arrays.toString(size) +
				" has " + voxels);
		}
		int bad = 0;
		for (final float value : image) {
			if (!Float.isFinite(value)) bad++;
		}
		if (bad > 0) throw new BadInputException("image: " + bad + " voxels are NaN or infinite");
	}

	/** The settings of a {@link SlidingWindow}; {@link #build()} makes it. */
	public static final class Builder {

		private final WindowModel model;
		private final int[] window;
		private int[] overlap;
		private int batchSize = 1;
		private Blending blending = Blending.GAUSSIAN;
		private boolean mirroring;
		private int[] swappedClasses = {};
		private Progress progress = Progress.NONE;

		private Builder(final WindowModel model, final int[] window) {
			this.model = model;
			this.window = window;
			this.overlap = defaultOverlap(window);
		}

		/**
		 * The overlap of neighbouring windows along x, y, z; default {@link SlidingWindow#defaultOverlap}.
		 *
		 * @throws BadInputException naming {@code overlap} unless each value is from 0 to the
		 *           window's side − 1
		 */
		public Builder overlap(final int[] xyz) {
			WindowGrid.checkOverlap(window, xyz);
			this.overlap = xyz.clone();
			return this;
		}

		/**
		 * Windows per call of the model; default 1.
		 *
		 * @throws BadInputException naming {@code batch size} if it is below 1
		 */
		public Builder batchSize(final int windows) {
			if (windows < 1) throw new BadInputException("batch size: must be at least 1, got " + windows);
			this.batchSize = windows;
			return this;
		}

		/** How overlapping windows are combined; default {@link Blending#GAUSSIAN}. */
		public Builder blending(final Blending b) {
			this.blending = b;
			return this;
		}

		/** Whether each window is also predicted on its 7 mirror images (test-time augmentation); default false. */
		public Builder mirroring(final boolean on) {
			this.mirroring = on;
			return this;
		}

		/**
		 * Two classes that exchange places in a window mirrored along x, such as the left and right
		 * lung (1 and 2); default none. Used only with {@link #mirroring}.
		 *
		 * @throws BadInputException naming {@code mirror-swapped classes} if they are equal
		 */
		public Builder mirrorSwappedClasses(final int a, final int b) {
			if (a == b) throw new BadInputException("mirror-swapped classes: must differ, got " + a + " twice");
			this.swappedClasses = new int[] { a, b };
			return this;
		}

		/** Where progress goes and cancellation comes from; default {@link Progress#NONE}. */
		public Builder progress(final Progress p) {
			this.progress = p;
			return this;
		}

		/**
		 * Checks the settings against the model and makes the sliding window.
		 *
		 * @throws BadInputException naming {@code model}, {@code mirror-swapped classes} or
		 *           {@code batch size} if the model has no classes, a swapped class is not one of the
		 *           model's, or a batch's probabilities would not fit one array
		 */
		public SlidingWindow build() {
			final int classes = model.classes();
			if (classes < 1) throw new BadInputException("model: has " + classes + " classes, needs at least 1");
			for (final int c : swappedClasses) {
				if (c < 0 || c >= classes) {
					throw new BadInputException("mirror-swapped classes: " + c + " is not one of the model's classes 0 to " +
						(classes - 1));
				}
			}
			final long batchValues = (long) batchSize * window[0] * window[1] * window[2] * classes;
			if (batchValues > Integer.MAX_VALUE - 8) {
				throw new BadInputException("batch size: " + batchSize + " windows of " + Arrays.toString(window) +
					" with " + classes + " classes do not fit one array");
			}
			return new SlidingWindow(this);
		}
	}
}
