package covidunet.sample;

import java.util.ArrayList;
import java.util.List;

import covidunet.BadInputException;
import covidunet.preprocess.PreprocessedCase;

/**
 * Validation batches as the reference makes them: one plain random crop per case, no
 * augmentation, placed uniformly (foreground oversampling does not apply). Cases are taken in
 * list order, {@code batchSize} to a batch (the last batch holds the rest). Crops are cheap, so
 * they are made on the calling thread.
 * <p>
 * The crops depend only on the seed, the {@code pass} and the case's index: pass the same number
 * every epoch (e.g. 0) to validate on the same patches throughout, so that validation losses
 * compare across epochs, or the epoch to draw new ones. The seeds are kept apart from the
 * training patches' seeds.
 */
public final class ValidationPatches {

	private static final long SALT = 0xA4093822299F31D0L;
	private static final Crop CROP = new Crop();

	private ValidationPatches() {}

	/**
	 * @param cases the validation cases
	 * @param patchSize the patch size along x, y, z
	 * @param seed the run's seed
	 * @param pass which set of crops (see the class description)
	 * @param batchSize patches per batch, at least 1
	 * @return the batches, with {@link Batch#epoch()} {@code pass} and {@link Batch#iteration()}
	 *         counting from 0
	 * @throws BadInputException if the batch size is below 1
	 */
	public static List<Batch> batches(final List<PreprocessedCase> cases, final int[] patchSize, final long seed,
		final int pass, final int batchSize)
	{
		if (batchSize < 1) throw new BadInputException("batch size: must be at least 1, got " + batchSize);
		final PatchSampler sampler = new PatchSampler(SamplingConfig.DEFAULT, patchSize);
		final long validationSeed = Seeds.mix(seed ^ SALT);
		final List<Batch> batches = new ArrayList<>();
		for (int from = 0; from < cases.size(); from += batchSize) {
			final List<Patch> patches = new ArrayList<>();
			for (int i = from; i < Math.min(cases.size(), from + batchSize); i++) {
				patches.add(PatchProducer.makePatch(cases.get(i), sampler, CROP, Seeds.forPatch(validationSeed, pass, i,
					i)));
			}
			batches.add(Batch.of(pass, batches.size(), patchSize, patches));
		}
		return batches;
	}
}
