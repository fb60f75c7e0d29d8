package covidunet.io.imagej;

import static covidunet.io.imagej.GeometryAssert.assertSameGeometry;
import static covidunet.io.imagej.GeometryAssert.oblique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;
import covidunet.io.Volume;
import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.process.LUT;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

class LabelImagesTest {

	private static final long[] DIMS = { 4, 3, 2 };

	private static Volume<IntType> labels(final int... firstValues) {
		final Img<IntType> img = ArrayImgs.ints(DIMS);
		final var cursor = img.cursor();
		for (final int v : firstValues) {
			cursor.next().set(v);
		}
		return new Volume<>(img, oblique(DIMS));
	}

	@Test
	void lutGivesEachLabelItsColour() {
		final LUT lut = LabelLut.lut();
		final Color[] expected = { Color.BLACK, new Color(0x0072B2), new Color(0x009E73),
			new Color(0xD55E00), Color.BLACK, Color.BLACK };
		for (int label = 0; label < expected.length; label++) {
			final int value = label == 5 ? 255 : label;
			assertEquals(expected[label].getRGB(), lut.getRGB(value), "label " + value);
			assertEquals(expected[label], LabelLut.colour(value));
		}
		assertNotEquals(lut.getRGB(LabelLut.LEFT_LUNG), lut.getRGB(LabelLut.RIGHT_LUNG));
	}

	@Test
	void labelImageIsEightBitWithTheLutAndGeometry() {
		final Volume<IntType> v = labels(0, 1, 2, 3, 255);
		final ImagePlus imp = LabelImages.toLabelImagePlus(v, "labels");
		assertEquals(ImagePlus.GRAY8, imp.getType());
		assertEquals(0, imp.getDisplayRangeMin());
		assertEquals(255, imp.getDisplayRangeMax());
		for (int x = 0; x < 4; x++) {
			assertEquals(new int[] { 0, 1, 2, 3 }[x], imp.getStack().getProcessor(1).get(x, 0));
		}
		assertEquals(255, imp.getStack().getProcessor(1).get(0, 1));
		final LUT lut = imp.getProcessor().getLut();
		assertEquals(LabelLut.colour(LabelLut.INFECTION).getRGB(), lut.getRGB(3));
		assertEquals(LabelLut.colour(LabelLut.LEFT_LUNG).getRGB(), lut.getRGB(1));
		assertSameGeometry(v.geometry(), ImagePlusVolumes.wrap(imp).geometry());
	}

	@Test
	void unsignedByteLabelsKeepTheirArrays() {
		final PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(DIMS);
		img.firstElement().set(2);
		final ImagePlus imp = LabelImages.toLabelImagePlus(new Volume<>(img, oblique(DIMS)), "u8");
		assertSame(img.getPlane(1).getCurrentStorageArray(), imp.getStack().getPixels(2));
		assertEquals(2, imp.getStack().getProcessor(1).get(0, 0));
	}

	@Test
	void refusesLabelsOutsideTheByteRange() {
		final BadInputException high = assertThrows(BadInputException.class,
			() -> LabelImages.toLabelImagePlus(labels(0, 1, 256), "seg"));
		assertEquals("label volume \"seg\" has value 256 at voxel [2, 0, 0]; labels must be 0-255",
			high.getMessage());
		final BadInputException low = assertThrows(BadInputException.class,
			() -> LabelImages.toLabelImagePlus(labels(-1), "seg"));
		assertTrue(low.getMessage().contains("value -1"), low.getMessage());
	}

	@Test
	void refusesNonIntegerLabels() {
		final BadInputException e = assertThrows(BadInputException.class,
			() -> LabelImages.toLabelImagePlus(new Volume<>(ArrayImgs.floats(DIMS), oblique(DIMS)),
				"probabilities"));
		assertEquals("label volume \"probabilities\" has FloatType voxels; labels must be integers 0-255",
			e.getMessage());
	}

	@Test
	void overlayShowsLabelsOverATransparentBackground() {
		final ImagePlus imp = LabelImages.toLabelImagePlus(labels(0, 1, 2, 3), "labels");
		final Overlay overlay = LabelImages.overlay(imp, 0.4);
		assertEquals(2, overlay.size());
		final ImageRoi roi = (ImageRoi) overlay.get(1);
		assertEquals(2, roi.getPosition());
		assertEquals(0.4, roi.getOpacity(), 1e-9);
		final BufferedImage first = LabelImages.sliceImage(imp.getStack(), 1,
			LabelLut.transparentBackground());
		assertEquals(0, first.getRGB(0, 0) >>> 24, "background is transparent");
		assertEquals(LabelLut.colour(LabelLut.RIGHT_LUNG).getRGB(), first.getRGB(2, 0));
		imp.getStack().getProcessor(1).set(0, 0, LabelLut.INFECTION);
		assertEquals(LabelLut.colour(LabelLut.INFECTION).getRGB(), first.getRGB(0, 0),
			"the overlay shares the label pixels");
	}
}
