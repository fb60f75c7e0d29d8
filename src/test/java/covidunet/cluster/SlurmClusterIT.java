package covidunet.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.evaluate.MetricsTable;
import covidunet.model.io.ModelDirectory;
import covidunet.model.train.FoldTraining;

/**
 * The cluster scripts on a real single-node Slurm: {@code src/test/cluster/slurm-single-node.sh}
 * starts munged, slurmctld and slurmd, runs a tiny two-fold cross-validation through
 * {@code cluster/submit-cv.sh}, segments three scans with {@code cluster/segment-folder.sbatch} as
 * an array of two tasks, resubmits a fold, checks the results and stops what it started. This
 * test checks the cross-validation's results again from outside. Needs root, Debian's
 * {@code slurm-wlm} and {@code munge} (which {@code .ci/run} installs) and the packaged build;
 * skipped otherwise.
 */
class SlurmClusterIT {

	private static final Path SCRIPT = Path.of("src/test/cluster/slurm-single-node.sh").toAbsolutePath();
	private static final int FOLDS = 2;
	private static final long MINUTES = 20;
	private static final Pattern JOB = Pattern.compile("(?m)^(training|evaluation): job ([0-9]+),");
	private static final Pattern STARTED = Pattern.compile("(?m)^\\[cluster\\] started (\\S+)$");
	private static final Pattern ENDED = Pattern.compile("(?m)^\\[cluster\\] ended ([^,]+), exit 0$");

	@TempDir
	Path work;

	@Test
	void crossValidationRunsAsAJobArrayAndThenItsEvaluation() throws IOException, InterruptedException {
		assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0,
			"needs root to run Slurm's daemons");
		for (final String tool : List.of("slurmctld", "slurmd", "munged", "sbatch")) {
			assumeTrue(installed(tool), tool + " is not installed (apt-get install -y slurm-wlm munge)");
		}
		assumeTrue(Files.isDirectory(Path.of("target/classes")) && Files.isDirectory(Path.of("target/dependency")),
			"needs the packaged build (target/classes and target/dependency) for ./covid-unet");

		final Path log = work.resolve("script.log");
		final Process script = new ProcessBuilder("bash", SCRIPT.toString(), work.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile()).start();
		final boolean ended = script.waitFor(MINUTES, TimeUnit.MINUTES);
		if (!ended) {
			script.destroy();
			script.waitFor(2, TimeUnit.MINUTES);
		}
		final String output = Files.readString(log, StandardCharsets.UTF_8);
		assertTrue(ended, () -> "the script took more than " + MINUTES + " minutes:\n" + output);
		assertEquals(0, script.exitValue(), () -> "the script failed:\n" + output);

		final Path cv = work.resolve("cv run");
		final Path models = cv.resolve("models");
		for (int k = 0; k < FOLDS; k++) {
			final Path card = FoldTraining.foldDirectory(models, k).resolve(ModelDirectory.MODEL_JSON);
			assertTrue(Files.isRegularFile(card), () -> card + " is missing:\n" + output);
		}
		table(cv.resolve("evaluation").resolve(MetricsTable.SUMMARY_FILE), "fold,score,", output);
		table(cv.resolve("evaluation").resolve(MetricsTable.DETAILED_FILE), "index,fold,score,", output);

		final Path logs = cv.resolve("logs");
		final Matcher jobs = JOB.matcher(Files.readString(logs.resolve("submit.txt"), StandardCharsets.UTF_8));
		assertTrue(jobs.find(), output);
		final String training = jobs.group(2);
		assertTrue(jobs.find(), output);
		final String evaluation = jobs.group(2);
		assertTrue(Files.readString(logs.resolve("evaluate-pending.txt"), StandardCharsets.UTF_8).contains(
			"Dependency=afterok:" + training + "_*"), () -> "the evaluation did not wait for the array:\n" + output);
		String lastFold = "";
		for (int k = 0; k < FOLDS; k++) {
			final String end = stamp(ENDED, logs.resolve("train-" + training + "_" + k + ".log"), output);
			if (end.compareTo(lastFold) > 0) lastFold = end;
		}
		final String start = stamp(STARTED, logs.resolve("evaluate-" + evaluation + ".log"), output);
		assertTrue(start.compareTo(lastFold) > 0, "the evaluation started at " + start + ", before the last fold ended at " +
			lastFold);
	}

	/** Whether a command is on the PATH or in /usr/sbin or /sbin (where Debian puts the daemons). */
	private static boolean installed(final String command) {
		final List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(
			File.pathSeparator)));
		folders.addAll(List.of("/usr/sbin", "/sbin"));
		return folders.stream().anyMatch(f -> !f.isEmpty() && Files.isExecutable(Path.of(f, command)));
	}

	/** Checks a CSV table: a header starting with {@code header} and at least one row. */
	private static void table(final Path csv, final String header, final String output) throws IOException {
		assertTrue(Files.isRegularFile(csv), () -> csv + " is missing:\n" + output);
		final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertTrue(lines.size() >= 2 && lines.get(0).startsWith(header), () -> csv + " is not a table with a header " +
			"and rows: " + lines);
	}

	/** The time a job's log gives in its {@code [cluster] started} or {@code ended} line. */
	private static String stamp(final Pattern line, final Path log, final String output) throws IOException {
		final Matcher m = line.matcher(Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
		assertTrue(m.find(), () -> log + " has no line " + line + ":\n" + output);
		return m.group(1);
	}
}
