package covidunet.model.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads every checkpoint of a model directory that is visible under a final name
 * ({@code checkpoints/epoch-<n>}) the way a resume does: its state, and its variables restored
 * into a fresh training graph of the configuration in {@code checkpoints/config.json}.
 */
public final class CheckpointProbe {

	private static final Pattern FINAL_NAME = Pattern.compile("epoch-([0-9]+)");

	private CheckpointProbe() {}

	/**
	 * Restores each visible checkpoint.
	 *
	 * @return their epochs, ascending
	 * @throws RuntimeException if one cannot be read or restored
	 */
	public static List<Integer> restoreEach(final Path modelDir) throws IOException {
		final Path folder = modelDir.resolve(Checkpoints.FOLDER);
		final TrainingConfig config = TrainingConfig.read(folder.resolve(Trainer.CONFIG));
		final List<Integer> epochs = new ArrayList<>();
		try (Stream<Path> entries = Files.list(folder)) {
			for (final Path entry : entries.sorted().toList()) {
				final Matcher m = FINAL_NAME.matcher(entry.getFileName().toString());
				if (!m.matches()) continue;
				final Checkpoint checkpoint = new Checkpoint(entry, Integer.parseInt(m.group(1)));
				checkpoint.state();
				try (TrainingGraph graph = new TrainingGraph(config.network(), config.learningRate(), 1, 1)) {
					checkpoint.restore(graph.session());
				}
				epochs.add(checkpoint.epoch());
			}
		}
		epochs.sort(null);
		return epochs;
	}
}
