package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

import covidunet.dataset.TestDatasets;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelDirectory;
import covidunet.model.train.CheckpointProbe;
import covidunet.model.train.Checkpoints;
import covidunet.model.train.History;
import covidunet.testing.ChildJvm;
import covidunet.testing.CompleteOutputs;

/**
 * Trainings in a child JVM killed with SIGKILL at several moments — while a checkpoint is
 * written, while an older one is deleted, while the model is exported, while the curves are
 * written, at a seeded random moment — and with SIGTERM (Ctrl-C, scancel) at another, each resumed
 * by the next: after every kill each checkpoint under its final name restores, the
 * latest complete one before the kill remains, every visible file is complete and the history's
 * checkpointed rows are unchanged; the last resume finishes with the losses of an uninterrupted
 * training, no temporary left, and a model that gives bit-identical probabilities in a fresh JVM.
 */
class TrainKillTest {

	/**
	 * Relative difference allowed from the uninterrupted training: TensorFlow's float sums differ
	 * between processes in the last bits (seen: 2e-7 from the first epoch on, before any kill); a
	 * resume from another epoch, or with another patch stream, differs by percents.
	 */
	private static final double LOSS_TOLERANCE = 1e-5;

	/** Seeds the random moments. */
	private static final long SEED = 20_240_917;

	@TempDir
	Path tmp;

	/** Waits in a running training for a moment, and kills it then. */
	@FunctionalInterface
	private interface Moment {

		/** @return the latest complete checkpoint's epoch just before the moment */
		int kill(ChildJvm child) throws Exception;
	}

	private List<String> trainArgs(final Path dataset, final Path folds, final Path out, final int epochs) {
		return List.of("train", "--dataset", dataset.toString(), "--folds_file", folds.toString(), "--fold", "0",
			"--output", out.toString(), "--cache", tmp.resolve("cache").toString(), "--levels", "2", "--base", "2",
			"--patch", "8,8,4", "--batch", "1", "--iterations", "3", "--epochs", Integer.toString(epochs), "--threads",
			"1", "--resume", "true");
	}

	/** True once {@code folder} holds an entry named {@code prefix…suffix} that {@code before} did not. */
	private static BooleanSupplier appears(final Path folder, final String prefix, final String suffix,
		final Set<String> before)
	{
		return () -> {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, p -> p.getFileName().toString()
				.startsWith(prefix) && p.getFileName().toString().endsWith(suffix)))
			{
				for (final Path p : entries) {
					if (!before.contains(p.getFileName().toString())) return true;
				}
				return false;
			}
			catch (final IOException e) {
				return false;
			}
		};
	}

	private static Set<String> names(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return Set.of();
		try (Stream<Path> entries = Files.list(folder)) {
			return new HashSet<>(entries.map(p -> p.getFileName().toString()).toList());
		}
	}

	private static int latest(final Path out) {
		return Checkpoints.latest(out).map(c -> c.epoch()).orElse(0);
	}

	/**
	 * Kills when a hidden entry starting with {@code prefix} and ending with {@code suffix} appears
	 * in {@code folder}, watched from the training's {@code epoch}-th progress line on (by then
	 * {@code folder} exists).
	 */
	private static Moment whileWriting(final Path out, final Path folder, final String prefix, final int epoch,
		final String suffix)
	{
		return child -> {
			child.awaitLine(l -> l.startsWith("epoch "), epoch, 2);
			final Set<String> before = names(folder);
			final int checkpoint = latest(out);
			final boolean appeared = child.spinUntil(appears(folder, prefix, suffix, before), 2);
			child.kill();
			assertTrue(appeared, () -> "no " + prefix + "… in " + folder + ":\n" + String.join("\n", child.output()));
			return checkpoint;
		};
	}

	/**
	 * Kills at a random moment of the training (after its first epoch line), with SIGKILL, or with
	 * SIGTERM (as Ctrl-C or Slurm's scancel: the launcher cancels the training).
	 */
	private static Moment atRandom(final Path out, final Random random, final boolean sigterm) {
		final int millis = random.nextInt(1500);
		return child -> {
			child.awaitLine(l -> l.startsWith("epoch "), 1, 2);
			Thread.sleep(millis);
			final int checkpoint = latest(out);
			if (sigterm) child.terminate();
			else child.kill();
			return checkpoint;
		};
	}

	@Test
	void killsAtSeveralMomentsNeverCorruptACheckpointAndTheResumedHistoryContinues() throws Exception {
		final Path dataset = TestDatasets.zenodo(tmp.resolve("data"), TestDatasets.hu("coronacases_001",
			"coronacases_002", "coronacases_003"));
		final Path folds = tmp.resolve("folds.json");
		assertEquals(0, Launch.with(new Main(Subcommands.standard()), "folds", "--dataset", dataset.toString(), "--output",
			folds.toString(), "--folds", "3", "--seed", "1").code());
		final Path out = tmp.resolve("model");
		final Path checkpoints = out.resolve(Checkpoints.FOLDER);
		final Random random = new Random(SEED);
		final Map<String, Moment> moments = new LinkedHashMap<>();
		moments.put("while a checkpoint is written", whileWriting(out, checkpoints, ".epoch-", 3, ".tmp"));
		moments.put("while an older checkpoint is deleted", whileWriting(out, checkpoints, ".epoch-", 2, ".old"));
		moments.put("while the model is exported", whileWriting(out, out, ".saved_model.export-", 1, ""));
		moments.put("while the curves are written", whileWriting(out, out, ".training_curves.png.tmp-", 1, ""));
		moments.put("at a random moment", atRandom(out, random, false));
		moments.put("SIGTERM at a random moment", atRandom(out, random, true));

		List<History.Row> kept = List.of();
		for (final Map.Entry<String, Moment> moment : moments.entrySet()) {
			final int before;
			try (ChildJvm child = ChildJvm.launcher(trainArgs(dataset, folds, out, 10_000))) {
				before = moment.getValue().kill(child);
			}
			System.out.println("TrainKillTest " + moment.getKey() + ": checkpoint " + before + ", hidden " + CompleteOutputs
				.hidden(out));
			kept = assertConsistent(out, moment.getKey(), before, kept);
		}

		final int total = kept.size() + 2;
		try (ChildJvm last = ChildJvm.launcher(trainArgs(dataset, folds, out, total))) {
			assertEquals(0, last.awaitExit(3), () -> String.join("\n", last.output()));
		}
		final List<History.Row> after = History.read(out.resolve(History.FILE_NAME)).rows();
		assertEquals(total, after.size(), "the history continues to the new last epoch");
		assertEquals(kept, after.subList(0, kept.size()), "the checkpointed epochs are kept");
		assertEquals(List.of(), CompleteOutputs.hidden(out), "no temporary is left");
		CompleteOutputs.assertComplete(out);
		assertEquals(List.of(total), CheckpointProbe.restoreEach(out), "only the latest checkpoint remains");

		final Path whole = tmp.resolve("whole");
		final Launch uninterrupted = Launch.with(new Main(Subcommands.standard()), trainArgs(dataset, folds, whole, total)
			.toArray(String[]::new));
		assertEquals(0, uninterrupted.code(), uninterrupted.err());
		assertSameLosses(History.read(whole.resolve(History.FILE_NAME)).rows(), after);
		assertBitIdenticalInAFreshJvm(out);
	}

	/**
	 * Checks a model directory after a kill: each checkpoint under its final name restores, the
	 * latest is not older than {@code before}, every visible file is complete, the history holds
	 * the checkpointed epochs and begins with {@code kept}, and the model loads unless the kill
	 * fell between the renames of an export (a resume repairs that, see InterruptedExportTest).
	 *
	 * @return the history's rows up to the latest checkpoint
	 */
	private static List<History.Row> assertConsistent(final Path out, final String moment, final int before,
		final List<History.Row> kept) throws IOException
	{
		final List<Integer> restored = CheckpointProbe.restoreEach(out);
		assertFalse(restored.isEmpty(), moment + ": no checkpoint");
		final int checkpointed = restored.get(restored.size() - 1);
		assertTrue(checkpointed >= before, moment + ": the checkpoint of epoch " + before + " is gone");
		CompleteOutputs.assertComplete(out);
		final List<History.Row> rows = History.read(out.resolve(History.FILE_NAME)).rows();
		assertTrue(rows.size() >= checkpointed, moment + ": " + rows.size() + " rows, checkpoint " + checkpointed);
		assertEquals(kept, rows.subList(0, kept.size()), moment + ": the checkpointed epochs are kept");
		if (CompleteOutputs.hidden(out).stream().noneMatch(h -> h.startsWith(".saved_model.old-"))) {
			try (LoadedModel model = ModelDirectory.load(out)) {
				assertEquals(out, model.dir());
			}
		}
		return List.copyOf(rows.subList(0, checkpointed));
	}

	private static void assertSameLosses(final List<History.Row> uninterrupted, final List<History.Row> resumed) {
		assertEquals(uninterrupted.size(), resumed.size());
		for (int e = 0; e < resumed.size(); e++) {
			final double[] expected = losses(uninterrupted.get(e)), actual = losses(resumed.get(e));
			for (int i = 0; i < expected.length; i++) {
				assertEquals(expected[i], actual[i], LOSS_TOLERANCE * Math.abs(expected[i]), "epoch " + (e + 1) +
					": the values of an uninterrupted training");
			}
		}
	}

	/** An epoch's learning rate, losses and soft Dice (not its duration). */
	private static double[] losses(final History.Row r) {
		return new double[] { r.learningRate(), r.loss(), r.valLoss(), r.softDice(), r.valSoftDice() };
	}

	private void assertBitIdenticalInAFreshJvm(final Path out) throws Exception {
		final float[] here = predict(out);
		final Path bits = tmp.resolve("probs.bin");
		try (ChildJvm fresh = ChildJvm.start(FreshModelPredict.class.getName(), List.of(out.toString(), bits
			.toString())))
		{
			assertEquals(0, fresh.awaitExit(2), () -> String.join("\n", fresh.output()));
		}
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
