package covidunet.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import covidunet.BadInputException;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.SliceVisitor;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;

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
}
