package covidunet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import covidunet.model.train.History;
import covidunet.model.train.TrainingListener;

/** The child's events, written as lines and read back by the parent, arrive as they were sent. */
class EngineMessagesTest {

	/** What the parent's side was handed, one string per call. */
	private static final class Recorded implements EngineMessages.Events, TrainingListener {

		final List<String> calls = new ArrayList<>();
		History history;

		@Override
		public void progress(final String task, final long done, final long total) {
			calls.add("progress " + task + " " + done + "/" + total);
		}

		@Override
		public TrainingListener training() {
			return this;
		}

		@Override
		public void output(final String name, final String value) {
			calls.add("output " + name + "=" + value);
		}

		@Override
		public void end(final EngineMessages.Status status, final String message) {
			calls.add("end " + status + " " + message);
		}

		@Override
		public void planned(final int maxEpochs) {
			calls.add("planned " + maxEpochs);
		}

		@Override
		public void foldStarted(final int fold, final int position, final int count) {
			calls.add("fold " + fold + " " + position + " " + count);
		}

		@Override
		public void stepDone(final int epoch, final int step, final int steps, final double loss,
			final double learningRate, final double secondsLeft)
		{
			calls.add("step " + epoch + " " + step + " " + steps + " " + loss + " " + learningRate + " " + secondsLeft);
		}

		@Override
		public void epochDone(final History h, final boolean exported) {
			history = h;
			calls.add("epoch " + h.rows().size() + " " + exported);
		}
	}

	@Test
	void everyEventArrivesAsSent() {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final EngineMessages.Writer out = new EngineMessages.Writer(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		out.progress("case \"a\"\nb", 3, 1L << 40);
		out.planned(7);
		out.foldStarted(2, 1, 5);
		out.stepDone(3, 4, 10, 0.25, 1e-4, Double.NaN);
		final History.Row first = new History.Row(1, 1e-4, 0.5, 0.3, 0.2, 0.6, Double.NaN, Double.POSITIVE_INFINITY, 12);
		final History.Row second = new History.Row(2, 1e-4, 0.4, 0.2, 0.2, 0.7, 0.45, 0.66, 11.5);
		out.epochDone(History.of(Path.of("/models/fold_2/history.tsv"), List.of(first, second)), true);
		out.output("summary", "line 1\nline 2");
		out.end(EngineMessages.Status.BAD_INPUT, "model x: no such folder");
		final Recorded r = new Recorded();
		for (final String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
			assertTrue(EngineMessages.dispatch(line, r), line);
		}
		assertEquals(List.of("progress case \"a\"\nb 3/" + (1L << 40), "planned 7", "fold 2 1 5",
			"step 3 4 10 0.25 1.0E-4 NaN", "epoch 2 true", "output summary=line 1\nline 2",
			"end BAD_INPUT model x: no such folder"), r.calls);
		assertEquals(List.of(first, second), r.history.rows());
		assertEquals(Path.of("/models/fold_2/history.tsv"), r.history.file());
	}

	@Test
	void linesThatAreNoMessagesAreIgnored() {
		final Recorded r = new Recorded();
		for (final String line : List.of("", "Picked up JAVA_TOOL_OPTIONS", "{}", "[1,2]", "{\"other\":1}",
			"{\"progress\":{},\"end\":{}}"))
		{
			assertFalse(EngineMessages.dispatch(line, r), line);
		}
		assertEquals(List.of(), r.calls);
	}

	@Test
	void aRequestIsReadBackOrRefused() {
		final EngineMessages.Request request = new EngineMessages.Request("covidunet.command.CheckBackendCommand", Map.of(
			"input", "/data/a b.nii.gz", "threads", "2"));
		assertEquals(request, EngineMessages.Request.parse(request.line()));
		assertFalse(request.line().contains("\n"));
		for (final String bad : new String[] { null, "", "{", "{\"command\":\"x\"}", "[]" }) {
			assertThrows(IllegalArgumentException.class, () -> EngineMessages.Request.parse(bad), bad);
		}
	}
}
