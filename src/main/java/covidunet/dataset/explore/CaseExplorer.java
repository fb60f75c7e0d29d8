package covidunet.dataset.explore;

import java.nio.file.Path;
import java.util.Arrays;

import covidunet.BadInputException;
import covidunet.dataset.IntensityKind;
import covidunet.dataset.MaskReader;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.SliceVisitor;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Measures one case: the mask is read whole (a byte per voxel), the image is streamed slice by
 * slice beside it, so memory stays near the mask's size.
 */
public final class CaseExplorer {

	private CaseExplorer() {}

	/**
	 * @param id the case id
	 * @param image the CT volume
	 * @param mask its labels 0–3 on the same grid
	 * @throws BadInputException if a file is unreadable, the mask holds other values, or the
	 *           grids differ
	 */
	@SuppressWarnings("unchecked")
	public static CaseExploration explore(final String id, final Path image, final Path mask) {
		final Volume<UnsignedByteType> labels = MaskReader.read(mask);
		final PlanarImg<UnsignedByteType, ByteArray> planes = (PlanarImg<UnsignedByteType, ByteArray>) labels.image();
		final Accumulator accumulator = new Accumulator(image, planes);
		final NiftiHeader header = NiftiReader.readHeader(image);
		if (!Arrays.equals(header.dims(), labels.geometry().dims())) {
			throw new BadInputException(id + ": image " + dims(header.dims()) + " but mask " +
				dims(labels.geometry().dims()));
		}
		NiftiReader.readSlices(image, accumulator);
		final Geometry geometry = header.geometry();
		final double[] stats = accumulator.statistics();
		final IntensityKind kind = IntensityKind.of(stats[0], stats[1]);
		return new CaseExploration(id, geometry.dims(), geometry.spacing(), geometry.orientation(), stats[0],
			stats[1], stats[2], kind, accumulator.voxels, geometry.voxelVolumeMl(),
			accumulator.histogram(kind == IntensityKind.RESCALED_0_255));
	}

	private static String dims(final long[] dims) {
		return dims[0] + "x" + dims[1] + "x" + dims[2];
	}

	/**
	 * Image statistics, voxels per class, and per class histograms of the raw values, kept in
	 * both mappings (as HU, and as 0–255 mapped to HU) until the kind of image is known.
	 */
	private static final class Accumulator implements SliceVisitor {

		private final Path image;
		private final PlanarImg<UnsignedByteType, ByteArray> labels;
		private final long[] voxels = new long[MaskReader.MAX_LABEL + 1];
		private final long[][] asHu = new long[MaskReader.MAX_LABEL + 1][HuHistogram.BINS];
		private final long[][] asRescaled = new long[MaskReader.MAX_LABEL + 1][HuHistogram.BINS];
		private NiftiHeader header;
		private double[] values;
		private double min = Double.POSITIVE_INFINITY;
		private double max = Double.NEGATIVE_INFINITY;
		private double sum;
		private long count;

		Accumulator(final Path image, final PlanarImg<UnsignedByteType, ByteArray> labels) {
			this.image = image;
			this.labels = labels;
		}

		@Override
		public void header(final NiftiHeader h) {
			header = h;
			values = new double[Math.toIntExact(h.dims()[0] * h.dims()[1])];
		}

		@Override
		public void slice(final int z, final Object voxelsOfSlice) {
			header.datatype().toDouble(voxelsOfSlice, values);
			final byte[] label = labels.getPlane(z).getCurrentStorageArray();
			final double slope = header.slope(), intercept = header.intercept();
			for (int i = 0; i < values.length; i++) {
				final double v = values[i] * slope + intercept;
				if (!Double.isFinite(v)) {
					throw new BadInputException(image + ": non-finite voxel value " + v + " in slice " + z);
				}
				final int c = label[i];
				voxels[c]++;
				asHu[c][HuHistogram.bin(v)]++;
				asRescaled[c][HuHistogram.bin(HuHistogram.fromRescaled(v))]++;
				if (v < min) min = v;
				if (v > max) max = v;
				sum += v;
			}
			count += values.length;
		}

		double[] statistics() {
			return new double[] { min, max, sum / count };
		}

		long[][] histogram(final boolean rescaled) {
			return rescaled ? asRescaled : asHu;
		}
	}
}
