package covidunet.io.imagej;

import static covidunet.io.imagej.GeometryAssert.assertSameGeometry;
import static covidunet.io.imagej.GeometryAssert.oblique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

class ImagePlusVolumesTest {

	/** A 4×3×2 stack of the given processor kind: pixel (x, y) of slice n is 10 n + 3 y + x. */
	static ImagePlus stack(final String title, final int bitDepth) {
		final ImageStack stack = new ImageStack(4, 3);
		for (int n = 1; n <= 2; n++) {
			final var ip = bitDepth == 8 ? new ByteProcessor(4, 3) : bitDepth == 16 ?
				new ShortProcessor(4, 3) : new FloatProcessor(4, 3);
			for (int y = 0; y < 3; y++) {
				for (int x = 0; x < 4; x++) {
					ip.putPixelValue(x, y, 10 * n + 3 * y + x);
				}
			}
			stack.addSlice(ip);
		}
		return new ImagePlus(title, stack);
	}

	static double value(final RandomAccessibleInterval<? extends RealType<?>> image, final long x,
		final long y, final long z)
	{
		final RandomAccess<? extends RealType<?>> access = image.randomAccess();
		access.setPosition(new long[] { x, y, z });
		return access.get().getRealDouble();
	}

	@Test
	void wrapsEachBitDepthWithTheMatchingType() {
		assertInstanceOf(UnsignedByteType.class, ImagePlusVolumes.wrap(stack("b", 8)).type());
		assertInstanceOf(UnsignedShortType.class, ImagePlusVolumes.wrap(stack("s", 16)).type());
		assertInstanceOf(FloatType.class, ImagePlusVolumes.wrap(stack("f", 32)).type());
		for (final int bitDepth : new int[] { 8, 16, 32 }) {
			final Volume<?> v = ImagePlusVolumes.wrap(stack("v", bitDepth));
			assertArrayEquals(new long[] { 4, 3, 2 }, v.image().dimensionsAsLongArray());
			assertEquals(10 + 3 * 2 + 1, value(v.image(), 1, 2, 0), "bit depth " + bitDepth);
			assertEquals(20 + 3 + 3, value(v.image(), 3, 1, 1), "bit depth " + bitDepth);
		}
	}

	@Test
	void keepsTheFullRangeOfUnsignedValues() {
		final ImagePlus imp = stack("range", 16);
		imp.getStack().getProcessor(2).set(3, 2, 65535);
		final ImagePlus bytes = stack("range8", 8);
		bytes.getStack().getProcessor(1).set(0, 0, 255);
		assertEquals(65535, value(ImagePlusVolumes.wrap(imp).image(), 3, 2, 1));
		assertEquals(255, value(ImagePlusVolumes.wrap(bytes).image(), 0, 0, 0));
	}

	@Test
	void writesReachTheImagePlusPixels() {
		for (final int bitDepth : new int[] { 8, 16, 32 }) {
			final ImagePlus imp = stack("shared", bitDepth);
			final RandomAccess<? extends RealType<?>> access = ImagePlusVolumes.wrap(imp).image()
				.randomAccess();
			access.setPosition(new long[] { 2, 1, 1 });
			access.get().setReal(123);
			assertEquals(123, imp.getStack().getProcessor(2).getPixelValue(2, 1), "bit depth " + bitDepth);
		}
	}

	@Test
	void calibratedSigned16BitGivesTrueValuesWithoutCopying() {
		// As ImageJ's DICOM opener stores signed data: value + 32768 with a straight-line function.
		final ImagePlus imp = stack("dicom", 16);
		final short[] slice = (short[]) imp.getStack().getPixels(1);
		slice[0] = (short) (-1024 + 32768);
		slice[1] = (short) (3071 + 32768);
		imp.getCalibration().setSigned16BitCalibration();
		final Volume<?> v = ImagePlusVolumes.wrap(imp);
		assertInstanceOf(FloatType.class, v.type());
		assertEquals(-1024, value(v.image(), 0, 0, 0));
		assertEquals(3071, value(v.image(), 1, 0, 0));
		assertEquals(20 - 32768, value(v.image(), 0, 0, 1));
		slice[0] = (short) (40 + 32768);
		assertEquals(40, value(v.image(), 0, 0, 0), "a view of the pixels, not a copy");
	}

	@Test
	void appliesRescaleSlopeAndIntercept() {
		final ImagePlus imp = stack("rescaled", 16);
		final Calibration cal = imp.getCalibration();
		cal.setFunction(Calibration.STRAIGHT_LINE, new double[] { -1024, 0.5 }, "HU");
		imp.setCalibration(cal);
		final Volume<?> v = ImagePlusVolumes.wrap(imp);
		assertEquals(-1024 + 0.5 * (20 + 3 + 2), value(v.image(), 2, 1, 1));
	}

	@Test
	void singleSliceIsAVolumeOfDepthOne() {
		final ImagePlus imp = new ImagePlus("slice", new ByteProcessor(5, 4));
		final Volume<?> v = ImagePlusVolumes.wrap(imp);
		assertArrayEquals(new long[] { 5, 4, 1 }, v.geometry().dims());
		final RandomAccess<? extends RealType<?>> access = v.image().randomAccess();
		access.setPosition(new long[] { 4, 3, 0 });
		access.get().setReal(7);
		assertEquals(7, imp.getProcessor().get(4, 3));
	}

	@Test
	void refusesColourImages() {
		final BadInputException rgb = assertThrows(BadInputException.class,
			() -> ImagePlusVolumes.wrap(new ImagePlus("photo", new ColorProcessor(4, 3))));
		assertEquals("image \"photo\" is an RGB image; a grey-level volume is needed", rgb.getMessage());
		final ImagePlus indexed = new ImagePlus("gif", new ByteProcessor(4, 3));
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			r[i] = (byte) (i * 37);
			g[i] = (byte) (i * 101);
			b[i] = (byte) (i * 59);
		}
		indexed.setLut(new LUT(r, g, b));
		indexed.setTypeToColor256();
		assertEquals(ImagePlus.COLOR_256, indexed.getType());
		final BadInputException lut = assertThrows(BadInputException.class,
			() -> ImagePlusVolumes.wrap(indexed));
		assertTrue(lut.getMessage().startsWith("image \"gif\" is an indexed-colour image"), lut.getMessage());
	}

	@Test
	void refusesHyperstacks() {
		final ImagePlus channels = stack("two channels", 8);
		channels.setDimensions(2, 1, 1);
		final BadInputException c = assertThrows(BadInputException.class,
			() -> ImagePlusVolumes.wrap(channels));
		assertTrue(c.getMessage().startsWith("image \"two channels\" has 2 channels and 1 time points"),
			c.getMessage());
		final ImagePlus frames = stack("movie", 8);
		frames.setDimensions(1, 1, 2);
		assertThrows(BadInputException.class, () -> ImagePlusVolumes.wrap(frames));
	}

	@Test
	void usesStoredGeometryOfTheSameSize() {
		final ImagePlus imp = stack("stored", 32);
		final Geometry stored = oblique(4, 3, 2);
		GeometryProperties.write(imp, stored);
		assertSameGeometry(stored, ImagePlusVolumes.wrap(imp).geometry());
	}

	@Test
	void fallsBackToTheCalibrationWhenStoredGeometryIsStale() {
		final ImagePlus imp = stack("cropped", 32);
		GeometryProperties.write(imp, oblique(5, 3, 2));
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		cal.pixelDepth = 2;
		cal.setUnit("mm");
		imp.setCalibration(cal);
		final Geometry g = ImagePlusVolumes.wrap(imp).geometry();
		assertArrayEquals(new double[] { 0.5, 0.5, 2 }, g.spacing());
		assertEquals("LPS", g.orientation());
	}

	@Test
	void uncalibratedImageHasMillimetreVoxels() {
		final Geometry g = ImagePlusVolumes.geometryOf(stack("plain", 8));
		assertArrayEquals(new double[] { 1, 1, 1 }, g.spacing());
		assertEquals("LPS", g.orientation());
	}
}
