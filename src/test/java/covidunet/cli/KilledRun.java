package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import covidunet.testing.ChildJvm;
import covidunet.testing.CompleteOutputs;

/**
 * A launcher run in a child JVM ended at some moment (SIGKILL, or SIGTERM), what it left checked
 * against an uninterrupted run's outputs, and the same command run again: every visible file it
 * left is complete and byte-identical to the uninterrupted run's file of that name; the rerun
 * exits 0 and leaves exactly the uninterrupted run's files, byte for byte, and no temporary.
 */
final class KilledRun {

	/** Waits in a running child for a moment, then ends it. */
	@FunctionalInterface
	interface Moment {

		/** @param out the run's output folder */
		void end(ChildJvm child, Path out) throws Exception;
	}

	/**
	 * What an ended run left.
	 *
	 * @param visible its visible files, by path relative to the output
	 * @param hidden its hidden entries
	 */
	record Left(Map<String, Path> visible, List<String> hidden) {

		@Override
		public String toString() {
			return visible.size() + " files, hidden " + hidden;
		}
	}

	private KilledRun() {}

	/** SIGKILL once the {@code count}-th output line matching {@code line} is printed. */
	static Moment afterLine(final Predicate<String> line, final int count) {
		return (child, out) -> {
			child.awaitLine(line, count, 2);
			child.kill();
		};
	}

	/** SIGTERM once the {@code count}-th output line matching {@code line} is printed. */
	static Moment terminatedAfterLine(final Predicate<String> line, final int count) {
		return (child, out) -> {
			child.awaitLine(line, count, 2);
			child.terminate();
		};
	}

	/**
	 * SIGKILL the moment a hidden entry whose name starts with {@code prefix} appears in the
	 * output's sub-folder {@code folder} ("" for the output itself), watched from the first output
	 * line matching {@code from} on. A write of a few microseconds may be over before it is seen:
	 * if the run then ends by itself, it must succeed, and the moment is reported as missed.
	 */
	static Moment whileWriting(final Predicate<String> from, final String folder, final String prefix) {
		return (child, out) -> {
			child.awaitLine(from, 1, 2);
			final Path watched = out.resolve(folder);
			if (child.spinUntil(() -> holds(watched, prefix), 2)) child.kill();
			else {
				assertEquals(0, child.awaitExit(1), () -> String.join("\n", child.output()));
				System.out.println("missed: the run ended before " + prefix + "… was seen in " + watched);
			}
		};
	}

	/**
	 * SIGKILL the moment the output's file {@code file} appears, watched from the first output line
	 * matching {@code from} on.
	 */
	static Moment whenWritten(final Predicate<String> from, final String file) {
		return (child, out) -> {
			child.awaitLine(from, 1, 2);
			final Path watched = out.resolve(file);
			assertTrue(child.spinUntil(() -> Files.exists(watched), 2), () -> "no " + watched + ":\n" + String.join("\n",
				child.output()));
			child.kill();
		};
	}

	private static boolean holds(final Path folder, final String prefix) {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, p -> p.getFileName().toString().startsWith(
			prefix)))
		{
			return entries.iterator().hasNext();
		}
		catch (final IOException e) {
			return false;
		}
	}

	/**
	 * Runs {@code args.apply(out)} in a child JVM, ends it at {@code moment}, checks what it left
	 * against {@code reference} (the files of the uninterrupted run), and runs it again in this JVM.
	 *
	 * @return what the interrupted run left
	 */
	static Left check(final Map<String, Path> reference, final Path out, final Function<Path, List<String>> args,
		final Moment moment) throws Exception
	{
		try (ChildJvm child = ChildJvm.launcher(args.apply(out))) {
			moment.end(child, out);
		}
		final Left left = assertLeft(reference, out);
		assertRerun(reference, out, args);
		return left;
	}

	/**
	 * Checks what an interrupted run left in {@code out}: every visible file is complete and
	 * byte-identical to the file of that name in {@code reference}.
	 */
	static Left assertLeft(final Map<String, Path> reference, final Path out) throws IOException {
		final List<String> hidden = Files.isDirectory(out) ? CompleteOutputs.hidden(out) : List.of();
		final Map<String, Path> left = Files.isDirectory(out) ? CompleteOutputs.assertComplete(out) : Map.of();
		for (final Map.Entry<String, Path> file : left.entrySet()) {
			assertTrue(reference.containsKey(file.getKey()), file.getKey() + ": not an output of the uninterrupted run");
			assertEquals(-1, Files.mismatch(reference.get(file.getKey()), file.getValue()), file.getKey() +
				": differs from the uninterrupted run's");
		}
		return new Left(left, hidden);
	}

	/**
	 * Runs {@code args.apply(out)} again in this JVM: it exits 0 and leaves exactly the files of
	 * {@code reference}, byte for byte, and no temporary.
	 */
	static void assertRerun(final Map<String, Path> reference, final Path out, final Function<Path, List<String>> args)
		throws IOException
	{
		final Launch rerun = Launch.with(new Main(Subcommands.standard()), args.apply(out).toArray(String[]::new));
		assertEquals(0, rerun.code(), rerun.err());
		final Map<String, Path> after = CompleteOutputs.assertComplete(out);
		assertEquals(reference.keySet(), after.keySet(), "the rerun's files");
		for (final Map.Entry<String, Path> file : after.entrySet()) {
			assertEquals(-1, Files.mismatch(reference.get(file.getKey()), file.getValue()), file.getKey() +
				": differs from the uninterrupted run's");
		}
		assertEquals(List.of(), CompleteOutputs.hidden(out), "the rerun leaves no temporary");
	}
}
