import java.nio.file.Path;
import java.util.Locale;

import covidunet.Progress;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.Dataset;
import covidunet.dataset.Fold;
import covidunet.dataset.Folds;
import covidunet.dataset.MaskReader;
import covidunet.io.Volume;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelDirectory;
import covidunet.predict.ProbabilityMap;
import covidunet.predict.SlidingWindow;
import covidunet.predict.WindowModel;
import covidunet.preprocess.CaseCache;
import covidunet.preprocess.ImageInterpolation;
import covidunet.preprocess.PreprocessConfig;
import covidunet.preprocess.PreprocessedCase;
import covidunet.preprocess.Reorientation;
import covidunet.preprocess.Resampler;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * The acceptance figures of a trained model on its fold's held-out cases, on each scan's own voxel
 * grid: the model's sliding window over the preprocessed case, the class probabilities resampled
 * (linear) back onto the scan's grid in the canonical orientation, argmax, and the mask in that
 * orientation. Prints per case the lung Dice (labels 1–3 united), the infection Dice, left and right
 * lung Dice, and then the pooled lung and infection Dice (CONTRACT.md's definitions).
 * <p>
 * Run from the project folder after {@code mvn package}:
 * {@code java -cp "target/classes:target/dependency/*" bench/HeldOutDice.java DATASET FOLDS FOLD MODEL CACHE}.
 * A stand-in until {@code segment} and {@code evaluate} land.
 */
public final class HeldOutDice {

	private HeldOutDice() {}

	public static void main(final String[] args) {
		final Dataset dataset = Dataset.open(Path.of(args[0]));
		final Folds folds = Folds.read(Path.of(args[1]));
		final Fold fold = folds.fold(Integer.parseInt(args[2]));
		final CaseCache cache = CaseCache.open(Path.of(args[4]), dataset.root());
		final long[] lung = new long[3], infection = new long[3];
		try (LoadedModel model = ModelDirectory.load(Path.of(args[3]))) {
			final PreprocessConfig config = model.card().preprocessing();
			final SlidingWindow window = SlidingWindow.builder(WindowModel.tensorFlow(model::predict, 4), model.card()
				.patchSize()).overlap(model.card().overlap()).batchSize(2).mirrorSwappedClasses(1, 2).build();
			for (final String id : fold.validation()) {
				final CaseFiles files = dataset.find(id).orElseThrow();
				final PreprocessedCase c = cache.load(files, folds.kinds().get(id), config, Progress.NONE);
				final ProbabilityMap probabilities = window.predict(c.imageArray(), c.size());
				final Volume<UnsignedByteType> mask = MaskReader.read(files.mask());
				final Reorientation canonical = Reorientation.to(mask.geometry(), config.orientation());
				final byte[] truth = canonical.apply(bytes(mask));
				final long[] dims = canonical.target().dims();
				final Resampler back = Resampler.onto(c.size(), config.targetSpacing(), new int[] { (int) dims[0],
					(int) dims[1], (int) dims[2] }, canonical.target().spacing());
				final byte[] predicted = argmax(back, probabilities);
				final long[] l = counts(predicted, truth, 1, 3), i = counts(predicted, truth, 3, 3);
				System.out.printf(Locale.ROOT, "%s lung %.4f infection %s left %.4f right %.4f%n", id, dice(l), i[1] + i[2] +
					i[0] == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", dice(i)), dice(counts(predicted, truth, 1, 1)),
					dice(counts(predicted, truth, 2, 2)));
				for (int k = 0; k < 3; k++) {
					lung[k] += l[k];
					infection[k] += i[k];
				}
			}
		}
		System.out.printf(Locale.ROOT, "pooled_lung_dice=%.4f pooled_infection_dice=%.4f cases=%d%n", dice(lung), dice(
			infection), fold.validation().size());
	}

	private static byte[] bytes(final Volume<UnsignedByteType> mask) {
		final long[] d = mask.geometry().dims();
		final byte[] b = new byte[(int) (d[0] * d[1] * d[2])];
		int i = 0;
		for (final UnsignedByteType t : Views.flatIterable(mask.image())) b[i++] = (byte) t.get();
		return b;
	}

	private static byte[] argmax(final Resampler back, final ProbabilityMap probabilities) {
		float[] best = null;
		byte[] labels = null;
		for (int k = 0; k < probabilities.classes(); k++) {
			final float[] p = back.image(probabilities.channel(k), ImageInterpolation.LINEAR);
			if (best == null) {
				best = p;
				labels = new byte[p.length];
				continue;
			}
			for (int v = 0; v < p.length; v++) {
				if (p[v] > best[v]) {
					best[v] = p[v];
					labels[v] = (byte) k;
				}
			}
		}
		return labels;
	}

	/** True positives, false positives, false negatives of labels {@code low}…{@code high}. */
	private static long[] counts(final byte[] predicted, final byte[] truth, final int low, final int high) {
		final long[] c = new long[3];
		for (int v = 0; v < truth.length; v++) {
			final boolean p = predicted[v] >= low && predicted[v] <= high, t = truth[v] >= low && truth[v] <= high;
			if (p && t) c[0]++;
			else if (p) c[1]++;
			else if (t) c[2]++;
		}
		return c;
	}

	private static double dice(final long[] c) {
		return 2.0 * c[0] / (2 * c[0] + c[1] + c[2]);
	}
}
