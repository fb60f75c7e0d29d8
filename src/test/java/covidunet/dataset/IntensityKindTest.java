package covidunet.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiWriter;
import net.imglib2.img.array.ArrayImgs;

class IntensityKindTest {

	@TempDir
	Path dir;

	private final Geometry geometry = TestDatasets.geometry(TestDatasets.DIMS, TestDatasets.AFFINE);

	private Path floats(final String name, final float first, final float rest, final NiftiDatatype type,
		final double slope, final double inter)
	{
		final float[] values = new float[(int) geometry.voxelCount()];
		Arrays.fill(values, rest);
		values[values.length - 1] = first;
		final Path file = dir.resolve(name);
		NiftiWriter.write(new Volume<>(ArrayImgs.floats(values, geometry.dims()), geometry), file, type, "", slope, inter);
		return file;
	}

	@Test
	void theRangeDecides() {
		assertEquals(IntensityKind.RESCALED_0_255, IntensityKind.of(0, 255));
		assertEquals(IntensityKind.RESCALED_0_255, IntensityKind.of(12.5, 200));
		assertEquals(IntensityKind.HU, IntensityKind.of(-0.5, 255));
		assertEquals(IntensityKind.HU, IntensityKind.of(0, 255.5));
		assertEquals(IntensityKind.HU, IntensityKind.of(-1024, 3071));
		assertEquals(IntensityKind.HU, IntensityKind.of(Double.NaN, Double.NaN));
	}

	@Test
	void imagesAreToldByTheirValuesNotTheirNames() throws IOException {
		final Path hu = dir.resolve("radiopaedia_org_covid-19-pneumonia-4_85506_1-dcm.nii.gz");
		TestDatasets.image(hu, IntensityKind.HU, geometry);
		final Path rescaled = dir.resolve("coronacases_org_001.nii.gz");
		TestDatasets.image(rescaled, IntensityKind.RESCALED_0_255, geometry);
		assertEquals(IntensityKind.HU, IntensityKind.detect(hu));
		assertEquals(IntensityKind.RESCALED_0_255, IntensityKind.detect(rescaled));
	}

	@Test
	void scalingAndDatatypesAreTakenIntoAccount() {
		assertEquals(IntensityKind.RESCALED_0_255, IntensityKind.detect(floats("u8.nii.gz", 255, 0, NiftiDatatype.UINT8, 1, 0)));
		assertEquals(IntensityKind.HU, IntensityKind.detect(floats("u8scaled.nii.gz", -1024, -624, NiftiDatatype.UINT8, 4, -1024)));
		assertEquals(IntensityKind.RESCALED_0_255, IntensityKind.detect(floats("f.nii", 254.75f, 0.25f, NiftiDatatype.FLOAT32, 1, 0)));
		assertEquals(IntensityKind.HU, IntensityKind.detect(floats("last.nii", 256, 3, NiftiDatatype.INT16, 1, 0)));
		assertEquals(IntensityKind.HU, IntensityKind.detect(floats("low.nii", -1, 3, NiftiDatatype.INT16, 1, 0)));
		assertEquals(IntensityKind.RESCALED_0_255, IntensityKind.detect(floats("nan.nii", Float.NaN, 3, NiftiDatatype.FLOAT32, 1, 0)));
	}

	@Test
	void anUnreadableImageIsBadInput() throws IOException {
		final Path file = Files.writeString(dir.resolve("x.nii.gz"), "not a volume");
		assertThrows(BadInputException.class, () -> IntensityKind.detect(file));
	}

	@Test
	void keysNameTheKinds() {
		for (final IntensityKind kind : IntensityKind.values()) assertEquals(kind, IntensityKind.ofKey(kind.key()));
		assertEquals("rescaled_0_255", IntensityKind.RESCALED_0_255.key());
		assertThrows(IllegalArgumentException.class, () -> IntensityKind.ofKey("HU"));
	}

	@Test
	void aDatasetReportsTheKindOfEachCase() throws IOException {
		final Map<String, IntensityKind> cases = TestDatasets.hu("coronacases_002", "coronacases_001");
		cases.put("radiopaedia_4_85506_1", IntensityKind.RESCALED_0_255);
		final Dataset dataset = Dataset.open(TestDatasets.zenodo(dir, cases));
		final List<String> reports = new ArrayList<>();
		final Map<String, IntensityKind> kinds =
			dataset.intensityKinds((task, done, total) -> reports.add(task + " " + done + "/" + total));
		assertEquals(Map.of("coronacases_001", IntensityKind.HU, "coronacases_002", IntensityKind.HU,
			"radiopaedia_4_85506_1", IntensityKind.RESCALED_0_255), kinds);
		assertEquals(List.of("coronacases_001", "coronacases_002", "radiopaedia_4_85506_1"), List.copyOf(kinds.keySet()));
		assertEquals(List.of("intensity range of coronacases_001 0/3", "intensity range of coronacases_002 1/3",
			"intensity range of radiopaedia_4_85506_1 2/3", "intensity ranges 3/3"), reports);
		assertEquals(kinds, dataset.intensityKinds(Progress.NONE));
	}
}
