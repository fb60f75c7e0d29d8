package covidunet.predict;

import java.util.Arrays;
import java.util.function.Function;

import org.tensorflow.exceptions.TFResourceExhaustedException;
import org.tensorflow.types.TFloat32;

import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.IntensityKind;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelCard;
import covidunet.preprocess.PreprocessConfig;
import covidunet.preprocess.PreprocessedCase;
import covidunet.preprocess.Preprocessor;
import covidunet.preprocess.Reorientation;

/**
 * Segments CT volumes with a {@link ModelSet}: the model's preprocessing (canonical orientation,
 * intensity window, target spacing), a {@link SlidingWindow} per model with the probabilities
 * averaged over an ensemble, the body mask ({@link BodyMask}) and the lungs' sides from it
 * ({@link LungSides}), optional post-processing ({@link LungComponents}), and the result
 * mapped back onto the scan's grid ({@link Segmentation}).
 * <p>
 * <b>Memory.</b> When TensorFlow or Java runs out of memory, the window pass is retried with half
 * the batch, then with smaller windows (each side halved, kept divisible by the network's
 * 2^(levels − 1) and not below it), and the retry is reported through the progress; only when
 * neither can shrink further does the error reach the caller.
 */
public final class Segmenter {

	/** The lung labels exchanged when a window is mirrored along x (left and right lung). */
	private static final int LEFT = 1, RIGHT = 2;

	/**
	 * How to segment.
	 *
	 * @param overlap the windows' overlap (x, y, z), or null for the model's default
	 * @param batchSize windows per network call, at least 1
	 * @param blending how overlapping windows are combined, or null for the model's own way
	 *          ({@link ModelCard#blending()}; Gaussian if the model does not say)
	 * @param mirroring test-time augmentation: average over the 8 mirrorings of each window
	 * @param postprocess keep the two lungs ({@link LungComponents}), drop the rest
	 * @param bodyMask label nothing outside the patient's body ({@link BodyMask})
	 * @param sidesFromBody give each lung its side by the body's midline ({@link LungSides}); needs
	 *          the body mask
	 */
	public record Options(int[] overlap, int batchSize, Blending blending, boolean mirroring, boolean postprocess,
		boolean bodyMask, boolean sidesFromBody)
	{

		/** Checks the batch size. */
		public Options {
			if (batchSize < 1) throw new BadInputException("batch: " + batchSize + " must be at least 1");
			overlap = overlap == null ? null : overlap.clone();
		}

		/**
		 * The defaults: the model's overlap and blending, batch 2, no mirroring, no post-processing,
		 * the body mask and the lungs' sides from it.
		 */
		public static Options defaults() {
			return new Options(null, 2, null, false, false, true, true);
		}
	}

	/** Runs a model on a batch of windows; the test seam for running out of memory. */
	@FunctionalInterface
	interface ModelRunner {

		/** The window model of {@code model}. */
		WindowModel of(LoadedModel model);
	}

	private final ModelSet models;
	private final Options options;
	private final Blending blending;
	private final ModelRunner runner;

	/** A segmenter with these models and options. */
	public Segmenter(final ModelSet models, final Options options) {
		this(models, options, m -> WindowModel.tensorFlow((Function<TFloat32, TFloat32>) m::predict, m.card().classes()
			.size()));
	}

	Segmenter(final ModelSet models, final Options options, final ModelRunner runner) {
		this.models = models;
		this.options = options;
		this.runner = runner;
		blending = options.blending() != null ? options.blending() : Blending.of(models.card().blending().orElse(
			Blending.GAUSSIAN.key()), "blending");
		if (options.overlap() != null) {
			WindowGrid.of(models.card().patchSize(), models.card().patchSize(), options.overlap());
		}
	}

	/**
	 * Segments one volume.
	 *
	 * @param id names the volume in messages
	 * @param image the CT in HU or in 0–255 (told apart by its range, as the dataset's cases)
	 * @throws BadInputException naming {@code id} if the volume cannot be segmented (NaN voxels…)
	 * @throws covidunet.CancelledException if cancelled
	 */
	public Segmentation segment(final String id, Volume<? extends RealType<?>> image, final Progress progress) {
		final ModelCard card = models.card();
		final PreprocessConfig config = card.preprocessing();
		final Geometry geometry = image.geometry();
		progress.report("preprocessing " + id, 0, 1);
		final IntensityKind kind = kind(image);
		final BodyMask body = options.bodyMask() ? BodyMask.of(image, kind) : null;
		final PreprocessedCase c = Preprocessor.preprocess(id, image, body == null ? null : body.volume(geometry), kind,
			config);
		image = null; // the scan is not needed any more: let it be collected while the windows run
		progress.checkCancelled();
		ProbabilityMap sum = null;
		for (final LoadedModel model : models.models()) {
			final ProbabilityMap p = predict(runner.of(model), card, c, progress);
			if (sum == null) sum = p;
			else sum.add(p);
		}
		if (models.models().size() > 1) sum.scale(1f / models.models().size());
		if (body != null) {
			sum.keepOnly(c.labelArray());
			if (options.sidesFromBody()) LungSides.assign(sum, c.labelArray(), c.geometry().affine());
		}
		if (options.postprocess()) LungComponents.keepLungs(sum, c.geometry().affine());
		progress.report("mapping back onto the scan's grid", 0, 1);
		return new Segmentation(sum, config.targetSpacing(), geometry, Reorientation.to(geometry, config
			.orientation()), models.digest(), body);
	}

	private static IntensityKind kind(final Volume<? extends RealType<?>> image) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (final RealType<?> t : Views.flatIterable(image.image())) {
			final double v = t.getRealDouble();
			if (v < min) min = v;
			if (v > max) max = v;
		}
		return IntensityKind.of(min, max);
	}

	/** The window pass with the memory fallback of the class description. */
	private ProbabilityMap predict(final WindowModel model, final ModelCard card, final PreprocessedCase c,
		final Progress progress)
	{
		final int divisor = divisor(card);
		int batch = options.batchSize();
		int[] window = card.patchSize();
		final int[] overlap = (options.overlap() != null ? options.overlap() : card.overlap()).clone();
		while (true) {
			try {
				final SlidingWindow.Builder b = SlidingWindow.builder(model, window).overlap(overlap).batchSize(batch)
					.blending(blending).mirroring(options.mirroring()).progress(progress);
				if (model.classes() > RIGHT) b.mirrorSwappedClasses(LEFT, RIGHT);
				return b.build().predict(c.imageArray(), c.size());
			}
			catch (final TFResourceExhaustedException | OutOfMemoryError e) {
				if (batch > 1) {
					batch = Math.max(1, batch / 2);
				}
				else {
					final int[] smaller = smaller(window, divisor);
					if (Arrays.equals(smaller, window)) throw e;
					for (int d = 0; d < 3; d++) overlap[d] = overlap[d] * smaller[d] / window[d];
					window = smaller;
				}
				progress.report("out of memory: retrying with batch " + batch + " and windows of " + window[0] + "×" +
					window[1] + "×" + window[2], 0, 1);
			}
		}
	}

	/** The network's size divisor, 2^(levels − 1), from the card's architecture. */
	private static int divisor(final ModelCard card) {
		final int levels = card.architecture().has("levels") ? card.architecture().get("levels").getAsInt() : 1;
		return 1 << (levels - 1);
	}

	private static int[] smaller(final int[] window, final int divisor) {
		final int[] s = new int[3];
		for (int d = 0; d < 3; d++) s[d] = Math.max(divisor, window[d] / 2 / divisor * divisor);
		return s;
	}
}
