package covidunet.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import covidunet.BadInputException;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.SliceVisitor;
import net.imglib2.Cursor;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * Reads a label mask (0 background, 1 left lung, 2 right lung, 3 infection) of any NIfTI datatype
 * into one byte per voxel, refusing values that are not such labels.
 */
public final class MaskReader {

	/** The largest label: infection. */
	public static final int MAX_LABEL = 3;

	private MaskReader() {}

	/**
	 * @return the labels as a planar uint8 volume with the file's geometry
	 * @throws BadInputException if the file is unreadable or holds a value other than 0–3
	 */
	@SuppressWarnings("unchecked")
	public static Volume<UnsignedByteType> read(final Path mask) {
		final List<byte[]> slices = new ArrayList<>();
		final NiftiHeader header = NiftiReader.readSlices(mask, new SliceVisitor() {

			private NiftiHeader h;
			private double[] values;

			@Override
			public void header(final NiftiHeader header) {
				h = header;
				values = new double[Math.toIntExact(header.dims()[0] * header.dims()[1])];
			}

			@Override
			public void slice(final int z, final Object voxels) {
				h.datatype().toDouble(voxels, values);
				final byte[] labels = new byte[values.length];
				for (int i = 0; i < values.length; i++) {
					final double v = values[i] * h.slope() + h.intercept();
					if (!(v >= 0 && v <= MAX_LABEL && v == Math.rint(v))) {
						throw new BadInputException(mask + ": holds the value " + v + " at voxel (" + i % h.dims()[0] + ", " +
							i / h.dims()[0] + ", " + z + "); a mask holds labels 0-" + MAX_LABEL);
					}
					labels[i] = (byte) v;
				}
				slices.add(labels);
			}
		});
		final PlanarImg<?, ?> img = NiftiDatatype.UINT8.wrapSlices(slices, header.dims());
		return new Volume<>((PlanarImg<UnsignedByteType, ?>) img, header.geometry());
	}

	/**
	 * The labels of a label volume as one byte per voxel, x fastest, then y, then z.
	 *
	 * @param name what the volume is, for messages (a case id, a file, "prediction")
	 * @throws BadInputException naming {@code name} if a voxel holds a value other than 0–3 or the
	 *           volume has 2^31 voxels or more
	 */
	public static byte[] voxels(final String name, final Volume<?> labels) {
		final Geometry geometry = labels.geometry();
		if (geometry.voxelCount() > Integer.MAX_VALUE - 8) {
			final long[] d = geometry.dims();
			throw new BadInputException(name + ": " + d[0] + "x" + d[1] + "x" + d[2] +
				" voxels are more than one volume may hold (2^31)");
		}
		final byte[] out = new byte[(int) geometry.voxelCount()];
		copy(name, labels, out);
		return out;
	}

	private static <T extends RealType<T>> void copy(final String name, final Volume<T> labels, final byte[] out) {
		final Cursor<T> cursor = Views.flatIterable(labels.image()).cursor();
		for (int i = 0; i < out.length; i++) {
			final double v = cursor.next().getRealDouble();
			if (!(v >= 0 && v <= MAX_LABEL && v == Math.rint(v))) {
				final long[] d = labels.geometry().dims();
				throw new BadInputException(name + ": the mask holds the value " + v + " at voxel (" + i % d[0] + ", " +
					i / d[0] % d[1] + ", " + i / (d[0] * d[1]) + "); labels are 0-" + MAX_LABEL);
			}
			out[i] = (byte) v;
		}
	}
}
