package covidunet.io.imagej;

import static covidunet.io.imagej.ImagePlusVolumesTest.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import covidunet.io.Volume;
import ij.IJ;
import ij.ImagePlus;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** The bridge on a real signed 16-bit CT slice as ImageJ's own DICOM reader opens it. */
class RealDicomSliceTest {

	private static final Path SLICE = Paths.get(System.getProperty("user.dir"),
		"../shared/data/real/chest_slice_512.dcm").normalize();

	@Test
	void wrappedValuesAreHounsfieldUnits() {
		Assumptions.assumeTrue(Files.isReadable(SLICE), "fixture " + SLICE + " is missing");
		final ImagePlus imp = IJ.openImage(SLICE.toString());
		assertEquals(16, imp.getBitDepth());
		final Volume<?> v = ImagePlusVolumes.wrap(imp);
		assertInstanceOf(FloatType.class, v.type());
		assertArrayEquals(new long[] { 512, 512, 1 }, v.geometry().dims());
		assertEquals(0.625, v.geometry().spacing()[0]);
		assertEquals(0.625, v.geometry().spacing()[1]);
		assertEquals("LPS", v.geometry().orientation());
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (final RealType<?> t : v.image()) {
			min = Math.min(min, t.getRealDouble());
			max = Math.max(max, t.getRealDouble());
		}
		assertEquals(-2048, min, "padding outside the field of view");
		assertEquals(1502, max);
		assertEquals(-2048, value(v.image(), 0, 0, 0), "the corner is outside the field of view");
		double air = 0;
		for (int x = 250; x < 260; x++) {
			air += value(v.image(), x, 30, 0) / 10;
		}
		assertTrue(air > -1050 && air < -950, "air in front of the chest: " + air + " HU");
	}
}
