package covidunet.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.Progress;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.Dataset;
import covidunet.dataset.IntensityKind;
import covidunet.phantom.PhantomCohort;
import covidunet.preprocess.CaseCache;
import covidunet.preprocess.PreprocessConfig;
import covidunet.preprocess.PreprocessedCase;
import covidunet.sample.AugmentationConfig;
import covidunet.sample.Augmenter;
import covidunet.sample.Batch;
import covidunet.sample.PatchProducer;
import covidunet.sample.PatchSampler;
import covidunet.sample.SamplingConfig;

/**
 * The stages before the network, end to end on a synthetic cohort: dataset → kinds → cache →
 * augmented batches, as the trainer will use them.
 */
class TrainingInputTest {

	@TempDir
	Path dir;

	@Test
	void aPhantomCohortBecomesAugmentedBatches() {
		final Path cohort = dir.resolve("cohort");
		PhantomCohort.of(11, 4, "small").write(cohort, false, 2, Progress.NONE);
		final Dataset dataset = Dataset.open(cohort);
		final SortedMap<String, IntensityKind> kinds = dataset.intensityKinds(Progress.NONE);
		assertTrue(kinds.containsValue(IntensityKind.RESCALED_0_255), "the cohort has a 0-255 case: " + kinds);

		final CaseCache cache = CaseCache.open(dir.resolve("cache"), cohort);
		final List<PreprocessedCase> cases = new ArrayList<>();
		for (final CaseFiles c : dataset.cases()) {
			cases.add(cache.load(c, kinds.get(c.id()), PreprocessConfig.REFERENCE, Progress.NONE));
		}
		for (final PreprocessedCase c : cases) {
			assertEquals("RAS", c.geometry().orientation(), c.id());
			assertLeftLungAtLowX(c);
		}
		assertEquals(4, cache.misses());
		for (final CaseFiles c : dataset.cases()) {
			cache.load(c, kinds.get(c.id()), PreprocessConfig.REFERENCE, Progress.NONE);
		}
		assertEquals(4, cache.hits(), "the second pass comes from the cache");

		final SamplingConfig sampling = SamplingConfig.DEFAULT.withForegroundFraction(0.33);
		final long[] classVoxels = new long[4];
		try (PatchProducer producer = PatchProducer.builder(cases, new Augmenter(AugmentationConfig.reference()),
			new PatchSampler(sampling, 48, 48, 24), 5).batchSize(2).iterationsPerEpoch(6).threads(2).start())
		{
			for (int b = 0; b < 6; b++) {
				final Batch batch = producer.next();
				assertEquals(2 * 48 * 48 * 24, batch.images().length);
				for (final float v : batch.images()) assertTrue(Float.isFinite(v), "finite image values");
				for (final byte l : batch.labels()) classVoxels[l]++;
			}
		}
		assertTrue(classVoxels[0] > 0 && classVoxels[1] + classVoxels[2] > 0, "background and lungs are sampled");
	}

	/** In the canonical RAS grid, the patient's left lung (label 1) lies at lower x than the right. */
	private static void assertLeftLungAtLowX(final PreprocessedCase c) {
		final int nx = c.size()[0];
		final byte[] labels = c.labelArray();
		double left = 0, right = 0;
		long nLeft = 0, nRight = 0;
		for (int i = 0; i < labels.length; i++) {
			if (labels[i] == 1) {
				left += i % nx;
				nLeft++;
			}
			else if (labels[i] == 2) {
				right += i % nx;
				nRight++;
			}
		}
		assertTrue(nLeft > 0 && nRight > 0, c.id() + " has both lungs");
		assertTrue(left / nLeft < right / nRight, c.id() + ": left lung at mean x " + left / nLeft +
			", right at " + right / nRight);
	}
}
