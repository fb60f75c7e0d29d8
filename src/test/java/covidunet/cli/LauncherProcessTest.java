package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The real {@code ./covid-unet} as a process. Needs {@code target/classes} and
 * {@code target/dependency}, which Maven makes before the tests (else the launcher would start a
 * build of its own: the test is skipped then).
 */
class LauncherProcessTest {

	private static final Path LAUNCHER = Path.of("covid-unet").toAbsolutePath();

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {}

	@BeforeAll
	static void built() {
		assumeTrue(Files.isExecutable(LAUNCHER) && Files.isDirectory(Path.of("target/classes")) &&
			Files.isDirectory(Path.of("target/dependency")), "the launcher and a build");
	}

	private Run run(final Path launcher, final Path cwd, final String... args)
		throws IOException, InterruptedException
	{
		return run(Map.of(), launcher, cwd, args);
	}

	private Run run(final Map<String, String> extraEnv, final Path launcher, final Path cwd,
		final String... args) throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>();
		command.add(launcher.toString());
		command.addAll(List.of(args));
		final ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
			.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
		final Map<String, String> env = builder.environment();
		env.remove("TF_CPP_MIN_LOG_LEVEL");
		env.remove("COVID_UNET_JAVA_OPTS");
		env.putAll(extraEnv);
		final int code = builder.start().waitFor();
		return new Run(code, Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
			Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
	}

	@Test
	void checkWritesNothingToStderr() throws IOException, InterruptedException {
		final Run check = run(LAUNCHER, dir, "check");
		assertEquals("", check.err());
		assertEquals(0, check.code());
		assertTrue(check.out().contains("\ntensorflow: 2.18.0"), check.out());

		final Run byTitle = run(LAUNCHER, dir, "--run", "Check Backend", "");
		assertEquals("", byTitle.err());
		assertEquals(0, byTitle.code());
		assertEquals(check.out().lines().count(), byTitle.out().lines().count(), byTitle.out());
	}

	@Test
	void unwritablePreferencesCauseNoWarnings() throws IOException, InterruptedException {
		final Run help = run(Map.of("COVID_UNET_JAVA_OPTS", "-Djava.util.prefs.userRoot=/proc/covid-unet-test"),
			LAUNCHER, dir, "check", "--help");
		assertEquals("", help.err());
		assertEquals(0, help.code());
	}

	@Test
	void worksThroughASymlinkFromAnyDirectory() throws IOException, InterruptedException {
		final Path link = Files.createSymbolicLink(dir.resolve("cu"), LAUNCHER);
		try {
			final Run help = run(link, dir, "--help");
			assertEquals("", help.err());
			assertEquals(0, help.code());
			assertTrue(help.out().startsWith("Usage: covid-unet"), help.out());

			final Run bad = run(link, dir, "nope", "--x", "it's \"quoted\"");
			assertEquals("error: unknown subcommand 'nope' (available: " + Subcommands.standard().names() +
				")\n", bad.err());
			assertEquals(2, bad.code());
		}
		finally {
			Files.delete(link);
		}
	}

	@Test
	void infoReadsAPathRelativeToTheCallersDirectory() throws IOException, InterruptedException {
		final Path real = Path.of("").toAbsolutePath().resolveSibling("shared").resolve("data/real");
		assumeTrue(Files.isRegularFile(real.resolve("example_seg.nii.gz")), "fixtures in ../shared/data/real");
		final Run info = run(LAUNCHER, real, "info", "--input", "example_seg.nii.gz");
		assertEquals("", info.err());
		assertEquals(0, info.code());
		final JsonObject json = JsonParser.parseString(info.out()).getAsJsonObject();
		assertEquals("uint8", json.get("datatype").getAsString());
		assertEquals(122, json.getAsJsonArray("dims").get(0).getAsInt());
	}

	@Test
	void infoOnATruncatedFileFailsInOneLineNamingIt() throws IOException, InterruptedException {
		final Path real = Path.of("").toAbsolutePath().resolveSibling("shared").resolve("data/real");
		assumeTrue(Files.isRegularFile(real.resolve("example_ct_sm.nii.gz")), "fixtures in ../shared/data/real");
		final byte[] whole = Files.readAllBytes(real.resolve("example_ct_sm.nii.gz"));
		final Path truncated = Files.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(whole, whole.length / 2));
		final Run info = run(LAUNCHER, dir, "info", "--input", truncated.getFileName().toString());
		assertEquals(2, info.code());
		assertEquals("", info.out());
		assertEquals(1, info.err().lines().count(), info.err());
		assertTrue(info.err().startsWith("error: cut.nii.gz: "), info.err());
		assertTrue(info.err().contains("truncated"), info.err());
	}

	@Test
	void theErrorLineKeepsItsPlaceInALogSharedWithStdout() throws IOException, InterruptedException {
		final Path log = dir.resolve("log.txt");
		final Process p = new ProcessBuilder("/bin/sh", "-c",
			"echo before; \"$1\" info --input missing.nii.gz; echo \"rc=$?\"; echo after", "sh", LAUNCHER.toString())
			.directory(dir.toFile()).redirectOutput(log.toFile()).redirectErrorStream(true).start();
		assertEquals(0, p.waitFor());
		assertEquals(List.of("before", "error: missing.nii.gz: cannot read (no such file)", "rc=2", "after"),
			Files.readAllLines(log));
	}
}
