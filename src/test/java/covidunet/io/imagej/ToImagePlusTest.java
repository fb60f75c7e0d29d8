package covidunet.io.imagej;

import static covidunet.io.imagej.GeometryAssert.assertSameGeometry;
import static covidunet.io.imagej.GeometryAssert.oblique;
import static covidunet.io.imagej.ImagePlusVolumesTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import ij.ImagePlus;
import ij.measure.Calibration;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

class ToImagePlusTest {

	private static final long[] DIMS = { 4, 3, 2 };

	/** Fills the image with {@code offset + scale * (voxel index)}. */
	private static <T extends RealType<T> & NativeType<T>> Volume<T> volume(final Img<T> img,
		final double offset, final double scale)
	{
		final Cursor<T> cursor = img.cursor();
		for (int i = 0; cursor.hasNext(); i++) {
			cursor.next().setReal(offset + scale * i);
		}
		return new Volume<>(img, oblique(DIMS));
	}

	private static void assertSameValues(final Volume<?> expected, final Volume<?> actual) {
		for (long z = 0; z < DIMS[2]; z++) {
			for (long y = 0; y < DIMS[1]; y++) {
				for (long x = 0; x < DIMS[0]; x++) {
					assertEquals(value(expected.image(), x, y, z), value(actual.image(), x, y, z),
						"voxel " + x + "," + y + "," + z);
				}
			}
		}
	}

	@Test
	void choosesTheImageJTypeOfTheVoxelType() {
		assertEquals(ImagePlus.GRAY8, ImagePlusVolumes.toImagePlus(volume(ArrayImgs.unsignedBytes(DIMS),
			0, 10), "u8").getType());
		assertEquals(ImagePlus.GRAY16, ImagePlusVolumes.toImagePlus(volume(ArrayImgs.unsignedShorts(
			DIMS), 0, 2000), "u16").getType());
		assertEquals(ImagePlus.GRAY16, ImagePlusVolumes.toImagePlus(volume(ArrayImgs.shorts(DIMS),
			-1024, 100), "i16").getType());
		assertEquals(ImagePlus.GRAY32, ImagePlusVolumes.toImagePlus(volume(ArrayImgs.ints(DIMS), -5,
			3), "i32").getType());
		assertEquals(ImagePlus.GRAY32, ImagePlusVolumes.toImagePlus(volume(ArrayImgs.doubles(DIMS),
			0.25, -1.5), "f64").getType());
	}

	@Test
	void storesSignedShortsAsImageJDoes() {
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(volume(ArrayImgs.shorts(DIMS), -1024, 100),
			"ct");
		final Calibration cal = imp.getCalibration();
		assertTrue(cal.isSigned16Bit());
		assertEquals(-1024 + 32768, imp.getStack().getProcessor(1).get(0, 0));
		assertEquals(-1024, cal.getCValue(imp.getStack().getProcessor(1).get(0, 0)));
		assertEquals(-1024 + 100 * 23, cal.getCValue(imp.getStack().getProcessor(2).get(3, 2)));
	}

	@Test
	void setsCalibrationPropertiesAndWholeVolumeDisplayRange() {
		final Volume<FloatType> v = volume(ArrayImgs.floats(DIMS), -1000, 100);
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(v, "float");
		final Calibration cal = imp.getCalibration();
		assertEquals("mm", cal.getUnit());
		assertEquals(0.7, cal.pixelWidth);
		assertEquals(0.8, cal.pixelHeight);
		assertEquals(2.5, cal.pixelDepth);
		assertSameGeometry(v.geometry(), GeometryProperties.read(imp).orElseThrow());
		assertEquals(-1000, imp.getDisplayRangeMin());
		assertEquals(-1000 + 2300, imp.getDisplayRangeMax());
	}

	@Test
	void reusesPlanarArraysAndCopiesOthers() {
		final var planar = PlanarImgs.floats(DIMS);
		final ImagePlus shared = ImagePlusVolumes.toImagePlus(volume(planar, 0, 1), "shared");
		assertSame(planar.getPlane(1).getCurrentStorageArray(), shared.getStack().getPixels(2));
		final var signed = PlanarImgs.shorts(DIMS);
		final ImagePlus shifted = ImagePlusVolumes.toImagePlus(volume(signed, -5, 1), "shifted");
		assertTrue(signed.getPlane(0).getCurrentStorageArray() != shifted.getStack().getPixels(1));
		assertEquals(-5, value(signed, 0, 0, 0), "the source keeps its values");
	}

	@Test
	void roundTripsValuesAndGeometry() {
		final Volume<?>[] volumes = {
			volume(ArrayImgs.unsignedBytes(DIMS), 0, 10),
			volume(ArrayImgs.unsignedShorts(DIMS), 0, 2800),
			volume(ArrayImgs.shorts(DIMS), -2048, 150),
			volume(PlanarImgs.floats(DIMS), -0.5, 0.125),
			volume(ArrayImgs.ints(DIMS), -70000, 7000) };
		for (final Volume<?> v : volumes) {
			final Volume<?> back = ImagePlusVolumes.wrap(ImagePlusVolumes.toImagePlus(v, "round trip"));
			assertSameValues(v, back);
			assertSameGeometry(v.geometry(), back.geometry());
		}
	}

	@Test
	void lpsGeometryRoundTripsThroughTheCalibrationAlone() {
		final Calibration cal = new Calibration();
		cal.setUnit("mm");
		cal.pixelWidth = 0.625;
		cal.pixelHeight = 0.625;
		cal.pixelDepth = 5;
		cal.xOrigin = 255.5;
		cal.yOrigin = -12;
		cal.zOrigin = 3;
		final Geometry lps = CalibrationGeometry.assumed(cal, DIMS, "lps");
		final Volume<?> v = new Volume<>(ArrayImgs.floats(DIMS), lps);
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(v, "no properties");
		imp.getImageProperties().clear();
		assertTrue(GeometryProperties.read(imp).isEmpty());
		final Geometry back = ImagePlusVolumes.geometryOf(imp);
		assertTrue(back.affine().approximatelyEquals(lps.affine(), 1e-12), back.toString());
		assertInstanceOf(FloatType.class, ImagePlusVolumes.wrap(imp).type());
	}
}
