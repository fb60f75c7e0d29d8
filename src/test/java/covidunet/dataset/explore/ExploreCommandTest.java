package covidunet.dataset.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.cli.Main;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.Dataset;
import covidunet.testing.Python;

/** {@code explore} through the launcher, on the synthetic cohort and on the real CT, against NumPy. */
class ExploreCommandTest {

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {}

	@Test
	void realCaseAgreesWithNumPy() throws IOException {
		final Path real = Path.of("").toAbsolutePath().resolveSibling("shared").resolve("data/real");
		Assumptions.assumeTrue(Files.isDirectory(real), "no shared fixtures at " + real);
		final Path caseDir = Files.createDirectories(dir.resolve("dataset/example"));
		Files.copy(real.resolve("example_ct_sm.nii.gz"), caseDir.resolve("imaging.nii.gz"));
		Python.lastLine(String.join("\n",
			"import sys, numpy as np, nibabel as nib",
			"seg = nib.load(sys.argv[1]); s = np.asarray(seg.dataobj)",
			"m = np.zeros(s.shape, np.uint8); m[np.isin(s, [10, 11])] = 1; m[np.isin(s, [12, 13, 14])] = 2",
			"m[(s == 11) & (np.arange(s.shape[2])[None, None, :] % 7 == 0)] = 3",
			"nib.save(nib.Nifti1Image(m, seg.affine, seg.header), sys.argv[2]); print('ok')"),
			real.resolve("example_seg.nii.gz").toString(), caseDir.resolve("segmentation.nii.gz").toString());

		final Path output = dir.resolve("explored");
		final Run run = run("explore", "--dataset", dir.resolve("dataset").toString(), "--output", output.toString());
		assertEquals(0, run.code(), run.err());
		assertEquals("", run.err());
		assertTrue(run.out().contains("1 cases (1 in HU, 0 rescaled to 0-255)"), run.out());

		final Map<String, Path[]> cases = new LinkedHashMap<>();
		cases.put("example", new Path[] { caseDir.resolve("imaging.nii.gz"), caseDir.resolve("segmentation.nii.gz") });
		NumpyExplore.assertTableAgrees(output.resolve(ExplorationTable.FILE), NumpyExplore.measure(cases));
		for (final String figure : new String[] { ExplorationFigures.HISTOGRAMS, ExplorationFigures.VOLUMES }) {
			assertEquals(900, ImageIO.read(output.resolve(figure).toFile()).getWidth(), figure);
		}

		final Run again = run("explore", "--dataset", dir.resolve("dataset").toString(), "--output", output.toString());
		assertEquals(2, again.code());
		assertTrue(again.err().startsWith("error: ") && again.err().contains("--overwrite true"), again.err());
	}

	@Test
	void syntheticCohortAgreesWithNumPy() throws IOException {
		final Path cohort = dir.resolve("cohort");
		final Run phantom = run("phantom", "--output", cohort.toString(), "--cases", "4", "--seed", "3");
		assertEquals(0, phantom.code(), phantom.err());
		final Path output = dir.resolve("explored");
		final Run run = run("explore", "--dataset", cohort.toString(), "--output", output.toString());
		assertEquals(0, run.code(), run.err());

		final Map<String, Path[]> cases = new LinkedHashMap<>();
		for (final CaseFiles c : Dataset.open(cohort).cases()) {
			cases.put(c.id(), new Path[] { c.image(), c.mask() });
		}
		assertEquals(4, cases.size());
		NumpyExplore.assertTableAgrees(output.resolve(ExplorationTable.FILE), NumpyExplore.measure(cases));
	}

	@Test
	void aBadDatasetWritesNothing() throws IOException {
		final Path dataset = Files.createDirectories(dir.resolve("dataset/case1"));
		Files.writeString(dataset.resolve("imaging.nii.gz"), "not a volume");
		final Path output = dir.resolve("explored");
		final Run run = run("explore", "--dataset", dir.resolve("dataset").toString(), "--output", output.toString());
		assertEquals(2, run.code());
		assertEquals(1, run.err().lines().count(), run.err());
		assertTrue(run.err().contains("case1"), run.err());
		assertFalse(Files.exists(output), "no output folder");
	}

	private static Run run(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
			new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
