package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import covidunet.dataset.IntensityKind;
import covidunet.dataset.TestDatasets;
import covidunet.io.Geometry;
import covidunet.model.net.Norm;
import covidunet.model.train.FoldTraining;
import covidunet.model.train.History;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.UntrainedModels;

/**
 * A dataset of six cases, its two folds and a folder of two untrained fold models (each with a
 * short history, for the fitting curves), for the tests that interrupt {@code evaluate}.
 */
final class EvaluateInputs {

	/** The case ids. */
	static final List<String> IDS = List.of("coronacases_001", "coronacases_002", "coronacases_003",
		"coronacases_004", "coronacases_005", "coronacases_006");

	private EvaluateInputs() {}

	/** Writes the six cases of 40 × 36 × 12 voxels in the Zenodo layout under {@code root}. */
	static Path dataset(final Path root) throws IOException {
		final Geometry geometry = TestDatasets.geometry(new long[] { 40, 36, 12 }, TestDatasets.AFFINE);
		for (final String id : IDS) {
			TestDatasets.image(TestDatasets.zenodoImage(root, id), IntensityKind.HU, geometry);
			TestDatasets.mask(TestDatasets.zenodoMask(root, id), geometry);
		}
		return root;
	}

	/** Writes the dataset's two folds (seed 1) to {@code file}. */
	static Path folds(final Path dataset, final Path file) {
		assertEquals(0, Launch.with(new Main(Subcommands.standard()), "folds", "--dataset", dataset.toString(), "--output",
			file.toString(), "--folds", "2", "--seed", "1").code());
		return file;
	}

	/** Exports an untrained model and a three-epoch history into {@code dir/fold_0} and {@code dir/fold_1}. */
	static Path models(final Path dir) {
		for (int k = 0; k < 2; k++) {
			final Path fold = FoldTraining.foldDirectory(dir, k);
			UntrainedModels.export(fold, UntrainedModels.tiny(Norm.INSTANCE),
				k, PreprocessConfig.REFERENCE.toBuilder().targetSpacing(1.5, 1.5, 3).build());
			final History history = History.create(fold.resolve(History.FILE_NAME));
			for (int e = 1; e <= 3; e++) history.append(new History.Row(e, 1e-3, 1.0 / e, 0.5, 0.5, 0.1 * e, 1.1 / e, 0.1, 2));
		}
		return dir;
	}
}
