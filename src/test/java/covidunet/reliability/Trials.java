package covidunet.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import covidunet.dataset.BenchmarkSplits;
import covidunet.dataset.CaseNames;
import covidunet.dataset.TestDatasets;
import covidunet.model.io.ModelDirectory;
import covidunet.reliability.Trial.Prepared;
import covidunet.testing.UntrainedModels;

/**
 * Every run of the suite: each {@link BadVolume} with each subcommand it applies to, then the
 * bad outputs (unwritable, read-only, full, the input itself) and the bad models.
 */
final class Trials {

	private static final String LABELS = "labels.nii.gz", FOLDS = "folds.json", MODEL = "model", EVAL = "eval";
	private static final List<String> WRITERS = List.of("segment", "folds", "train", "evaluate");
	private static final List<String> MODEL_USERS = List.of("segment", "train", "evaluate");

	private Trials() {}

	/** All runs, in the order of docs/reliability.md. */
	static List<Trial> all() {
		final List<Trial> trials = new ArrayList<>();
		for (final BadVolume v : BadVolume.all()) {
			for (final String s : v.subcommands()) trials.add(new Trial(v.label(), s, w -> volume(v, s, w)));
		}
		for (final String s : WRITERS) {
			trials.add(new Trial("unwritable output: its folder is a regular file", s, w -> {
				final Path blocker = Files.writeString(w.out().resolve("blocker"), "a file, not a folder");
				return Prepared.refused(writing(s, w, blocker), blocker.toString());
			}));
		}
		for (final String s : WRITERS) {
			trials.add(new Trial("unwritable output: a read-only file system", s, w -> onFileSystem(s, w, SmallFileSystem
				.readOnly(w.out()))));
		}
		for (final String s : WRITERS) {
			trials.add(new Trial("full file system (a full 1 MiB tmpfs)", s, w -> onFileSystem(s, w, SmallFileSystem.full(w
				.out()))));
		}
		for (final String s : WRITERS) trials.add(new Trial("output path = input path", s, w -> outputIsInput(s, w)));
		for (final String s : MODEL_USERS) {
			trials.add(new Trial("model directory with altered weights", s, w -> badModel(s, w, false)));
		}
		for (final String s : MODEL_USERS) {
			trials.add(new Trial("model.json of a newer format version", s, w -> badModel(s, w, true)));
		}
		return trials;
	}

	/** A spoiled case: the single file for {@code info} and {@code segment}, else in a copy of the dataset. */
	private static Prepared volume(final BadVolume v, final String subcommand, final Workspace w) throws IOException {
		final String shows = !v.accepting().contains(subcommand) ? null : subcommand.equals("info") ? v.infoShows() : "";
		final boolean image = v.role() == BadVolume.Role.IMAGE;
		if (subcommand.equals("info") || subcommand.equals("segment")) {
			final List<Path> files = w.caseFiles();
			v.spoil().apply(files.get(0), files.get(1));
			final Path file = files.get(image ? 0 : 1);
			final List<String> args = subcommand.equals("info") ? Workspace.info(file) : w.segment(file, w.out().resolve(
				LABELS));
			return new Prepared(args, List.of(file.toString()), shows, null);
		}
		final Path dataset = w.dataset();
		final Path imageFile = TestDatasets.zenodoImage(dataset, Fixtures.CASE);
		final Path maskFile = TestDatasets.zenodoMask(dataset, Fixtures.CASE);
		v.spoil().apply(imageFile, maskFile);
		final List<String> names = List.of(Fixtures.CASE, (image ? imageFile : maskFile).getFileName().toString());
		return new Prepared(writing(subcommand, w, dataset, w.out()), names, shows, null);
	}

	/** A good run of a subcommand writing into {@code folder}. */
	private static List<String> writing(final String subcommand, final Workspace w, final Path folder) throws IOException {
		return writing(subcommand, w, w.dataset(), folder);
	}

	private static List<String> writing(final String subcommand, final Workspace w, final Path dataset, final Path folder) {
		return switch (subcommand) {
			case "segment" -> w.segment(TestDatasets.zenodoImage(dataset, Fixtures.CASE), folder.resolve(LABELS));
			case "folds" -> Workspace.folds(dataset, folder.resolve(FOLDS));
			case "train" -> w.train(dataset, folder.resolve(MODEL));
			case "evaluate" -> w.evaluate(dataset, w.fixtures().models(), folder.resolve(EVAL));
			default -> throw new IllegalArgumentException(subcommand);
		};
	}

	private static Prepared onFileSystem(final String subcommand, final Workspace w, final SmallFileSystem fs)
		throws IOException
	{
		try {
			return new Prepared(writing(subcommand, w, w.out()), List.of(w.out().toString()), null, fs);
		}
		catch (final IOException | RuntimeException e) {
			fs.close();
			throw e;
		}
	}

	/** The output named as the subcommand's input file or folder, with overwriting allowed. */
	private static Prepared outputIsInput(final String subcommand, final Workspace w) throws IOException {
		final Path dataset = w.dataset();
		final Path input;
		final List<String> args;
		switch (subcommand) {
			case "segment" -> {
				input = TestDatasets.zenodoImage(dataset, Fixtures.CASE);
				args = w.segment(input, input, "--overwrite", "true");
			}
			case "folds" -> {
				final String a = "[\"coronacases_001\", \"coronacases_002\"]", b = "[\"coronacases_003\", \"coronacases_004\"]";
				input = Files.writeString(w.in().resolve("benchmark.json"), "{\"" + BenchmarkSplits.SET_16_4 + "\": [" +
					"{\"train\": " + a + ", \"val\": " + b + "}, {\"train\": " + b + ", \"val\": " + a + "}]}");
				args = Workspace.folds(dataset, input, "--benchmark", input.toString(), "--overwrite", "true");
			}
			case "train" -> {
				input = dataset;
				args = w.train(dataset, dataset);
			}
			default -> {
				input = Files.createDirectories(w.in().resolve("predictions"));
				for (final String id : List.of(Fixtures.CASE, "coronacases_002")) {
					Files.copy(TestDatasets.zenodoMask(dataset, id), input.resolve(id + ".nii.gz"));
				}
				args = List.of("evaluate", "--predictions", input.toString(), "--masks", dataset.resolve(
					CaseNames.MASK_FOLDER).toString(), "--output", input.toString());
			}
		}
		return Prepared.refused(args, input.toString());
	}

	/** A copy of the fold models with fold 0's weights altered or its card from a newer format. */
	private static Prepared badModel(final String subcommand, final Workspace w, final boolean newer) throws IOException {
		final Path models = w.models();
		final Path model = models.resolve("fold_0");
		if (newer) {
			final Path json = model.resolve(ModelDirectory.MODEL_JSON);
			Files.writeString(json, Files.readString(json).replace("\"format_version\": 2", "\"format_version\": 3"));
		}
		else {
			UntrainedModels.alterWeights(model);
		}
		final Path dataset = w.dataset();
		final List<String> args = switch (subcommand) {
			case "segment" -> Workspace.segment(model, TestDatasets.zenodoImage(dataset, Fixtures.CASE), w.out().resolve(
				LABELS));
			case "train" -> w.train(dataset, w.out().resolve(MODEL), "--init_model", model.toString());
			default -> w.evaluate(dataset, models, w.out().resolve(EVAL));
		};
		return Prepared.refused(args, model.toString());
	}
}
