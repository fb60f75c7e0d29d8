package covidunet.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.io.Affine;

class DatasetTest {

	@TempDir
	Path dir;

	private static String failure(final Path folder) {
		final String message = assertThrows(BadInputException.class, () -> Dataset.open(folder)).getMessage();
		assertFalse(message.contains("\n") || message.contains("\r"), message);
		return message;
	}

	@Test
	void zenodoLayoutIsPairedByCaseIdAndSorted() throws IOException {
		final Map<String, IntensityKind> cases = TestDatasets.hu("coronacases_010", "coronacases_002");
		cases.put("radiopaedia_4_85506_1", IntensityKind.RESCALED_0_255);
		TestDatasets.zenodo(dir, cases);
		final Dataset dataset = Dataset.open(dir);
		assertEquals(Layout.ZENODO, dataset.layout());
		assertEquals(dir, dataset.root());
		assertEquals(List.of("coronacases_002", "coronacases_010", "radiopaedia_4_85506_1"), dataset.ids());
		final CaseFiles radiopaedia = dataset.cases().get(2);
		assertEquals(new CaseFiles("radiopaedia_4_85506_1",
			dir.resolve("COVID-19-CT-Seg_20cases/radiopaedia_org_covid-19-pneumonia-4_85506_1-dcm.nii.gz"),
			dir.resolve("Lung_and_Infection_Mask/radiopaedia_4_85506_1.nii.gz")), radiopaedia);
		assertEquals(Optional.of(radiopaedia), dataset.find("radiopaedia_4_85506_1"));
		assertEquals(Optional.empty(), dataset.find("coronacases_001"));
	}

	@Test
	void simpleLayoutTakesTheFolderNameAsCaseId() throws IOException {
		TestDatasets.simple(dir, TestDatasets.hu("case_b", "case_a"));
		final Dataset dataset = Dataset.open(dir);
		assertEquals(Layout.SIMPLE, dataset.layout());
		assertEquals(List.of("case_a", "case_b"), dataset.ids());
		assertEquals(new CaseFiles("case_a", dir.resolve("case_a/imaging.nii.gz"), dir.resolve("case_a/segmentation.nii.gz")),
			dataset.cases().get(0));
	}

	@Test
	void aDatasetOneFolderDownIsFound() throws IOException {
		final Path inner = TestDatasets.zenodo(dir.resolve("zenodo"), TestDatasets.hu("coronacases_001"));
		Files.createDirectories(dir.resolve("notes"));
		final Dataset dataset = Dataset.open(dir);
		assertEquals(inner, dataset.root());
		assertEquals(List.of("coronacases_001"), dataset.ids());
		final Path simple = TestDatasets.simple(dir.resolve("mine"), TestDatasets.hu("a"));
		assertEquals(Layout.SIMPLE, Dataset.open(simple).layout());
		assertEquals("dataset " + dir + ": holds several datasets one folder down (mine, zenodo); give one of them",
			failure(dir));
	}

	@Test
	void hiddenAndOtherFilesAreIgnored() throws IOException {
		TestDatasets.zenodo(dir, TestDatasets.hu("coronacases_001"));
		Files.writeString(dir.resolve("COVID-19-CT-Seg_20cases/._coronacases_org_002.nii.gz"), "AppleDouble");
		Files.writeString(dir.resolve("COVID-19-CT-Seg_20cases/README.txt"), "notes");
		Files.writeString(dir.resolve("Lung_and_Infection_Mask/.DS_Store"), "");
		Files.createDirectories(dir.resolve("Lung_Mask"));
		Files.writeString(dir.resolve("COVID-19-CT-Seg_20cases.zip"), "zip");
		assertEquals(List.of("coronacases_001"), Dataset.open(dir).ids());
	}

	@Test
	void anEmptyFolderHasNoCases() throws IOException {
		assertEquals("dataset " + dir + ": no cases found (expected COVID-19-CT-Seg_20cases/ and " +
			"Lung_and_Infection_Mask/, or <case>/imaging.nii.gz and <case>/segmentation.nii.gz, in it or one folder down)",
			failure(dir));
		Files.createDirectories(dir.resolve("COVID-19-CT-Seg_20cases"));
		Files.createDirectories(dir.resolve("Lung_and_Infection_Mask"));
		assertEquals("dataset " + dir + ": no cases: COVID-19-CT-Seg_20cases/ and Lung_and_Infection_Mask/ hold no " +
			"NIfTI files", failure(dir));
	}

	@Test
	void aFileOrNothingIsNoFolder() throws IOException {
		final Path file = Files.writeString(dir.resolve("data.nii.gz"), "x");
		assertEquals("dataset " + file + ": is a file, not a folder", failure(file));
		assertEquals("dataset " + dir.resolve("nope") + ": no such folder", failure(dir.resolve("nope")));
	}

	@Test
	void aMissingZenodoFolderIsNamed() throws IOException {
		TestDatasets.zenodo(dir, TestDatasets.hu("coronacases_001", "coronacases_002"));
		TestDatasets.deleteTree(dir.resolve("Lung_and_Infection_Mask"));
		assertEquals("dataset " + dir + ": Lung_and_Infection_Mask/ is missing beside COVID-19-CT-Seg_20cases/",
			failure(dir));
	}

	@Test
	void imagesWithoutMasksAreNamed() throws IOException {
		TestDatasets.zenodo(dir, TestDatasets.hu("coronacases_001", "coronacases_002", "coronacases_003"));
		Files.delete(TestDatasets.zenodoMask(dir, "coronacases_001"));
		Files.delete(TestDatasets.zenodoMask(dir, "coronacases_003"));
		assertEquals("dataset " + dir + ": 2 problems: coronacases_001 has no mask; coronacases_003 has no mask",
			failure(dir));
	}

	@Test
	void masksWithoutImagesAreNamed() throws IOException {
		TestDatasets.simple(dir, TestDatasets.hu("a", "b"));
		Files.delete(dir.resolve("b/imaging.nii.gz"));
		assertEquals("dataset " + dir + ": 1 problem: b has a mask but no image", failure(dir));
	}

	@Test
	void aShapeMismatchGivesBothShapes() throws IOException {
		TestDatasets.zenodo(dir, TestDatasets.hu("coronacases_001", "radiopaedia_7_85703_0"));
		TestDatasets.mask(TestDatasets.zenodoMask(dir, "radiopaedia_7_85703_0"),
			TestDatasets.geometry(new long[] { 8, 8, 3 }, TestDatasets.AFFINE));
		assertEquals("dataset " + dir + ": 1 problem: radiopaedia_7_85703_0: image 8x8x4 but mask 8x8x3", failure(dir));
	}

	@Test
	void aGeometryMismatchIsNamedAndRoundingIsTolerated() throws IOException {
		TestDatasets.zenodo(dir, TestDatasets.hu("coronacases_001", "coronacases_002", "coronacases_003"));
		final Affine a = TestDatasets.AFFINE;
		final Affine shifted = Affine.ofRows(-1.5, 0, 0, 105.2, 0, -1.5, 0, 132.7, 0, 0, 3, -212.5);
		final Affine flipped = Affine.ofRows(1.5, 0, 0, -105.2, 0, 1.5, 0, -130.7, 0, 0, 3, -212.5);
		final Affine rounded = Affine.ofRows(-1.5000001, 0, 0, 105.20001, 0, -1.4999999, 1e-7, 130.70002, 0, 0,
			3.0000001, -212.49999);
		assertTrue(rounded.approximatelyEquals(a, 1e-4) && !rounded.equals(a));
		TestDatasets.mask(TestDatasets.zenodoMask(dir, "coronacases_001"), TestDatasets.geometry(TestDatasets.DIMS, shifted));
		TestDatasets.mask(TestDatasets.zenodoMask(dir, "coronacases_002"), TestDatasets.geometry(TestDatasets.DIMS, flipped));
		TestDatasets.mask(TestDatasets.zenodoMask(dir, "coronacases_003"), TestDatasets.geometry(TestDatasets.DIMS, rounded));
		assertEquals("dataset " + dir + ": 2 problems: " +
			"coronacases_001: mask geometry differs from the image's (grid corners up to 2.00 mm apart; image LPS, mask LPS); " +
			"coronacases_002: mask geometry differs from the image's (grid corners up to 336 mm apart; image LPS, mask RAS)",
			failure(dir));
	}

	@Test
	void aNonNiftiFileWithANiftiNameIsNamed() throws IOException {
		TestDatasets.zenodo(dir, TestDatasets.hu("coronacases_001", "coronacases_009"));
		Files.writeString(TestDatasets.zenodoMask(dir, "coronacases_009"), "<html>404 Not Found</html>",
			StandardCharsets.UTF_8);
		final String message = failure(dir);
		assertTrue(message.startsWith("dataset " + dir + ": 1 problem: coronacases_009: mask: not a NIfTI-1 file"),
			message);
		Files.write(TestDatasets.zenodoImage(dir, "coronacases_001"), new byte[0]);
		assertTrue(failure(dir).startsWith("dataset " + dir + ": 2 problems: coronacases_001: image: empty file; " +
			"coronacases_009: mask: not a NIfTI-1 file"), failure(dir));
	}

	@Test
	void filesOutsideTheLayoutAreNamed() throws IOException {
		TestDatasets.zenodo(dir, TestDatasets.hu("coronacases_001"));
		Files.copy(TestDatasets.zenodoMask(dir, "coronacases_001"), dir.resolve("COVID-19-CT-Seg_20cases/scan.nii.gz"));
		Files.copy(TestDatasets.zenodoMask(dir, "coronacases_001"), dir.resolve("Lung_and_Infection_Mask/extra.nii"));
		Files.copy(TestDatasets.zenodoMask(dir, "coronacases_001"), dir.resolve("loose.nii.gz"));
		assertEquals("dataset " + dir + ": 3 problems: " +
			"COVID-19-CT-Seg_20cases/scan.nii.gz is not an image name of the dataset; " +
			"Lung_and_Infection_Mask/extra.nii is not a mask name of the dataset (<case>.nii.gz); " +
			"loose.nii.gz is neither in COVID-19-CT-Seg_20cases/ nor in Lung_and_Infection_Mask/", failure(dir));

		final Path simple = TestDatasets.simple(dir.resolve("simple"), TestDatasets.hu("a"));
		Files.copy(simple.resolve("a/segmentation.nii.gz"), simple.resolve("a/prediction.nii.gz"));
		Files.copy(simple.resolve("a/segmentation.nii.gz"), simple.resolve("b.nii.gz"));
		assertEquals("dataset " + simple + ": 2 problems: a/prediction.nii.gz is neither imaging.nii.gz nor " +
			"segmentation.nii.gz; b.nii.gz is not in a case folder", failure(simple));
	}

	@Test
	void allProblemsGoIntoOneLineCutAfterTen() throws IOException {
		final Map<String, IntensityKind> cases = TestDatasets.hu();
		for (int i = 1; i <= 13; i++) cases.put(String.format("coronacases_%03d", i), IntensityKind.HU);
		TestDatasets.zenodo(dir, cases);
		for (int i = 1; i <= 13; i++) Files.delete(TestDatasets.zenodoMask(dir, String.format("coronacases_%03d", i)));
		final String message = failure(dir);
		assertTrue(message.startsWith("dataset " + dir + ": 13 problems: coronacases_001 has no mask; "), message);
		assertTrue(message.endsWith("; coronacases_010 has no mask; ... and 3 more"), message);
	}
}
