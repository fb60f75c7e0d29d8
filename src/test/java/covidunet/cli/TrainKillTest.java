package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

import covidunet.dataset.TestDatasets;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelDirectory;
import covidunet.model.train.Checkpoints;
import covidunet.model.train.History;

/**
 * A training killed with SIGKILL in a child JVM resumes from its checkpoint and continues its
 * history; the exported model gives bit-identical probabilities in a fresh JVM.
 */
class TrainKillTest {

	@TempDir
	Path tmp;

	private Process launch(final Path log, final String... args) throws IOException {
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Djava.awt.headless=true", "--add-opens", "java.base/java.io=ALL-UNNAMED", "-cp", System
				.getProperty("java.class.path")));
		command.addAll(List.of(args));
		final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		return builder.start();
	}

	private List<String> trainArgs(final Path dataset, final Path folds, final Path out, final int epochs) {
		return List.of(Main.class.getName(), "train", "--dataset", dataset.toString(), "--folds_file", folds.toString(),
			"--fold", "0", "--output", out.toString(), "--cache", tmp.resolve("cache").toString(), "--levels", "2",
			"--base", "2", "--patch", "8,8,4", "--batch", "1", "--iterations", "3", "--epochs", Integer.toString(epochs),
			"--threads", "1", "--resume", "true");
	}

	@Test
	void aKilledTrainingResumesAndItsModelPredictsTheSameInAFreshJvm() throws Exception {
		final Path dataset = TestDatasets.zenodo(tmp.resolve("data"), TestDatasets.hu("coronacases_001",
			"coronacases_002", "coronacases_003"));
		final Path folds = tmp.resolve("folds.json");
		assertEquals(0, Launch.with(new Main(Subcommands.standard()), "folds", "--dataset", dataset.toString(), "--output",
			folds.toString(), "--folds", "3", "--seed", "1").code());
		final Path out = tmp.resolve("model");
		final Path history = out.resolve(History.FILE_NAME);
		final Process first = launch(tmp.resolve("first.log"), trainArgs(dataset, folds, out, 10_000).toArray(
			String[]::new));
		final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (Checkpoints.latest(out).map(c -> c.epoch()).orElse(0) < 3 && first.isAlive() && System
			.nanoTime() < deadline)
		{
			Thread.sleep(50);
		}
		assertTrue(first.isAlive(), () -> "the training ended before it was killed: " + read(tmp.resolve("first.log")));
		first.destroyForcibly();
		assertTrue(first.waitFor(30, TimeUnit.SECONDS));
		assertEquals(137, first.exitValue(), "killed by SIGKILL");
		final List<History.Row> before = History.read(history).rows();
		final int checkpointed = Checkpoints.latest(out).orElseThrow().epoch();
		assertTrue(checkpointed >= 3 && before.size() >= checkpointed, before.size() + " rows, checkpoint " + checkpointed);

		final int total = checkpointed + 2;
		final Process second = launch(tmp.resolve("second.log"), trainArgs(dataset, folds, out, total).toArray(
			String[]::new));
		assertTrue(second.waitFor(3, TimeUnit.MINUTES), "the resumed training did not finish");
		assertEquals(0, second.exitValue(), () -> read(tmp.resolve("second.log")));
		final List<History.Row> after = History.read(history).rows();
		assertEquals(total, after.size(), "the history continues to the new last epoch");
		assertEquals(before.subList(0, checkpointed), after.subList(0, checkpointed), "the checkpointed epochs are kept");
		try (Stream<Path> files = Files.list(out.resolve(Checkpoints.FOLDER))) {
			assertEquals(List.of("config.json", "epoch-" + total), files.map(p -> p.getFileName().toString()).sorted()
				.toList(), "only the latest complete checkpoint remains");
		}

		final float[] here = predict(out);
		final Path bits = tmp.resolve("probs.bin");
		final Process fresh = launch(tmp.resolve("fresh.log"), FreshModelPredict.class.getName(), out.toString(), bits
			.toString());
		assertTrue(fresh.waitFor(2, TimeUnit.MINUTES));
		assertEquals(0, fresh.exitValue(), () -> read(tmp.resolve("fresh.log")));
		try (DataInputStream in = new DataInputStream(Files.newInputStream(bits))) {
			final int[] expected = new int[here.length], actual = new int[in.readInt()];
			for (int i = 0; i < actual.length; i++) actual[i] = in.readInt();
			for (int i = 0; i < here.length; i++) expected[i] = Float.floatToRawIntBits(here[i]);
			assertArrayEquals(expected, actual, "bit-identical probabilities in a fresh JVM");
		}
	}

	/** The probabilities of {@link FreshModelPredict#input()} from the model in {@code dir}. */
	static float[] predict(final Path dir) {
		try (LoadedModel model = ModelDirectory.load(dir); TFloat32 x = FreshModelPredict.input();
			TFloat32 p = model.predict(x))
		{
			final float[] values = new float[(int) p.shape().size()];
			p.asRawTensor().data().asFloats().read(values);
			return values;
		}
	}

	private static String read(final Path log) {
		try {
			return Files.readString(log);
		}
		catch (final IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	/** Run in a fresh JVM: predicts {@link #input()} with a model directory and writes the float bits. */
	public static final class FreshModelPredict {

		private FreshModelPredict() {}

		/** A fixed input of shape [1, 4, 8, 8, 1]. */
		static TFloat32 input() {
			final TFloat32 x = TFloat32.tensorOf(Shape.of(1, 4, 8, 8, 1));
			for (int i = 0; i < 256; i++) x.setFloat((float) Math.sin(i * 0.37), 0, i / 64, i / 8 % 8, i % 8, 0);
			return x;
		}

		/** @param args the model directory and the output file */
		public static void main(final String[] args) throws IOException {
			final float[] values = predict(Path.of(args[0]));
			try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[1])))) {
				out.writeInt(values.length);
				for (final float v : values) out.writeInt(Float.floatToRawIntBits(v));
			}
		}
	}
}
