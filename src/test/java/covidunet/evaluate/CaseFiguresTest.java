package covidunet.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * The figures of a synthetic case stored LPS with 1 mm voxels, so that display pixel (x, y) of a
 * panel shows voxel (x, y): both lungs blue, and red exactly where a panel's labels have
 * infection, in the PNG montage and in the GIF's frames.
 */
class CaseFiguresTest {

	private static final int NX = 24, NY = 20, NZ = 70, GAP = 4;
	/** The truth's and the prediction's infection squares: x0, y0, x1, y1 inclusive. */
	private static final int[] TRUE_SQUARE = { 14, 4, 17, 7 }, PREDICTED_SQUARE = { 4, 10, 7, 13 };
	private static final int FIRST = 20, LAST = 49;

	@TempDir
	static Path dir;

	private static List<Path> written;

	@BeforeAll
	static void writeFigures() {
		final Geometry geometry = Geometry.fromAffine(new long[] { NX, NY, NZ },
			Affine.ofRows(-1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0), 1);
		written = CaseFigures.write(hu(geometry), labels(geometry, TRUE_SQUARE),
			labels(geometry, PREDICTED_SQUARE), "case_1", dir);
	}

	@Test
	void writesAPngAndAGifNamedAfterTheCase() {
		assertEquals(List.of(dir.resolve("case_1.png"), dir.resolve("case_1.gif")), written);
	}

	@Test
	void thePngShowsInfectionRedExactlyWhereEachPanelHasIt() throws Exception {
		final BufferedImage png = ImageIO.read(dir.resolve("case_1.png").toFile());
		assertEquals(3 * NX + 4 * GAP, png.getWidth());
		assertEquals(CaseFigures.ROWS * NY + (CaseFigures.ROWS + 1) * GAP, png.getHeight());
		for (int row = 0; row < CaseFigures.ROWS; row++) {
			checkPanels(png, GAP + row * (NY + GAP), 0);
		}
	}

	@Test
	void theGifLoopsThroughTheSlicesAtMostSixtyFrames() throws Exception {
		final ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
		try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("case_1.gif").toFile())) {
			reader.setInput(in);
			assertEquals(35, reader.getNumImages(true), "every second of 70 slices");
			final IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0)
				.getAsTree("javax_imageio_gif_image_1.0");
			final IIOMetadataNode control = (IIOMetadataNode) first.getElementsByTagName("GraphicControlExtension").item(0);
			assertEquals("10", control.getAttribute("delayTime"));
			final IIOMetadataNode loop = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
			assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
			assertArrayEquals(new byte[] { 1, 0, 0 }, (byte[]) loop.getUserObject());
			// Frame 15 is slice 30, within the labels; frame 2 is slice 4, without.
			checkPanels(reader.read(15), GAP, 0);
			checkPanels(reader.read(2), GAP, -1);
		}
		finally {
			reader.dispose();
		}
	}

	@Test
	void anImageOfZeroTo255IsShownByItsOwnRange() {
		final Geometry geometry = Geometry.ofSpacing(new long[] { 2, 2, 2 }, new double[] { 1, 1, 1 });
		final ArrayImg<UnsignedByteType, ByteArray> image = ArrayImgs.unsignedBytes(2, 2, 2);
		Views.iterable(image).forEach(v -> v.set(40));
		image.randomAccess().setPositionAndGet(1, 1, 1).set(200);
		assertArrayEquals(new double[] { 40, 200 }, CaseFigures.window(new Volume<>(image, geometry)));
		assertArrayEquals(new double[] { -1250, 250 }, CaseFigures.window(hu(geometry)));
	}

	/**
	 * Checks one slice's three panels at {@code top}: the CT grey, the truth's and the
	 * prediction's infection red exactly in their squares, their lungs blue; with {@code shift}
	 * −1 a slice without labels, all grey.
	 */
	private static void checkPanels(final BufferedImage image, final int top, final int shift) {
		for (int y = 0; y < NY; y++) {
			for (int x = 0; x < NX; x++) {
				assertEquals(Kind.GREY, kind(image.getRGB(GAP + x, top + y)), "CT at " + x + "," + y);
				for (int panel = 1; panel <= 2; panel++) {
					final int[] square = panel == 1 ? TRUE_SQUARE : PREDICTED_SQUARE;
					final Kind expected = shift < 0 ? Kind.GREY : inside(square, x, y) ? Kind.RED :
						lung(x, y) ? Kind.BLUE : Kind.GREY;
					assertEquals(expected, kind(image.getRGB(GAP + panel * (NX + GAP) + x, top + y)),
						"panel " + panel + " at " + x + "," + y);
				}
			}
		}
	}

	private enum Kind { GREY, RED, BLUE, OTHER }

	private static Kind kind(final int rgb) {
		final int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
		if (Math.abs(r - g) <= 3 && Math.abs(g - b) <= 3) return Kind.GREY;
		if (r > b + 30 && r > g + 15) return Kind.RED;
		if (b > r + 20) return Kind.BLUE;
		return Kind.OTHER;
	}

	private static boolean inside(final int[] square, final int x, final int y) {
		return x >= square[0] && x <= square[2] && y >= square[1] && y <= square[3];
	}

	/** The left lung (label 1) at x 2–9, the right (label 2) at x 12–21; y 2–17. */
	private static boolean lung(final int x, final int y) {
		return y >= 2 && y <= 17 && (x >= 2 && x <= 9 || x >= 12 && x <= 21);
	}

	/** A CT of −500 HU everywhere but one voxel of 300 HU (beyond 255: windowed as HU). */
	private static Volume<?> hu(final Geometry geometry) {
		final long[] dims = geometry.dims();
		final var image = ArrayImgs.shorts(dims);
		Views.iterable(image).forEach(v -> v.set((short) -500));
		image.randomAccess().setPositionAndGet(0, 0, 0).set((short) 300);
		return new Volume<>(image, geometry);
	}

	private static Volume<UnsignedByteType> labels(final Geometry geometry, final int[] square) {
		final ArrayImg<UnsignedByteType, ByteArray> image = ArrayImgs.unsignedBytes(NX, NY, NZ);
		final var access = image.randomAccess();
		for (int z = FIRST; z <= LAST; z++) {
			for (int y = 0; y < NY; y++) {
				for (int x = 0; x < NX; x++) {
					final int label = inside(square, x, y) ? 3 : !lung(x, y) ? 0 : x < 10 ? 1 : 2;
					access.setPositionAndGet(x, y, z).set(label);
				}
			}
		}
		return new Volume<>(image, geometry);
	}
}
