import java.nio.file.Path;
import java.util.Locale;

import covidunet.Progress;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.Dataset;
import covidunet.dataset.Fold;
import covidunet.dataset.Folds;
import covidunet.dataset.MaskReader;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiReader;
import covidunet.predict.ModelSet;
import covidunet.predict.Segmenter;
import net.imglib2.type.numeric.RealType;

/**
 * The acceptance figures of a trained model on its fold's held-out cases, on each scan's own voxel
 * grid: each case segmented as {@code segment} does ({@link Segmenter} with its defaults) and
 * compared with its mask. Prints per case the lung Dice (labels 1–3 united), the infection Dice,
 * left and right lung Dice, and then the pooled lung and infection Dice (docs/formats.md,
 * Labels).
 * <p>
 * Run from the project folder after {@code mvn package}:
 * {@code java -cp "target/classes:target/dependency/*" bench/HeldOutDice.java DATASET FOLDS FOLD MODEL}.
 */
public final class HeldOutDice {

	private HeldOutDice() {}

	@SuppressWarnings("unchecked")
	public static void main(final String[] args) {
		final Dataset dataset = Dataset.open(Path.of(args[0]));
		final Folds folds = Folds.read(Path.of(args[1]));
		final Fold fold = folds.fold(Integer.parseInt(args[2]));
		final long[] lung = new long[3], infection = new long[3];
		try (ModelSet models = ModelSet.load(Path.of(args[3]), 0)) {
			final Segmenter segmenter = new Segmenter(models, Segmenter.Options.defaults());
			for (final String id : fold.validation()) {
				final CaseFiles files = dataset.find(id).orElseThrow();
				final byte[] predicted = MaskReader.voxels("prediction", segmenter.segment(id,
					(Volume<? extends RealType<?>>) NiftiReader.read(files.image()), Progress.NONE).labels());
				final byte[] truth = MaskReader.voxels(id, MaskReader.read(files.mask()));
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
