package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.array.ArrayImgs;

import covidunet.dataset.TestDatasets;
import covidunet.evaluate.EvaluationReport;
import covidunet.evaluate.FoldEvaluation;
import covidunet.evaluate.Metric;
import covidunet.evaluate.MetricsTable;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiWriter;

/** {@code evaluate}: a pair of folders, the folds of a trained tiny model set, and the refusals. */
class EvaluateSubcommandTest {

	@TempDir
	Path tmp;

	private static void labels(final Path file, final int shift) {
		labels(file, shift, Affine.diagonal(1.5, 1.5, 3));
	}

	private static void labels(final Path file, final int shift, final Affine affine) {
		final long[] dims = { 12, 10, 6 };
		final byte[] v = new byte[12 * 10 * 6];
		for (int z = 1; z < 5; z++) {
			for (int y = 2; y < 8; y++) {
				for (int x = 1; x < 11; x++) {
					final int xs = x + shift;
					v[(z * 10 + y) * 12 + x] = (byte) (xs < 6 ? 1 : xs < 9 ? 2 : 3);
				}
			}
		}
		NiftiWriter.write(new Volume<>(ArrayImgs.unsignedBytes(v, dims), Geometry.fromAffine(dims, affine,
			Geometry.CODE_SCANNER)), file, "test");
	}

	private static Launch evaluate(final String... args) {
		final List<String> all = new java.util.ArrayList<>(List.of("evaluate"));
		all.addAll(List.of(args));
		return Launch.with(new Main(Subcommands.standard()), all.toArray(String[]::new));
	}

	@Test
	void aPairOfFoldersIsScoredByCaseId() throws IOException {
		final Path masks = Files.createDirectories(tmp.resolve("masks"));
		final Path predictions = Files.createDirectories(tmp.resolve("pred"));
		labels(masks.resolve("coronacases_001.nii.gz"), 0);
		labels(masks.resolve("coronacases_002.nii.gz"), 0);
		labels(predictions.resolve("coronacases_001.nii.gz"), 0);
		labels(predictions.resolve("coronacases_002.nii.gz"), 1);
		labels(predictions.resolve("unpaired.nii.gz"), 0);
		final Path out = tmp.resolve("out");
		final Launch launch = evaluate("--output", out.toString(), "--predictions", predictions.toString(), "--masks",
			masks.toString());
		assertEquals("", launch.err());
		assertEquals(0, launch.code());
		final List<String> detailed = Files.readAllLines(out.resolve(MetricsTable.DETAILED_FILE));
		assertEquals(1 + 2 * Metric.values().length, detailed.size());
		assertEquals("index,fold,score,background,lung_L,lung_R,infection,lungs_mean,lungs_union", detailed.get(0));
		assertTrue(detailed.contains("coronacases_001,0,DSC,1,1,1,1,1,1"), detailed.toString());
		assertTrue(launch.out().contains("coronacases_002: DSC lungs 1.0000, infection "), launch.out());
		assertTrue(Files.isRegularFile(out.resolve(MetricsTable.SUMMARY_FILE)));
		assertTrue(Files.isRegularFile(out.resolve("report.html")));
		assertTrue(Files.isRegularFile(out.resolve(EvaluationReport.FIGURES).resolve("boxplot_DSC.png")));
		assertFalse(Files.exists(out.resolve(EvaluationReport.FIGURES).resolve("coronacases_001.png")), "no CT, no case figure");
	}

	/** MIScnn wrote its predictions with an identity affine, named as the images. */
	@Test
	void predictionsWithoutGeometryAreComparedVoxelForVoxelOnlyWhenAsked() throws IOException {
		final Path masks = Files.createDirectories(tmp.resolve("masks"));
		final Path predictions = Files.createDirectories(tmp.resolve("pred"));
		labels(masks.resolve("coronacases_001.nii.gz"), 0);
		final Path prediction = predictions.resolve("coronacases_org_001.nii.gz");
		labels(prediction, 0, Affine.diagonal(1, 1, 1));
		final Launch refused = evaluate("--output", tmp.resolve("refused").toString(), "--predictions", predictions
			.toString(), "--masks", masks.toString());
		assertEquals(2, refused.code());
		assertTrue(refused.err().startsWith("error: prediction " + prediction + " lies elsewhere than truth "), refused
			.err());
		final Path out = tmp.resolve("out");
		final Launch launch = evaluate("--output", out.toString(), "--predictions", predictions.toString(), "--masks",
			masks.toString(), "--ignore_affine", "true");
		assertEquals(0, launch.code(), launch.err());
		assertTrue(Files.readAllLines(out.resolve(MetricsTable.DETAILED_FILE)).contains(
			"coronacases_001,0,DSC,1,1,1,1,1,1"));
	}

	@Test
	void everyFoldsModelSegmentsItsValidationCases() throws IOException {
		final Path dataset = TestDatasets.zenodo(tmp.resolve("data"), TestDatasets.hu("coronacases_001",
			"coronacases_002", "coronacases_003", "coronacases_004"));
		final Path folds = tmp.resolve("folds.json");
		assertEquals(0, Launch.with(new Main(Subcommands.standard()), "folds", "--dataset", dataset.toString(), "--output",
			folds.toString(), "--folds", "2", "--seed", "3").code());
		final Path models = tmp.resolve("models");
		final Launch train = Launch.with(new Main(Subcommands.standard()), "train", "--dataset", dataset.toString(),
			"--folds_file", folds.toString(), "--fold", "all", "--output", models.toString(), "--cache", tmp.resolve("cache")
				.toString(), "--levels", "2", "--base", "2", "--patch", "8,8,4", "--batch", "1", "--iterations", "2",
			"--epochs", "1", "--threads", "1");
		assertEquals(0, train.code(), train.err());
		final Path out = tmp.resolve("eval");
		final Launch launch = evaluate("--output", out.toString(), "--dataset", dataset.toString(), "--folds_file", folds
			.toString(), "--models", models.toString(), "--threads", "1");
		assertEquals("", launch.err());
		assertEquals(0, launch.code());
		for (final String id : List.of("coronacases_001", "coronacases_002", "coronacases_003", "coronacases_004")) {
			assertTrue(Files.isRegularFile(out.resolve(FoldEvaluation.PREDICTIONS).resolve(id + ".nii.gz")), id);
		}
		final List<String> summary = Files.readAllLines(out.resolve(MetricsTable.SUMMARY_FILE));
		assertEquals(1 + 4 * Metric.values().length, summary.size(), "folds 0 and 1, mean and std");
		assertTrue(summary.get(1).startsWith("0,DSC,") && summary.get(summary.size() - 1).startsWith("std,"), summary
			.toString());
		final Path figures = out.resolve(EvaluationReport.FIGURES);
		for (final String f : List.of("fitting_curves.png", "boxplot_HD95.png", "coronacases_003.png", "coronacases_003.gif")) {
			assertTrue(Files.isRegularFile(figures.resolve(f)), f);
		}
		final String html = Files.readString(out.resolve("report.html"));
		assertTrue(html.contains("data:image/gif;base64,") && html.contains("coronacases_004"), "the report embeds figures");
		assertTrue(launch.out().contains("report.html"), launch.out());
		final long modified = Files.getLastModifiedTime(out.resolve(FoldEvaluation.PREDICTIONS).resolve(
			"coronacases_001.nii.gz")).toMillis();
		assertEquals(0, evaluate("--output", out.toString(), "--dataset", dataset.toString(), "--folds_file", folds
			.toString(), "--models", models.toString()).code());
		assertEquals(modified, Files.getLastModifiedTime(out.resolve(FoldEvaluation.PREDICTIONS).resolve(
			"coronacases_001.nii.gz")).toMillis(), "existing predictions are reused");
		final Launch missing = evaluate("--output", out.toString(), "--dataset", dataset.toString(), "--folds_file", folds
			.toString(), "--models", tmp.resolve("data").toString());
		assertEquals(2, missing.code());
		assertTrue(missing.err().startsWith("error: models " + tmp.resolve("data") + ": no fold_0 for fold 0"), missing
			.err());
	}

	@Test
	void theTwoFormsDoNotMix() {
		final Launch launch = evaluate("--output", tmp.resolve("o").toString(), "--predictions", tmp.toString(),
			"--models", tmp.toString());
		assertEquals(2, launch.code());
		assertEquals(1, launch.err().lines().count(), launch.err());
		assertTrue(launch.err().startsWith("error: evaluate: give either"), launch.err());
	}
}
