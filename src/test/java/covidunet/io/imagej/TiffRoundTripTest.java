package covidunet.io.imagej;

import static covidunet.io.imagej.GeometryAssert.assertSameGeometry;
import static covidunet.io.imagej.GeometryAssert.oblique;
import static covidunet.io.imagej.ImagePlusVolumesTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.io.Volume;
import ij.IJ;
import ij.ImagePlus;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A volume exported to ImageJ, saved by it as TIFF and reopened keeps its geometry: ImageJ's
 * TIFF writer keeps string properties (in its own "properties" metadata), so no copy in the
 * "Info" property is needed.
 */
class TiffRoundTripTest {

	private static final long[] DIMS = { 5, 4, 3 };

	@TempDir
	Path dir;

	private ImagePlus saveAndReopen(final ImagePlus imp, final String name) {
		final String path = dir.resolve(name).toString();
		assertTrue(IJ.saveAsTiff(imp, path), "saved " + path);
		return IJ.openImage(path);
	}

	@Test
	void signedCtKeepsValuesAndObliqueGeometry() {
		final Img<ShortType> img = ArrayImgs.shorts(DIMS);
		final Cursor<ShortType> cursor = img.cursor();
		for (int i = 0; cursor.hasNext(); i++) {
			cursor.next().set((short) (-1024 + 37 * i));
		}
		final Volume<ShortType> v = new Volume<>(img, oblique(DIMS));
		final ImagePlus reopened = saveAndReopen(ImagePlusVolumes.toImagePlus(v, "ct"), "ct.tif");
		assertTrue(reopened.getCalibration().isSigned16Bit());
		final Volume<?> back = ImagePlusVolumes.wrap(reopened);
		assertSameGeometry(v.geometry(), back.geometry());
		assertEquals(-1024, value(back.image(), 0, 0, 0));
		assertEquals(-1024 + 37 * 59, value(back.image(), 4, 3, 2));
	}

	@Test
	void labelImageKeepsLutAndGeometry() {
		final Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(DIMS);
		img.firstElement().set(LabelLut.INFECTION);
		final Volume<UnsignedByteType> v = new Volume<>(img, oblique(DIMS));
		final ImagePlus reopened = saveAndReopen(LabelImages.toLabelImagePlus(v, "seg"), "seg.tif");
		assertEquals(ImagePlus.GRAY8, reopened.getType());
		assertEquals(LabelLut.colour(LabelLut.INFECTION).getRGB(),
			reopened.getProcessor().getLut().getRGB(LabelLut.INFECTION));
		final Volume<?> back = ImagePlusVolumes.wrap(reopened);
		assertSameGeometry(v.geometry(), back.geometry());
		assertEquals(LabelLut.INFECTION, value(back.image(), 0, 0, 0));
	}
}
