package covidunet.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.Progress;
import covidunet.phantom.CaseSynthesizer;
import covidunet.phantom.PhantomCase;
import covidunet.phantom.PhantomSize;
import covidunet.phantom.PhantomVolumes;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A montage of a phantom case (seed 3, case 0: HU, stored LPS, severe infection) written as PNG
 * and read back: lungs darker than the body, infection drawn reddish inside the lungs, the
 * patient's left lung on the image's right.
 * <p>
 * With {@code -Dcovidunet.montage=FILE} it also writes the montage there: the figure of docs/cli.md (phantom),
 * {@code docs/images/phantom_montage.png}.
 */
class SliceMontageTest {

	private static final int ROWS = 3;

	@TempDir
	static Path dir;

	private static PhantomCase plan;
	private static PhantomVolumes volumes;
	private static BufferedImage png;
	private static int panel;

	@BeforeAll
	static void renderOneCase() throws Exception {
		plan = PhantomCase.plan(3, 0, PhantomSize.SMALL);
		volumes = CaseSynthesizer.synthesize(plan, Progress.NONE);
		final long[] slices = SliceMontage.slicesThroughLabels(volumes.labels(), ROWS);
		final BufferedImage image = SliceMontage.render(volumes.image(), List.of(volumes.labels()), slices,
			SliceMontage.WINDOW_LOW, SliceMontage.WINDOW_HIGH, 0);
		final Path file = dir.resolve("montage.png");
		PngFiles.write(image, file);
		png = ImageIO.read(file.toFile());
		panel = (png.getWidth() - 12) / 2;
		final String docs = System.getProperty("covidunet.montage");
		if (docs != null) PngFiles.write(image, Paths.get(docs));
	}

	@Test
	void theCaseIsStoredLpsSoTheMontageMustReorientIt() {
		assertEquals("LPS", plan.orientation());
		assertTrue(plan.lesionCount() > 0);
	}

	@Test
	void thePngHasTwoPanelsPerSlice() throws Exception {
		assertTrue(Files.size(dir.resolve("montage.png")) > 10_000);
		assertEquals(2 * panel + 12, png.getWidth());
		assertEquals(ROWS * panel + (ROWS + 1) * 4, png.getHeight(), "square panels for a square grid");
	}

	@Test
	void lungsAreDarkerThanTheBodyInTheCtPanel() {
		double lung = 0, body = 0;
		int lungs = 0, bodies = 0;
		for (int y = 0; y < png.getHeight(); y++) {
			for (int x = 0; x < panel; x++) {
				final int ct = png.getRGB(4 + x, y) & 0xff, overlay = png.getRGB(8 + panel + x, y);
				assertEquals(ct * 0x010101, png.getRGB(4 + x, y) & 0xffffff, "the CT panel is grey");
				if (isLung(overlay)) {
					lung += ct;
					lungs++;
				}
				else if (isGrey(overlay) && ct > 150) {
					body += ct;
					bodies++;
				}
			}
		}
		assertTrue(lungs > 10_000 && bodies > 10_000, lungs + " lung and " + bodies + " body pixels");
		assertTrue(lung / lungs < 100 && body / bodies > 180, "lung grey " + lung / lungs + ", body grey " + body / bodies);
	}

	@Test
	void thePatientsLeftLungIsOnTheImagesRight() {
		double left = 0, right = 0;
		int lefts = 0, rights = 0;
		for (int y = 0; y < png.getHeight(); y++) {
			for (int x = 0; x < panel; x++) {
				final int rgb = png.getRGB(8 + panel + x, y);
				final int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
				if (b > r + 20 && b > g + 5) {
					left += x;
					lefts++;
				}
				else if (g > r + 20 && g > b + 5) {
					right += x;
					rights++;
				}
			}
		}
		assertTrue(lefts > 5000 && rights > 5000, lefts + " blue, " + rights + " green pixels");
		assertTrue(left / lefts > 0.55 * panel, "left lung (blue) at column " + left / lefts + " of " + panel);
		assertTrue(right / rights < 0.45 * panel, "right lung (green) at column " + right / rights + " of " + panel);
	}

	/**
	 * Infection is reddish and lies in the lungs: nearly all of it in regions that border lung
	 * pixels (a few slivers may fill a lung's thin edge in a slice completely), on average
	 * brighter than the lungs on the CT.
	 */
	@Test
	void infectionIsDrawnReddishInsideTheLungs() {
		final boolean[] seen = new boolean[panel * png.getHeight()];
		int infected = 0, bordering = 0, regions = 0;
		double grey = 0;
		for (int y = 0; y < png.getHeight(); y++) {
			for (int x = 0; x < panel; x++) {
				if (seen[y * panel + x] || !isInfection(overlay(x, y))) continue;
				regions++;
				final int[] region = fill(x, y, seen);
				infected += region[0];
				if (region[1] > 0) bordering += region[0];
				grey += region[2];
			}
		}
		assertTrue(infected > 500 && regions > 1, infected + " infection pixels in " + regions + " regions");
		assertTrue(bordering > 0.95 * infected, bordering + " of " + infected + " infection pixels border lung");
		assertTrue(grey / infected > 110, "infection's mean grey " + grey / infected + " (lungs are below 100)");
	}

	@Test
	void eachPixelShowsTheLabelOfItsVoxel() {
		final long[] slices = SliceMontage.slicesThroughLabels(volumes.labels(), ROWS);
		final AxialView view = new AxialView(plan.geometry(), 0);
		final RandomAccess<UnsignedByteType> labels = volumes.labels().image().randomAccess();
		final long[] position = new long[3];
		for (int row = 0; row < ROWS; row++) {
			final int top = 4 + row * (view.height + 4);
			for (int y = 0; y < view.height; y++) {
				for (int x = 0; x < view.width; x++) {
					view.voxel(x, y, slices[row], position);
					final int label = labels.setPositionAndGet(position).get();
					final int rgb = overlay(x, top + y);
					final int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
					final int shown = isGrey(rgb) ? 0 : isInfection(rgb) ? 3 : b > g ? 1 : g > r ? 2 : -1;
					assertEquals(label, shown, "pixel " + x + "," + (top + y));
				}
			}
		}
	}

	/**
	 * Marks the 8-connected infection region at (x, y) as seen; returns its size, how many of its
	 * pixels have a lung pixel beside them, and the sum of its grey values on the CT.
	 */
	private static int[] fill(final int x, final int y, final boolean[] seen) {
		final Deque<int[]> todo = new ArrayDeque<>();
		todo.push(new int[] { x, y });
		seen[y * panel + x] = true;
		int size = 0, bordering = 0, grey = 0;
		while (!todo.isEmpty()) {
			final int[] p = todo.pop();
			size++;
			grey += png.getRGB(4 + p[0], p[1]) & 0xff;
			boolean lungBeside = false;
			for (int dy = -1; dy <= 1; dy++) {
				for (int dx = -1; dx <= 1; dx++) {
					final int px = p[0] + dx, py = p[1] + dy;
					if (px < 0 || py < 0 || px >= panel || py >= png.getHeight()) continue;
					final int rgb = overlay(px, py);
					lungBeside |= isLung(rgb);
					if (!seen[py * panel + px] && isInfection(rgb)) {
						seen[py * panel + px] = true;
						todo.push(new int[] { px, py });
					}
				}
			}
			if (lungBeside) bordering++;
		}
		return new int[] { size, bordering, grey };
	}

	private static int overlay(final int x, final int y) {
		return png.getRGB(8 + panel + x, y);
	}

	private static boolean isLung(final int rgb) {
		final int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
		return Math.max(g, b) > r + 20;
	}

	private static boolean isInfection(final int rgb) {
		final int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
		return r > g + 15 && r > b + 30;
	}

	private static boolean isGrey(final int rgb) {
		final int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
		return r == g && g == b;
	}
}
