package covidunet.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import covidunet.io.Volume;
import covidunet.io.imagej.LabelLut;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

/**
 * A figure of axial slices: one row per slice, the CT in grey in the first column and the same
 * slice with each label volume overlaid in the next columns (e.g. ground truth, then a
 * prediction), in the radiological convention (anterior up, the patient's left on the image's
 * right; see {@link AxialView}). Labels are drawn in the project's {@link LabelLut} colours (left
 * lung blue, right lung bluish green, infection vermillion, the palette Fiji shows them in) at
 * the reference figures' opacity of 0.3. Pure Java 2D on an image in memory: no display needed.
 */
public final class SliceMontage {

	/** The reference pipeline's intensity window in HU, the default grey range. */
	public static final double WINDOW_LOW = -1250, WINDOW_HIGH = 250;

	/** The overlay's opacity, as in the reference's figures. */
	public static final double OPACITY = 0.3;

	/** Pixels between panels. */
	private static final int GAP = 4;

	private static final Color BACKGROUND = new Color(0x20, 0x20, 0x20);

	private SliceMontage() {}

	/**
	 * Renders the montage.
	 *
	 * @param ct the image, any voxel type
	 * @param labels label volumes (0 background, 1–3 drawn) on the CT's grid; may be empty
	 * @param slices indices along the CT's axial (most superior-inferior) voxel axis, one row each
	 * @param low the value shown black
	 * @param high the value shown white
	 * @param pixelMm the display pixel size in mm; 0 for the CT's smaller in-plane voxel size
	 * @throws IllegalArgumentException if a label volume's size differs from the CT's, a slice is
	 *           out of range, no slice is given, or {@code high <= low}
	 */
	public static BufferedImage render(final Volume<?> ct, final List<? extends Volume<?>> labels, final long[] slices,
		final double low, final double high, final double pixelMm)
	{
		if (!(high > low)) throw new IllegalArgumentException("window " + low + " to " + high + " is empty");
		if (slices.length == 0) throw new IllegalArgumentException("no slices to show");
		final AxialView view = new AxialView(ct.geometry(), pixelMm);
		for (final Volume<?> l : labels) {
			if (!Arrays.equals(l.geometry().dims(), ct.geometry().dims())) {
				throw new IllegalArgumentException("label volume of size " + Arrays.toString(l.geometry().dims()) +
					" does not match the CT's " + Arrays.toString(ct.geometry().dims()));
			}
		}
		for (final long s : slices) {
			if (s < 0 || s >= view.slices(ct.geometry())) {
				throw new IllegalArgumentException("slice " + s + " is outside 0 to " + (view.slices(ct.geometry()) - 1));
			}
		}
		final int panels = 1 + labels.size();
		final BufferedImage image = new BufferedImage(panels * view.width + (panels + 1) * GAP,
			slices.length * view.height + (slices.length + 1) * GAP, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		g.setColor(BACKGROUND);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.dispose();
		final RandomAccess<? extends RealType<?>> ctAccess = access(ct);
		final RandomAccess<? extends RealType<?>>[] labelAccess = accesses(labels);
		final long[] position = new long[3];
		for (int row = 0; row < slices.length; row++) {
			final int top = GAP + row * (view.height + GAP);
			for (int y = 0; y < view.height; y++) {
				for (int x = 0; x < view.width; x++) {
					view.voxel(x, y, slices[row], position);
					ctAccess.setPosition(position);
					final int grey = grey(ctAccess.get().getRealDouble(), low, high);
					image.setRGB(GAP + x, top + y, grey * 0x010101);
					for (int p = 0; p < labelAccess.length; p++) {
						labelAccess[p].setPosition(position);
						final int label = (int) labelAccess[p].get().getRealDouble();
						image.setRGB(GAP + (p + 1) * (view.width + GAP) + x, top + y, overlay(grey, label));
					}
				}
			}
		}
		return image;
	}

	/** The number of axial slices of {@code volume}: its size along the most superior-inferior voxel axis. */
	public static long axialSlices(final Volume<?> volume) {
		return new AxialView(volume.geometry(), 0).slices(volume.geometry());
	}

	/**
	 * The display pixel size in mm for {@link #render} that makes a panel of {@code volume} at most
	 * {@code maxPixels} wide and high; 0 (the smaller in-plane voxel size) if it already is.
	 */
	public static double pixelMmWithin(final Volume<?> volume, final int maxPixels) {
		final AxialView view = new AxialView(volume.geometry(), 0);
		final int larger = Math.max(view.width, view.height);
		if (larger <= maxPixels) return 0;
		final double[] spacing = volume.geometry().spacing();
		return Math.min(spacing[view.columnAxis], spacing[view.rowAxis]) * larger / maxPixels;
	}

	/**
	 * {@code count} axial slices evenly spread between the first and the last that hold a
	 * non-zero label (the whole volume if none does), from superior to inferior.
	 */
	public static long[] slicesThroughLabels(final Volume<?> labels, final int count) {
		final AxialView view = new AxialView(labels.geometry(), 0);
		final long depth = view.slices(labels.geometry());
		long first = -1, last = -1;
		final long[] position = new long[3];
		final RandomAccess<? extends RealType<?>> access = access(labels);
		final long[] dims = labels.geometry().dims();
		for (long s = 0; s < depth; s++) {
			if (holdsLabel(access, dims, view.sliceAxis, s, position)) {
				if (first < 0) first = s;
				last = s;
			}
		}
		if (first < 0) {
			first = 0;
			last = depth - 1;
		}
		final boolean upwards = labels.geometry().affine().get(2, view.sliceAxis) > 0;
		final long[] slices = new long[count];
		for (int i = 0; i < count; i++) {
			final long s = first + Math.round((last - first) * (i + 0.5) / count);
			slices[upwards ? count - 1 - i : i] = s;
		}
		return slices;
	}

	private static boolean holdsLabel(final RandomAccess<? extends RealType<?>> access, final long[] dims,
		final int sliceAxis, final long slice, final long[] position)
	{
		final int a = (sliceAxis + 1) % 3, b = (sliceAxis + 2) % 3;
		position[sliceAxis] = slice;
		for (long i = 0; i < dims[a]; i++) {
			position[a] = i;
			for (long j = 0; j < dims[b]; j++) {
				position[b] = j;
				access.setPosition(position);
				if (access.get().getRealDouble() != 0) return true;
			}
		}
		return false;
	}

	private static int grey(final double value, final double low, final double high) {
		final double t = (value - low) / (high - low);
		return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
	}

	private static int overlay(final int grey, final int label) {
		if (label <= 0 || label > LabelLut.INFECTION) return grey * 0x010101;
		final Color c = LabelLut.colour(label);
		final int r = blend(grey, c.getRed()), g = blend(grey, c.getGreen()), b = blend(grey, c.getBlue());
		return r << 16 | g << 8 | b;
	}

	private static int blend(final int grey, final int colour) {
		return (int) Math.round((1 - OPACITY) * grey + OPACITY * colour);
	}

	@SuppressWarnings("unchecked")
	private static RandomAccess<? extends RealType<?>> access(final Volume<?> volume) {
		return (RandomAccess<? extends RealType<?>>) volume.image().randomAccess();
	}

	@SuppressWarnings("unchecked")
	private static RandomAccess<? extends RealType<?>>[] accesses(final List<? extends Volume<?>> volumes) {
		final RandomAccess<? extends RealType<?>>[] out = new RandomAccess[volumes.size()];
		for (int i = 0; i < out.length; i++) out[i] = access(volumes.get(i));
		return out;
	}
}
