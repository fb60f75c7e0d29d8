package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import covidunet.io.Geometry;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiWriter;
import covidunet.io.Volume;
import net.imglib2.img.array.ArrayImgs;

/**
 * The real {@code ./covid-unet} given hostile arguments: blanks, quotes, {@code $(…)}, backticks,
 * {@code ;}, globs, leading dashes, line breaks. Nothing they spell is ever executed or expanded:
 * each reaches Java as the very string given, and a path is taken literally.
 */
class LauncherHostileArgumentsTest {

	private static final Path LAUNCHER = Path.of("covid-unet").toAbsolutePath();

	/** Values that a shell would split, substitute, run or expand if they were left unquoted. */
	private static final List<String> HOSTILE = List.of("a b.nii", "it's \"quoted\".nii", "$(touch pwned-1).nii",
		"`touch pwned-2`.nii", "x; touch pwned-3.nii", "-rf", "--help", "*", "$HOME", "line\nbreak.nii", "a\\b", "");

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {}

	private Run run(final Path launcher, final Path cwd, final Map<String, String> env, final List<String> args)
		throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>();
		command.add(launcher.toString());
		command.addAll(args);
		final ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
			.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
		builder.environment().remove("COVID_UNET_JAVA_OPTS");
		builder.environment().putAll(env);
		final Process process = builder.start();
		assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher ends in time");
		return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
			Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
	}

	/**
	 * The launcher copied into a fake repository whose Java only records its arguments: what the
	 * script passes on, exactly, without starting a JVM.
	 */
	@Test
	void everyArgumentReachesJavaAsGiven() throws IOException, InterruptedException {
		final Path repo = Files.createDirectories(dir.resolve("repo"));
		Files.createDirectories(repo.resolve("target/classes"));
		Files.createDirectories(repo.resolve("target/dependency"));
		final Path launcher = Files.copy(LAUNCHER, repo.resolve("covid-unet"));
		final Path jdk = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
		Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
		final Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\0' \"$@\" > \"$ARGS_FILE\"\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		final Path cwd = Files.createDirectories(dir.resolve("cwd"));
		Files.writeString(cwd.resolve("-Dglob=expanded"), "a file a glob would find");
		final Path argsFile = dir.resolve("args");
		final List<String> args = new ArrayList<>();
		for (final String value : HOSTILE) {
			args.add("--input");
			args.add(value);
		}
		final Run run = run(launcher, cwd, Map.of("JAVA_HOME", jdk.toString(), "ARGS_FILE", argsFile.toString(),
			"COVID_UNET_JAVA_OPTS", " -Xmx1g\t-Dglob=*  -Dsub=$(touch pwned-4) "), args);

		assertEquals(0, run.code(), run.err());
		final List<String> received = Arrays.asList(Files.readString(argsFile, StandardCharsets.UTF_8).split("\0", -1));
		assertEquals(List.of("-Xmx1g", "-Dglob=*", "-Dsub=$(touch", "pwned-4)"), received.subList(0, 4),
			"COVID_UNET_JAVA_OPTS is split at blanks and nowhere else");
		final int main = received.indexOf("covidunet.cli.Main");
		assertEquals(repo.toRealPath() + "/target/classes:" + repo.toRealPath() + "/target/dependency/*",
			received.get(main - 1), "the class path is passed literally");
		final List<String> expected = new ArrayList<>(args);
		expected.add("");
		assertEquals(expected, received.subList(main + 1, received.size()), "the arguments, each as given");
		assertEquals(List.of(), pwned(dir));
	}

	/** The real launcher and JVM: a file whose name is made of shell syntax is read by that name. */
	@Test
	void aPathMadeOfShellSyntaxIsTakenLiterally() throws IOException, InterruptedException {
		assumeTrue(Files.isDirectory(Path.of("target/classes")) && Files.isDirectory(Path.of("target/dependency")),
			"a build (target/classes and target/dependency) for the launcher");
		final Path cwd = Files.createDirectories(dir.resolve("cwd"));
		final String name = "-x $(touch pwned-5) `touch pwned-6`; it's \"q\" *.nii.gz";
		final Geometry geometry = Geometry.ofSpacing(new long[] { 3, 2, 2 }, new double[] { 1, 1, 1 });
		NiftiWriter.write(new Volume<>(ArrayImgs.shorts(3, 2, 2), geometry), cwd.resolve(name), NiftiDatatype.INT16, "hostile name");

		final Run info = run(LAUNCHER, cwd, Map.of(), List.of("info", "--input", name));
		assertEquals("", info.err());
		assertEquals(0, info.code());
		assertEquals(3, JsonParser.parseString(info.out()).getAsJsonObject().getAsJsonArray("dims").get(0).getAsInt());

		final String missing = "$(touch pwned-7) `touch pwned-8`.nii";
		final Run absent = run(LAUNCHER, cwd, Map.of(), List.of("info", "--input", missing));
		assertEquals(2, absent.code());
		assertEquals("error: " + missing + ": cannot read (no such file)\n", absent.err());
		assertEquals(List.of(), pwned(dir));
	}

	/** Files named pwned-* anywhere under the folder: evidence of a command that was run. */
	private static List<Path> pwned(final Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(p -> p.getFileName().toString().startsWith("pwned")).collect(Collectors.toList());
		}
	}
}
