package covidunet.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import covidunet.BadInputException;

class CheckpointsTest {

	@TempDir
	Path tmp;

	private Graph graph;
	private Session session;
	private Op step;
	private List<String> variables;

	/** w · x + b fitted to y with Adam: weights, Adam's slots and powers are all variables. */
	@BeforeEach
	void build() {
		graph = new Graph();
		final Ops tf = Ops.create(graph);
		final Operand<TFloat32> w = tf.withName("w").variable(tf.constant(new float[] { 0.3f, -0.2f, 0.7f }));
		final Operand<TFloat32> b = tf.withName("b").variable(tf.constant(0.1f));
		final Operand<TFloat32> x = tf.constant(new float[] { 1.5f, -2f, 0.25f });
		final Operand<TFloat32> y = tf.constant(new float[] { 1f, 2f, -3f });
		final Operand<TFloat32> loss = tf.reduceSum(tf.math.square(tf.math.sub(tf.math.add(tf.math.mul(w, x), b), y)),
			tf.constant(0));
		step = new Adam(graph, 0.05f).minimize(loss);
		variables = new ArrayList<>();
		for (final Iterator<GraphOperation> it = graph.operations(); it.hasNext();) {
			final GraphOperation op = it.next();
			if (op.type().equals("VariableV2")) variables.add(op.name());
		}
		assertTrue(variables.size() >= 6, "w, b, their two Adam slots each, Adam's powers: " + variables);
		session = new Session(graph);
		session.initialize();
	}

	@AfterEach
	void close() {
		session.close();
		graph.close();
	}

	private void train(final Session s, final int steps) {
		for (int i = 0; i < steps; i++) s.run(step);
	}

	/** Every variable's values, in order. */
	private float[][] values(final Session s) {
		final Session.Runner runner = s.runner();
		for (final String name : variables) runner.fetch(name);
		final float[][] values = new float[variables.size()][];
		try (Result result = runner.run()) {
			for (int i = 0; i < values.length; i++) {
				final Tensor t = result.get(i);
				values[i] = new float[(int) t.shape().size()];
				((TFloat32) t).asRawTensor().data().asFloats().read(values[i]);
			}
		}
		return values;
	}

	private static void assertBitIdentical(final float[][] expected, final float[][] actual) {
		assertEquals(expected.length, actual.length);
		for (int i = 0; i < expected.length; i++) {
			final int[] e = new int[expected[i].length], a = new int[actual[i].length];
			for (int j = 0; j < e.length; j++) e[j] = Float.floatToRawIntBits(expected[i][j]);
			for (int j = 0; j < a.length; j++) a[j] = Float.floatToRawIntBits(actual[i][j]);
			assertArrayEquals(e, a, "variable " + i);
		}
	}

	private static TrainingState state(final int epoch) {
		final PlateauSchedule schedule = PlateauSchedule.reference();
		final EarlyStopping stopping = EarlyStopping.reference();
		for (int i = 0; i < epoch; i++) {
			schedule.update(1.0 / (1 + i % 4));
			stopping.shouldStop(1.0 / (1 + i % 4));
		}
		return new TrainingState(epoch, 42, schedule.state(), stopping.state());
	}

	@Test
	void restoreGivesBitIdenticalVariables() {
		train(session, 3);
		final float[][] saved = values(session);
		final Checkpoint checkpoint = Checkpoints.save(session, tmp, state(3));
		train(session, 3);
		final float[][] changed = values(session);
		for (int i = 0; i < saved.length; i++) assertFalse(changed[i][0] == saved[i][0], variables.get(i) + " changed");
		checkpoint.restore(session);
		assertBitIdentical(saved, values(session));
		try (Session fresh = new Session(graph)) {
			Checkpoints.latest(tmp).orElseThrow().restore(fresh);
			assertBitIdentical(saved, values(fresh));
		}
	}

	@Test
	void stateRoundTrip() {
		Checkpoints.save(session, tmp, state(20));
		final Checkpoint latest = Checkpoints.latest(tmp).orElseThrow();
		assertEquals(20, latest.epoch());
		assertEquals(state(20), latest.state());
		assertEquals(tmp.resolve("checkpoints/epoch-20"), latest.folder());
	}

	@Test
	void newerSupersedesOlderWhichIsDeleted() throws Exception {
		Checkpoints.save(session, tmp, state(1));
		train(session, 1);
		final float[][] second = values(session);
		Checkpoints.save(session, tmp, state(2));
		try (Stream<Path> entries = Files.list(tmp.resolve(Checkpoints.FOLDER))) {
			assertEquals(List.of("epoch-2"), entries.map(p -> p.getFileName().toString()).toList());
		}
		train(session, 1);
		Checkpoints.latest(tmp).orElseThrow().restore(session);
		assertBitIdentical(second, values(session));
		assertThrows(IllegalArgumentException.class, () -> Checkpoints.save(session, tmp, state(2)));
	}

	/** Killed after writing the new checkpoint, before renaming it: the previous one is the latest. */
	@Test
	void interruptedSaveLeavesThePreviousCheckpoint() throws Exception {
		assertTrue(Checkpoints.latest(tmp).isEmpty());
		final float[][] first = values(session);
		Checkpoints.save(session, tmp, state(1));
		train(session, 1);
		final Path folder = tmp.resolve(Checkpoints.FOLDER);
		final Path leftover = folder.resolve(".epoch-2.tmp");
		Files.createDirectories(leftover);
		session.save(leftover.resolve(Checkpoint.VARIABLES).toString());
		Files.writeString(leftover.resolve(Checkpoint.STATE), state(2).toJson().toString());
		Files.createDirectories(folder.resolve(".epoch-3.tmp"));
		Files.writeString(Files.createDirectories(folder.resolve(".epoch-0.old")).resolve(Checkpoint.STATE), "{");
		final Checkpoint latest = Checkpoints.latest(tmp).orElseThrow();
		assertEquals(1, latest.epoch());
		assertTrue(Files.exists(leftover), "a reader removes nothing: a training may be writing it");
		latest.restore(session);
		assertBitIdentical(first, values(session));
		Checkpoints.save(session, tmp, state(2));
		assertEquals(2, Checkpoints.latest(tmp).orElseThrow().epoch());
		assertFalse(Files.exists(folder.resolve(".epoch-3.tmp")), "the next save removes leftovers");
		assertFalse(Files.exists(folder.resolve(".epoch-0.old")), "also those of an interrupted deletion");
		try (Stream<Path> entries = Files.list(folder)) {
			assertEquals(List.of("epoch-2"), entries.map(p -> p.getFileName().toString()).toList());
		}
	}

	/**
	 * A reader watching the folder while checkpoints are saved one after the other never finds a
	 * folder under a final name ({@code epoch-<n>}) without its files: older ones are deleted under
	 * a hidden name, so a kill during the deletion cannot leave a partial one behind.
	 */
	@Test
	void noIncompleteCheckpointIsEverVisible() throws Exception {
		final Path folder = tmp.resolve(Checkpoints.FOLDER);
		final AtomicBoolean saving = new AtomicBoolean(true);
		final CompletableFuture<List<String>> watcher = CompletableFuture.supplyAsync(() -> {
			final List<String> incomplete = new ArrayList<>();
			while (saving.get()) {
				try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "epoch-*")) {
					for (final Path p : entries) {
						final boolean missing = !Files.exists(p.resolve(Checkpoint.STATE)) || !Files.exists(p.resolve(
							Checkpoint.VARIABLES + ".index"));
						if (missing && Files.isDirectory(p)) incomplete.add(p.getFileName().toString());
					}
				}
				catch (final IOException e) {
					// The folder does not exist yet.
				}
			}
			return incomplete;
		});
		for (int epoch = 1; epoch <= 60; epoch++) Checkpoints.save(session, tmp, state(epoch));
		saving.set(false);
		assertEquals(List.of(), watcher.get(1, TimeUnit.MINUTES), "folders seen without their files");
	}

	@Test
	void damagedStateIsRefusedInOneLine() throws Exception {
		final Checkpoint c = Checkpoints.save(session, tmp, state(4));
		final Path file = c.folder().resolve(Checkpoint.STATE);
		assertRefused(c, file, "{\"format\":1,\"epoch\":4", file + ": not valid JSON");
		assertRefused(c, file, "[]", file + ": not a JSON object");
		assertRefused(c, file, state(4).toJson().toString().replace("\"seed\":42", "\"seed\":\"x\""),
			file + ": \"seed\" is missing or not a number");
		assertRefused(c, file, state(5).toJson().toString(), file + ": epoch 5 in a checkpoint of epoch 4");
		assertRefused(c, file, state(4).toJson().toString().replace("\"format\":1", "\"format\":2"),
			file + ": format 2, expected 1");
		Files.delete(file);
		final BadInputException e = assertThrows(BadInputException.class, c::state);
		assertTrue(e.getMessage().startsWith(file + ": cannot read"), e.getMessage());
	}

	private static void assertRefused(final Checkpoint c, final Path file, final String text, final String expected)
		throws Exception
	{
		Files.writeString(file, text);
		final BadInputException e = assertThrows(BadInputException.class, c::state);
		assertEquals(expected, e.getMessage());
	}
}
