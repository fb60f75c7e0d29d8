package covidunet.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scijava.command.Command;

import covidunet.command.CheckBackendCommand;
import covidunet.command.DownloadDatasetCommand;
import covidunet.command.DownloadModelsCommand;
import covidunet.command.EvaluateFoldsCommand;
import covidunet.command.ExploreDatasetCommand;
import covidunet.command.GeneratePhantomCommand;
import covidunet.command.ImportKerasModelCommand;
import covidunet.command.PrepareFoldsCommand;
import covidunet.command.RunDemoCommand;
import covidunet.command.SegmentVolumeCommand;
import covidunet.command.TrainUNetCommand;

/**
 * The launcher's subcommands, in the order {@code --help} lists them. Most map onto a SciJava
 * {@link Command} whose inputs are the subcommand's options; a few ({@code info}, {@code bench})
 * are built in: they run without a SciJava context and without loading TensorFlow, so that they
 * start fast. Instances are immutable.
 */
public final class Subcommands {

	/** A subcommand that runs without a SciJava context. */
	@FunctionalInterface
	public interface Builtin {

		/**
		 * @param options the options by key, plus the positional arguments under their names
		 * @param out where results go
		 */
		void run(Map<String, String> options, PrintStream out);
	}

	/** One subcommand: either a command class or a built-in. */
	public static final class Entry {

		private final String name;
		private final String summary;
		private final Class<? extends Command> command;
		private final Builtin builtin;
		private final List<String> positionals;

		private Entry(final String name, final String summary, final Class<? extends Command> command,
			final Builtin builtin, final List<String> positionals)
		{
			this.name = name;
			this.summary = summary;
			this.command = command;
			this.builtin = builtin;
			this.positionals = List.copyOf(positionals);
		}

		/** The name typed after {@code covid-unet}. */
		public String name() {
			return name;
		}

		/** One line for {@code --help}. */
		public String summary() {
			return summary;
		}

		/** The command class, or {@code null} for a built-in. */
		public Class<? extends Command> command() {
			return command;
		}

		/** The built-in, or {@code null} for a command. */
		public Builtin builtin() {
			return builtin;
		}

		/** Names under which a built-in receives its positional arguments, in order. */
		public List<String> positionals() {
			return positionals;
		}
	}

	private final List<Entry> entries;

	private Subcommands(final List<Entry> entries) {
		this.entries = Collections.unmodifiableList(entries);
	}

	/**
	 * The project's subcommands, in the order of docs/cli.md's table. A new one is one more line here, e.g.
	 * {@code .command("phantom", GeneratePhantomCommand.class, "synthetic cohort ...")}.
	 */
	public static Subcommands standard() {
		return new Subcommands(List.of())
			.command("check", CheckBackendCommand.class,
				"TensorFlow version, the devices really used (CPU / GPU), threads")
			.builtin("info", "--input F: one JSON object describing a NIfTI file", InfoSubcommand::run)
			.command("phantom", GeneratePhantomCommand.class,
				"--output DIR --cases N --seed S [--size small|full]: synthetic cohort in the real dataset's layout")
			.command("download", DownloadDatasetCommand.class,
				"--output DIR [--base_url URL] [--checksums F]: the 20-case dataset with progress and digest check")
			.command("explore", ExploreDatasetCommand.class,
				"--dataset DIR --output DIR: per-case table (CSV) and figures: dims, spacing, intensities, class volumes")
			.command("folds", PrepareFoldsCommand.class,
				"--dataset DIR --output F.json --folds K --seed S: seeded K-fold split; F.csv beside it")
			.command("train", TrainUNetCommand.class,
				"--dataset DIR --folds_file F --fold K|all --output DIR: train the 3D U-Net (a model directory)")
			.command("segment", SegmentVolumeCommand.class,
				"--input F|DIR (--model DIR | --model_source published) --output F|DIR: label NIfTI with the input's " +
					"geometry, and volumetrics")
			.command("evaluate", EvaluateFoldsCommand.class,
				"--output DIR (--predictions DIR --masks DIR | --dataset DIR --folds_file F --models DIR): CSVs of scores")
			.command("demo", RunDemoCommand.class, "--output DIR [--all_folds true] [--minutes M]: phantom, folds, " +
				"training, segmentation and evaluation in one go")
			.builtin("bench", "WHAT [--key value ...]: one line of key=value figures " +
				"(WHAT: io, augment, train, infer)", BenchSubcommand::run, "what")
			.command("import-keras", ImportKerasModelCommand.class,
				"--input F.hdf5 --output DIR: a model directory from a Keras 2.x HDF5 model file")
			.command("download-model", DownloadModelsCommand.class,
				"--output DIR [--base_url URL]: the published fold models (Zenodo 3902293), imported as " +
					"DIR/fold_0 ... fold_4");
	}

	/** These subcommands and one more that runs {@code command}. */
	public Subcommands command(final String name, final Class<? extends Command> command,
		final String summary)
	{
		return with(new Entry(name, summary, command, null, List.of()));
	}

	/**
	 * These subcommands and one more built-in.
	 *
	 * @param positionals names under which the built-in receives its positional arguments
	 */
	public Subcommands builtin(final String name, final String summary, final Builtin builtin,
		final String... positionals)
	{
		return with(new Entry(name, summary, null, builtin, List.of(positionals)));
	}

	private Subcommands with(final Entry entry) {
		if (find(entry.name()).isPresent()) {
			throw new IllegalArgumentException("subcommand '" + entry.name() + "' is registered twice");
		}
		final List<Entry> more = new ArrayList<>(entries);
		more.add(entry);
		return new Subcommands(more);
	}

	/** The subcommand of that name, if there is one. */
	public Optional<Entry> find(final String name) {
		for (final Entry entry : entries) {
			if (entry.name().equals(name)) return Optional.of(entry);
		}
		return Optional.empty();
	}

	/** All subcommands, in order. */
	public List<Entry> all() {
		return entries;
	}

	/** The names, comma-separated, for messages. */
	public String names() {
		final List<String> names = new ArrayList<>();
		for (final Entry entry : entries) {
			names.add(entry.name());
		}
		return String.join(", ", names);
	}
}
