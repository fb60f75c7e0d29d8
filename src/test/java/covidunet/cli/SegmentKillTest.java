package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.predict.SegmentJob;
import covidunet.testing.CompleteOutputs;

/**
 * {@code segment} of a folder of six scans in a child JVM, ended by SIGKILL at several moments
 * (after the k-th case started, while a label file is written, while {@code volumes.csv} is
 * written) and by SIGTERM: each file it left is complete and byte-identical to an uninterrupted
 * run's, and the same command run again completes with exactly the uninterrupted run's files and
 * no temporary (see {@link KilledRun}). SIGTERM cancels the run at once.
 */
class SegmentKillTest {

	private static final int CASES = 6;

	@TempDir
	static Path shared;

	private static Path model;
	private static Path input;
	private static Map<String, Path> reference;

	@BeforeAll
	static void uninterrupted() throws IOException {
		model = SegmentInputs.model(shared.resolve("model"));
		input = SegmentInputs.scans(shared.resolve("scans"), CASES);
		final Path out = shared.resolve("uninterrupted");
		final Launch launch = Launch.with(new Main(Subcommands.standard()), args(out).toArray(String[]::new));
		assertEquals(0, launch.code(), launch.err());
		reference = CompleteOutputs.assertComplete(out);
		assertEquals(CASES + 1, reference.size(), "a label file per case and " + SegmentJob.VOLUMES);
	}

	private static List<String> args(final Path out) {
		return List.of("segment", "--input", input.toString(), "--model", model.toString(), "--output", out.toString(),
			"--threads", "1");
	}

	private static boolean caseLine(final String line) {
		return line.startsWith("case case_");
	}

	@Test
	void aKilledSegmentationLeavesOnlyCompleteFilesAndARerunFinishesIt(@TempDir final Path tmp) throws Exception {
		final Map<String, KilledRun.Moment> moments = new LinkedHashMap<>();
		for (final int k : new int[] { 1, 3, 5 }) moments.put("SIGKILL when case " + k + " starts", KilledRun.afterLine(
			SegmentKillTest::caseLine, k));
		moments.put("SIGKILL while a label file is written", KilledRun.whileWriting(SegmentKillTest::caseLine, "",
			".case_"));
		moments.put("SIGKILL while volumes.csv is written", KilledRun.whileWriting(l -> l.startsWith("case case_" +
			CASES), "", ".volumes.csv.tmp-"));
		int run = 0;
		for (final Map.Entry<String, KilledRun.Moment> moment : moments.entrySet()) {
			final Path out = tmp.resolve("run-" + ++run);
			System.out.println("SegmentKillTest " + moment.getKey() + ": left " + KilledRun.check(reference, out,
				SegmentKillTest::args, moment.getValue()));
		}
	}

	/**
	 * SIGTERM (as Ctrl-C's SIGINT, or Slurm's scancel) cancels the segmentation: it stops within
	 * the case under way instead of working on until the JVM halts, and leaves the cases done.
	 */
	@Test
	void sigtermStopsTheSegmentationAtOnce(@TempDir final Path tmp) throws Exception {
		final KilledRun.Left left = KilledRun.check(reference, tmp.resolve("out"), SegmentKillTest::args, KilledRun
			.terminatedAfterLine(SegmentKillTest::caseLine, 2));
		System.out.println("SegmentKillTest SIGTERM when case 2 starts: left " + left);
		assertEquals(Set.of("case_1.nii.gz"), left.visible().keySet(), "the first case, done before the signal");
		assertEquals(List.of(), left.hidden(), "a cancelled write deletes its temporary");
	}
}
