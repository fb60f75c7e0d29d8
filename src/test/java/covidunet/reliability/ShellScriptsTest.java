package covidunet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell script of the repository (the launcher, {@code .ci/run}, the cluster, benchmark
 * and test scripts: any file with a shell {@code #!} line, or named {@code *.sh} or
 * {@code *.sbatch}) passes ShellCheck with no finding at all. Skipped, saying so, where
 * ShellCheck is not installed ({@code .ci/run} installs it).
 */
class ShellScriptsTest {

	private static final Path REPO = Path.of("").toAbsolutePath();

	private static final Set<String> SKIPPED = Set.of(".git", "target", ".cifuzz-corpus");

	@TempDir
	Path dir;

	private record Result(int code, String output) {}

	@BeforeAll
	static void shellcheckInstalled() {
		assumeTrue(onPath("shellcheck"), "shellcheck is not installed (apt-get install shellcheck): the shell " +
			"scripts were not checked");
	}

	@Test
	void everyScriptIsShellcheckClean() throws IOException, InterruptedException {
		final List<String> scripts = scripts();
		assertTrue(scripts.containsAll(List.of("covid-unet", ".ci/run", "cluster/submit-cv.sh", "cluster/common.sh",
			"cluster/train-folds.sbatch", "bench/common.sh", "src/test/cluster/slurm-single-node.sh")), scripts.toString());
		final Result result = shellcheck(scripts);
		assertEquals("", result.output(), "ShellCheck's findings in " + scripts);
		assertEquals(0, result.code());
	}

	@Test
	void shellcheckAsRunHereReportsAnUnquotedArgument() throws IOException, InterruptedException {
		final Path bad = Files.writeString(dir.resolve("bad.sh"), "#!/usr/bin/env bash\nrm -rf $1\n");
		final Result result = shellcheck(List.of(bad.toString()));
		assertNotEquals(0, result.code());
		assertTrue(result.output().contains("SC2086"), result.output());
	}

	/** The repository's shell scripts, relative to it, sorted. */
	private static List<String> scripts() throws IOException {
		try (Stream<Path> files = Files.walk(REPO)) {
			final List<String> scripts = new ArrayList<>();
			for (final Path file : files.filter(ShellScriptsTest::notSkipped).filter(Files::isRegularFile)
				.collect(Collectors.toList()))
			{
				final String name = file.getFileName().toString();
				if (name.endsWith(".sh") || name.endsWith(".sbatch") || hasShellShebang(file)) {
					scripts.add(REPO.relativize(file).toString());
				}
			}
			scripts.sort(null);
			return scripts;
		}
	}

	private static boolean notSkipped(final Path file) {
		for (final Path part : REPO.relativize(file)) {
			if (SKIPPED.contains(part.toString())) return false;
		}
		return true;
	}

	private static boolean hasShellShebang(final Path file) throws IOException {
		final byte[] start;
		try (InputStream in = Files.newInputStream(file)) {
			start = in.readNBytes(64);
		}
		final String line = new String(start, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
		return line.startsWith("#!") && (line.endsWith("sh") || line.contains("bash") || line.contains("/sh "));
	}

	/** Runs ShellCheck (following sourced files) from the repository's root, as a developer would. */
	private Result shellcheck(final List<String> files) throws IOException, InterruptedException {
		final List<String> command = new ArrayList<>(List.of("shellcheck", "--external-sources", "--format=gcc"));
		command.addAll(files);
		final Path log = dir.resolve("shellcheck.log");
		final Process process = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
			.redirectOutput(log.toFile()).start();
		assertTrue(process.waitFor(120, TimeUnit.SECONDS), "shellcheck ends in time");
		return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	private static boolean onPath(final String program) {
		final String path = System.getenv("PATH");
		if (path == null) return false;
		for (final String folder : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(folder, program))) return true;
		}
		return false;
	}
}
