package covidunet.reliability;

import java.io.IOException;
import java.nio.file.Path;

import covidunet.cli.Launch;
import covidunet.cli.Main;
import covidunet.cli.Subcommands;
import covidunet.dataset.TestDatasets;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.UntrainedModels;

/**
 * The good inputs the suite spoils or uses beside a bad one, made once: a 4-case dataset of
 * {@link TestDatasets}, its 2-fold split made by {@code folds}, and a folder of two untrained
 * tiny fold models.
 *
 * @param root the folder holding them all
 * @param dataset the dataset (Zenodo layout)
 * @param foldsFile its folds file
 * @param models the folder of {@code fold_0} and {@code fold_1}
 */
record Fixtures(Path root, Path dataset, Path foldsFile, Path models) {

	/** The case whose files are spoiled. */
	static final String CASE = "coronacases_001";

	/** Makes the fixtures under {@code root}. */
	static Fixtures create(final Path root) throws IOException {
		final Path dataset = TestDatasets.zenodo(root.resolve("dataset"), TestDatasets.hu(CASE, "coronacases_002",
			"coronacases_003", "coronacases_004"));
		final Path folds = root.resolve("folds.json");
		final Launch split = Launch.with(new Main(Subcommands.standard()), "folds", "--dataset", dataset.toString(),
			"--output", folds.toString(), "--folds", "2", "--seed", "3");
		if (split.code() != 0) throw new IllegalStateException("folds of the good dataset: " + split.err());
		final Path models = root.resolve("models");
		final UNetConfig net = UntrainedModels.tiny(Norm.INSTANCE);
		UntrainedModels.export(models.resolve("fold_0"), net, 3, PreprocessConfig.REFERENCE.toBuilder()
			.targetSpacing(2.5, 2.5, 3.5).build());
		TestDatasets.copyTree(models.resolve("fold_0"), models.resolve("fold_1"));
		return new Fixtures(root, dataset, folds, models);
	}

	/** The model {@code segment} uses. */
	Path model() {
		return models.resolve("fold_0");
	}
}
