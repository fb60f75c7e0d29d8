package covidunet.engine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import covidunet.model.train.History;
import covidunet.model.train.TrainingListener;

/**
 * The messages between the plugin and its child JVM, one JSON object per line.
 * <p>
 * The plugin writes the {@linkplain Request request} first, then control lines on the child's
 * stdin: {@value #CANCEL} (followed by the reason) and {@value #FINISH} (finish the fold under
 * way early, keeping its best model); the end of stdin cancels too. The child writes events on its
 * stdout: {@code progress}, {@code planned}, {@code fold}, {@code step}, {@code epoch} (a
 * {@link TrainingListener}'s calls), {@code output} (a text output of the command) and last
 * {@code end}, with a {@link Status} and a one-line message.
 * </p>
 */
public final class EngineMessages {

	/** The control line that cancels the command, followed by a blank and the reason. */
	public static final String CANCEL = "cancel";

	/** The control line that finishes the fold under way early. */
	public static final String FINISH = "finish";

	private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

	/** How a command run in the child ended. */
	public enum Status {
		/** Finished. */
		OK,
		/** Bad input or usage: the message says what. */
		BAD_INPUT,
		/** Cancelled: finished work kept, nothing half-written. */
		CANCELLED,
		/** A broken installation or machine. */
		ENVIRONMENT,
		/** An internal failure. */
		INTERNAL
	}

	/**
	 * What the child runs.
	 *
	 * @param command the SciJava command's class name
	 * @param inputs its input values as the launcher would take them (by name; strings)
	 */
	public record Request(String command, Map<String, String> inputs) {

		/** The request as one line. */
		public String line() {
			return GSON.toJson(this);
		}

		/**
		 * Reads a request line.
		 *
		 * @throws IllegalArgumentException if it is not one
		 */
		public static Request parse(final String line) {
			try {
				final Request r = line == null ? null : GSON.fromJson(line, Request.class);
				if (r == null || r.command() == null || r.inputs() == null) throw new IllegalArgumentException(
					"not an engine request: " + line);
				return r;
			}
			catch (final JsonSyntaxException e) {
				throw new IllegalArgumentException("not an engine request: " + line, e);
			}
		}
	}

	/** Where the parent's side hands the child's events. */
	public interface Events {

		/** A progress report. */
		void progress(String task, long done, long total);

		/** A training event. */
		TrainingListener training();

		/** A text output of the command. */
		void output(String name, String value);

		/** The end of the run. */
		void end(Status status, String message);
	}

	private EngineMessages() {}

	/** The child's side: writes events, one line each, whole lines only. */
	public static final class Writer implements TrainingListener {

		private final PrintStream out;

		/** @param out the child's real stdout */
		public Writer(final PrintStream out) {
			this.out = out;
		}

		/** A progress report. */
		public void progress(final String task, final long done, final long total) {
			final JsonObject o = new JsonObject();
			o.addProperty("task", task);
			o.addProperty("done", done);
			o.addProperty("total", total);
			send("progress", o);
		}

		/** A text output of the command. */
		public void output(final String name, final String value) {
			final JsonObject o = new JsonObject();
			o.addProperty("name", name);
			o.addProperty("value", value);
			send("output", o);
		}

		/** The end of the run; the last message. */
		public void end(final Status status, final String message) {
			final JsonObject o = new JsonObject();
			o.addProperty("status", status.name());
			o.addProperty("message", message);
			send("end", o);
		}

		@Override
		public void planned(final int maxEpochs) {
			send("planned", GSON.toJsonTree(maxEpochs));
		}

		@Override
		public void foldStarted(final int fold, final int position, final int count) {
			send("fold", GSON.toJsonTree(new int[] { fold, position, count }));
		}

		@Override
		public void stepDone(final int epoch, final int step, final int steps, final double loss,
			final double learningRate, final double secondsLeft)
		{
			send("step", GSON.toJsonTree(new double[] { epoch, step, steps, loss, learningRate, secondsLeft }));
		}

		@Override
		public void epochDone(final History history, final boolean exported) {
			final JsonObject o = new JsonObject();
			o.addProperty("file", history.file().toString());
			o.add("rows", GSON.toJsonTree(history.rows()));
			o.addProperty("exported", exported);
			send("epoch", o);
		}

		private synchronized void send(final String type, final JsonElement body) {
			final JsonObject o = new JsonObject();
			o.add(type, body);
			out.println(GSON.toJson(o));
			out.flush();
		}
	}

	/**
	 * The parent's side: hands one line of the child's stdout to {@code events}.
	 *
	 * @return false if the line is not a message (e.g. something a library printed), which is ignored
	 */
	public static boolean dispatch(final String line, final Events events) {
		final JsonObject o;
		try {
			final JsonElement e = JsonParser.parseString(line);
			if (!e.isJsonObject() || e.getAsJsonObject().size() != 1) return false;
			o = e.getAsJsonObject();
		}
		catch (final JsonSyntaxException | IllegalStateException e) {
			return false;
		}
		final String type = o.keySet().iterator().next();
		final JsonElement body = o.get(type);
		final TrainingListener t = events.training();
		switch (type) {
			case "progress": {
				final JsonObject p = body.getAsJsonObject();
				events.progress(p.get("task").getAsString(), p.get("done").getAsLong(), p.get("total").getAsLong());
				return true;
			}
			case "output": {
				final JsonObject p = body.getAsJsonObject();
				events.output(p.get("name").getAsString(), p.get("value").getAsString());
				return true;
			}
			case "end": {
				final JsonObject p = body.getAsJsonObject();
				events.end(Status.valueOf(p.get("status").getAsString()), p.get("message").getAsString());
				return true;
			}
			case "planned":
				t.planned(body.getAsInt());
				return true;
			case "fold": {
				final JsonArray a = body.getAsJsonArray();
				t.foldStarted(a.get(0).getAsInt(), a.get(1).getAsInt(), a.get(2).getAsInt());
				return true;
			}
			case "step": {
				final JsonArray a = body.getAsJsonArray();
				t.stepDone(a.get(0).getAsInt(), a.get(1).getAsInt(), a.get(2).getAsInt(), a.get(3).getAsDouble(), a.get(4)
					.getAsDouble(), a.get(5).getAsDouble());
				return true;
			}
			case "epoch": {
				final JsonObject p = body.getAsJsonObject();
				final List<History.Row> rows = new ArrayList<>();
				for (final JsonElement r : p.getAsJsonArray("rows")) rows.add(GSON.fromJson(r, History.Row.class));
				t.epochDone(History.of(Path.of(p.get("file").getAsString()), rows), p.get("exported").getAsBoolean());
				return true;
			}
			default:
				return false;
		}
	}
}
