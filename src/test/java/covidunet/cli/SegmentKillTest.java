package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.array.ArrayImgs;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiWriter;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.predict.SegmentJob;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.CompleteOutputs;
import covidunet.testing.UntrainedModels;

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
		model = shared.resolve("model");
		UntrainedModels.export(model, new UNetConfig(2, 2, Norm.INSTANCE, 4, 16, 16, 8, 1, UNetConfig.DEFAULT_MOMENTUM), 3,
			PreprocessConfig.REFERENCE.withTargetSpacing(1.5, 1.5, 2));
		input = Files.createDirectories(shared.resolve("scans"));
		final Random random = new Random(5);
		for (int i = 1; i <= CASES; i++) scan(input.resolve("case_" + i + ".nii.gz"), random);
		final Path out = shared.resolve("uninterrupted");
		final Launch launch = Launch.with(new Main(Subcommands.standard()), args(out).toArray(String[]::new));
		assertEquals(0, launch.code(), launch.err());
		reference = CompleteOutputs.assertComplete(out);
		assertEquals(CASES + 1, reference.size(), "a label file per case and " + SegmentJob.VOLUMES);
	}

	/** A CT-like volume of 48 × 40 × 20 voxels with an oblique sform. */
	private static void scan(final Path file, final Random random) {
		final long[] dims = { 48, 40, 20 };
		final float[] v = new float[(int) (dims[0] * dims[1] * dims[2])];
		for (int i = 0; i < v.length; i++) v[i] = random.nextInt(1400) - 1000;
		final Affine sform = Affine.ofRows(1.4, 0.1, 0, -30, -0.1, 1.4, 0, 20, 0, 0, 2.5, -50);
		NiftiWriter.write(new Volume<>(ArrayImgs.floats(v, dims), Geometry.fromAffine(dims, sform,
			Geometry.CODE_SCANNER)), file, "test ct");
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
