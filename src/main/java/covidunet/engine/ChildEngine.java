package covidunet.engine;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.EnvironmentException;
import covidunet.Progress;
import covidunet.model.train.ForwardingTrainingListener;
import covidunet.model.train.TrainingListener;

/**
 * Runs one SciJava command of the plugin in a child JVM: Fiji's own Java, the plugin jar and the
 * engine folder on the class path ({@link EngineClassPath}), headless. Its progress goes to a
 * {@link Progress} (Fiji's status bar), its training events to a {@link TrainingListener} (the
 * live training window; a finish requested there is passed on), its text outputs are returned.
 * <p>
 * Cancelling the progress sends the child a cancel, which stops the command at its next check as
 * in this JVM (finished work kept, nothing half-written); a child that has not ended
 * {@value #CANCEL_MILLIS} ms later is terminated (SIGTERM: the same clean cancel), and
 * {@value #KILL_MILLIS} ms after that killed. If this JVM ends, the child's stdin closes, which
 * cancels it too: no process is left behind.
 * </p>
 * <p>
 * The child's heap is this JVM's (Fiji's Memory &amp; Threads setting) unless the system property
 * {@value #OPTIONS_PROPERTY} or the environment variable {@value #OPTIONS_VARIABLE} gives JVM
 * options (split at blanks, e.g. {@code -Xmx20g}). Its stderr (native libraries' logs) goes to a
 * log file, which is kept and named when the child fails.
 * </p>
 */
public final class ChildEngine {

	/** The child's main class. */
	static final String MAIN = "covidunet.cli.EngineChild";

	/** The system property with the child's extra JVM options. */
	public static final String OPTIONS_PROPERTY = "covidunet.engine.options";

	/** The environment variable with the child's extra JVM options (if the property is not set). */
	public static final String OPTIONS_VARIABLE = "COVID_UNET_ENGINE_OPTS";

	/** How long a cancelled child may take to stop before it is terminated. */
	static final long CANCEL_MILLIS = 10_000;

	/** How long a terminated child may take before it is killed. */
	static final long KILL_MILLIS = 5_000;

	/** How often the last progress report is repeated while the child is quiet (ImageJ checks Esc then). */
	static final long QUIET_MILLIS = 500;

	private static final String EOF = new String("end of the child's output");

	private final Progress progress;
	private final TrainingListener training;
	private final Map<String, String> outputs = new LinkedHashMap<>();
	private EngineMessages.Status status;
	private String message;
	private String lastTask;
	private long lastDone;
	private long lastTotal;
	private boolean finishSent;
	/** The last line the child printed on stdout that is no message (the JVM's own start-up errors go there). */
	private String stray = "";
	private final TrainingListener forwarding;
	private final EngineMessages.Events events = new EngineMessages.Events() {

		@Override
		public void progress(final String task, final long done, final long total) {
			lastTask = task;
			lastDone = done;
			lastTotal = total;
			progress.report(task, done, total);
		}

		@Override
		public TrainingListener training() {
			return forwarding;
		}

		@Override
		public void output(final String name, final String value) {
			outputs.put(name, value);
		}

		@Override
		public void end(final EngineMessages.Status s, final String m) {
			status = s;
			message = m;
		}
	};

	private ChildEngine(final Progress progress, final TrainingListener training) {
		this.progress = progress;
		this.training = training == null ? TrainingListener.NONE : training;
		this.forwarding = new FoldResettingListener();
	}

	/**
	 * Runs {@code command} with these inputs in a child JVM and waits for it.
	 *
	 * @param command the command's class
	 * @param inputs its inputs as the launcher takes them, by name
	 * @param progress gets the progress; cancelling it cancels the child
	 * @param training gets the training events; may be null
	 * @return the command's text outputs, by name
	 * @throws BadInputException what the command threw for bad input
	 * @throws CancelledException when cancelled
	 * @throws EnvironmentException when the engine is not installed or the child cannot start
	 * @throws IllegalStateException for an internal failure in the child, or a child that died
	 */
	public static Map<String, String> run(final Class<?> command, final Map<String, String> inputs,
		final Progress progress, final TrainingListener training)
	{
		return new ChildEngine(progress, training).run(new EngineMessages.Request(command.getName(), inputs));
	}

	private Map<String, String> run(final EngineMessages.Request request) {
		final Path log = logFile();
		final Process child;
		try {
			child = new ProcessBuilder(command()).redirectError(log.toFile()).start();
		}
		catch (final IOException e) {
			throw new EnvironmentException("cannot start the TensorFlow engine (" + e.getMessage() + ")", e);
		}
		final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		final Thread reader = new Thread(() -> read(child, lines), "covid-unet engine output");
		reader.setDaemon(true);
		reader.start();
		try (Writer control = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
			send(control, request.line());
			follow(child, lines, control);
		}
		catch (final IOException e) {
			// The child closed its stdin: it has ended; its end message (or none) says how.
		}
		finally {
			stop(child);
		}
		drain(lines);
		return result(child.exitValue(), log);
	}

	/** Hands the child's messages on until it ends; passes on cancel and finish requests. */
	private void follow(final Process child, final BlockingQueue<String> lines, final Writer control)
		throws IOException
	{
		long cancelledAt = 0;
		long quietSince = System.nanoTime();
		while (true) {
			final String line;
			try {
				line = lines.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				stop(child);
				return;
			}
			if (line == EOF) return;
			if (line != null) {
				handle(line);
				quietSince = System.nanoTime();
			}
			else if (lastTask != null && System.nanoTime() - quietSince > QUIET_MILLIS * 1_000_000) {
				progress.report(lastTask, lastDone, lastTotal);
				quietSince = System.nanoTime();
			}
			if (cancelledAt == 0 && progress.isCancelled()) {
				cancelledAt = System.nanoTime();
				send(control, EngineMessages.CANCEL + " cancelled");
			}
			else if (cancelledAt != 0) {
				final long waited = (System.nanoTime() - cancelledAt) / 1_000_000;
				if (waited > CANCEL_MILLIS + KILL_MILLIS) child.destroyForcibly();
				else if (waited > CANCEL_MILLIS) child.destroy();
			}
			if (!finishSent && training.finishRequested()) {
				finishSent = true;
				send(control, EngineMessages.FINISH);
			}
		}
	}

	/** Passes training events on; a new fold may be finished early again. */
	private final class FoldResettingListener extends ForwardingTrainingListener {

		FoldResettingListener() {
			super(training);
		}

		@Override
		public void foldStarted(final int fold, final int position, final int count) {
			finishSent = false;
			super.foldStarted(fold, position, count);
		}
	}

	private Map<String, String> result(final int exitCode, final Path log) {
		if (status == null) {
			throw new IllegalStateException("the TensorFlow engine stopped without an answer (exit code " + exitCode +
				(exitCode == 137 ? ", killed: out of memory?" : "") + "); its log: " + log + lastLine(log, stray));
		}
		switch (status) {
			case OK:
				delete(log);
				return outputs;
			case BAD_INPUT:
				delete(log);
				throw new BadInputException(message);
			case CANCELLED:
				delete(log);
				throw new CancelledException(message);
			case ENVIRONMENT:
				throw new EnvironmentException(message + " (the engine's log: " + log + ")");
			default:
				throw new IllegalStateException(message + " (the engine's log: " + log + ")");
		}
	}

	private List<String> command() {
		final List<String> c = new ArrayList<>();
		c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		final List<String> extra = extraOptions();
		if (extra.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
			c.add("-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m");
		}
		c.addAll(extra);
		c.add("-Djava.awt.headless=true");
		c.add("-D" + TensorFlowEngine.MODE_PROPERTY + "=inline");
		for (final String name : System.getProperties().stringPropertyNames()) {
			if (passedOn(name)) c.add("-D" + name + "=" + System.getProperty(name));
		}
		c.add("-cp");
		c.add(EngineClassPath.of(ChildEngine.class).stream().map(Path::toString).collect(Collectors.joining(
			File.pathSeparator)));
		c.add(MAIN);
		return c;
	}

	/** System properties the child gets too: the plugin's (except the engine mode), JavaCPP's, the temporary folder. */
	private static boolean passedOn(final String name) {
		if (name.equals(TensorFlowEngine.MODE_PROPERTY)) return false;
		return name.startsWith("covidunet.") || name.startsWith("org.bytedeco.") || name.equals("java.io.tmpdir");
	}

	private static List<String> extraOptions() {
		String given = System.getProperty(OPTIONS_PROPERTY);
		if (given == null) given = System.getenv(OPTIONS_VARIABLE);
		final List<String> options = new ArrayList<>();
		if (given == null) return options;
		for (final String o : given.strip().split("\\s+")) {
			if (!o.isEmpty()) options.add(o);
		}
		return options;
	}

	private static Path logFile() {
		try {
			return Files.createTempFile("covid-unet-engine-", ".log");
		}
		catch (final IOException e) {
			throw new EnvironmentException("cannot create the TensorFlow engine's log file in " + System.getProperty(
				"java.io.tmpdir") + " (" + e.getMessage() + ")", e);
		}
	}

	private static void read(final Process child, final BlockingQueue<String> lines) {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
			StandardCharsets.UTF_8)))
		{
			for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
		}
		catch (final IOException e) {
			// The child ended.
		}
		finally {
			lines.add(EOF);
		}
	}

	/** Hands on the messages still queued when the child has ended. */
	private void drain(final BlockingQueue<String> lines) {
		for (String line = lines.poll(); line != null && line != EOF; line = lines.poll()) handle(line);
	}

	/** Hands a line of the child's stdout on, or keeps it as the last stray line if it is no message. */
	private void handle(final String line) {
		if (!EngineMessages.dispatch(line, events) && !line.isBlank()) stray = line.strip();
	}

	private static void send(final Writer control, final String line) throws IOException {
		control.write(line);
		control.write('\n');
		control.flush();
	}

	/** Waits for the child to end; terminates it, then kills it, if it does not. */
	private static void stop(final Process child) {
		try {
			if (child.waitFor(CANCEL_MILLIS, TimeUnit.MILLISECONDS)) return;
			child.destroy();
			if (child.waitFor(KILL_MILLIS, TimeUnit.MILLISECONDS)) return;
			child.destroyForcibly();
			child.waitFor();
		}
		catch (final InterruptedException e) {
			child.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** ": " and the log's last line, else the last stray line of stdout; empty if there is neither. */
	private static String lastLine(final Path log, final String stray) {
		try {
			final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			for (int i = lines.size() - 1; i >= 0; i--) {
				if (!lines.get(i).isBlank()) return ": " + lines.get(i).strip();
			}
		}
		catch (final IOException e) {
			// No last line to quote.
		}
		return stray.isEmpty() ? "" : ": " + stray;
	}

	private static void delete(final Path log) {
		try {
			Files.deleteIfExists(log);
		}
		catch (final IOException e) {
			// A leftover empty log in the temporary folder.
		}
	}
}
