package covidunet.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import covidunet.dataset.TestDatasets;

/**
 * The folders of one run: {@code in/} for its inputs, {@code out/} (empty) where its outputs go,
 * and a cache beside them; and the launcher's arguments for each subcommand, with the tiny
 * options that keep the suite fast.
 *
 * @param root the run's folder, holding {@code in/} and {@code out/}
 * @param cache the preprocessing cache of {@code train}, outside {@code root}
 * @param fixtures the good inputs shared by every run
 */
record Workspace(Path root, Path cache, Fixtures fixtures) {

	/** Creates the folders of a run under {@code root}. */
	static Workspace create(final Path root, final Path cache, final Fixtures fixtures) throws IOException {
		Files.createDirectories(root.resolve("in"));
		Files.createDirectories(root.resolve("out"));
		return new Workspace(root, cache, fixtures);
	}

	/** The inputs' folder. */
	Path in() {
		return root.resolve("in");
	}

	/** The outputs' folder, empty before the run. */
	Path out() {
		return root.resolve("out");
	}

	/** A copy of the good dataset in {@code in/dataset}. */
	Path dataset() throws IOException {
		final Path copy = in().resolve("dataset");
		TestDatasets.copyTree(fixtures.dataset(), copy);
		return copy;
	}

	/** Copies of the spoiled case's image and mask in {@code in/}: {@code image.nii.gz}, {@code mask.nii.gz}. */
	List<Path> caseFiles() throws IOException {
		final Path image = Files.copy(TestDatasets.zenodoImage(fixtures.dataset(), Fixtures.CASE), in().resolve(
			"image.nii.gz"));
		final Path mask = Files.copy(TestDatasets.zenodoMask(fixtures.dataset(), Fixtures.CASE), in().resolve(
			"mask.nii.gz"));
		return List.of(image, mask);
	}

	/** A copy of the fold models in {@code in/models}. */
	Path models() throws IOException {
		final Path copy = in().resolve("models");
		TestDatasets.copyTree(fixtures.models(), copy);
		return copy;
	}

	/** The folders a run may touch: its own and the shared fixtures. */
	List<Path> watched() {
		return List.of(root, fixtures.root());
	}

	static List<String> info(final Path file) {
		return List.of("info", "--input", file.toString());
	}

	List<String> segment(final Path input, final Path output, final String... extra) {
		return segment(fixtures.model(), input, output, extra);
	}

	static List<String> segment(final Path model, final Path input, final Path output, final String... extra) {
		return args(List.of("segment", "--input", input.toString(), "--model", model.toString(), "--output", output
			.toString(), "--threads", "1"), extra);
	}

	static List<String> folds(final Path dataset, final Path output, final String... extra) {
		return args(List.of("folds", "--dataset", dataset.toString(), "--output", output.toString(), "--folds", "2",
			"--seed", "3"), extra);
	}

	List<String> train(final Path dataset, final Path output, final String... extra) {
		return args(List.of("train", "--dataset", dataset.toString(), "--folds_file", fixtures.foldsFile().toString(),
			"--fold", "0", "--output", output.toString(), "--cache", cache.toString(), "--levels", "2", "--base", "2",
			"--patch", "8,8,4", "--batch", "1", "--iterations", "1", "--epochs", "1", "--threads", "1"), extra);
	}

	List<String> evaluate(final Path dataset, final Path models, final Path output) {
		return List.of("evaluate", "--dataset", dataset.toString(), "--folds_file", fixtures.foldsFile().toString(),
			"--models", models.toString(), "--output", output.toString(), "--threads", "1");
	}

	private static List<String> args(final List<String> args, final String... extra) {
		final List<String> all = new ArrayList<>(args);
		all.addAll(List.of(extra));
		return all;
	}
}
