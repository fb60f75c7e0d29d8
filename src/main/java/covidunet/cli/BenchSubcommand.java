package covidunet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import covidunet.BadInputException;
import covidunet.bench.AugmentBenchmark;
import covidunet.bench.InferBenchmark;
import covidunet.bench.IoBenchmark;
import covidunet.bench.TrainBenchmark;

/**
 * {@code bench WHAT …}: one line of {@code key=value} figures. Available: {@code io} (NIfTI read
 * speed; {@code --output F} keeps the benchmark file at F, e.g. to time {@code info} on it),
 * {@code augment} (time of one augmented training patch; no options), {@code train} (time of one
 * training step of the U-Net; options in {@link TrainBenchmark}) and {@code infer} (time of one
 * forward pass and of segmenting a whole volume; options in {@link InferBenchmark}).
 */
public final class BenchSubcommand {

	private BenchSubcommand() {}

	/** Runs the benchmark named by {@code options.get("what")} and prints its line to {@code out}. */
	public static void run(final Map<String, String> options, final PrintStream out) {
		final String what = options.get("what");
		if (what == null) throw new BadInputException("missing benchmark name: bench io|augment|train|infer");
		switch (what) {
			case "io" -> io(options, out);
			case "augment" -> {
				onlyOptions(options, "augment");
				AugmentBenchmark.run(out);
			}
			case "train" -> {
				onlyOptions(options, "train", TrainBenchmark.OPTIONS);
				TrainBenchmark.run(options, out);
			}
			case "infer" -> {
				onlyOptions(options, "infer", InferBenchmark.OPTIONS);
				InferBenchmark.run(options, out);
			}
			default -> throw new BadInputException("unknown benchmark '" + what + "' (available: io, augment, train, infer)");
		}
	}

	private static void io(final Map<String, String> options, final PrintStream out) {
		onlyOptions(options, "io", "output");
		final String output = options.get("output");
		if (output != null) {
			IoBenchmark.run(Path.of(output), true, out);
			return;
		}
		try {
			final Path dir = Files.createTempDirectory("covid-unet-bench-io");
			IoBenchmark.run(dir.resolve("ct.nii.gz"), false, out);
			Files.deleteIfExists(dir);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void onlyOptions(final Map<String, String> options, final String what, final String... allowed) {
		for (final String key : options.keySet()) {
			if (!key.equals("what") && !List.of(allowed).contains(key)) {
				throw new BadInputException("unknown option --" + key + " for 'bench " + what + "'");
			}
		}
	}
}
