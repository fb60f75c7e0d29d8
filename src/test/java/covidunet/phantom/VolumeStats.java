package covidunet.phantom;

import covidunet.io.Affine;
import covidunet.io.Volume;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** Per-label statistics of an image and its label volume: counts, mean values, world centroids. */
final class VolumeStats {

	final long[] count = new long[256];
	final double[] mean = new double[256];
	final double[][] centroid = new double[256][3];
	double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;

	VolumeStats(final Volume<?> image, final Volume<?> labels) {
		final double[] sum = new double[256];
		final double[][] index = new double[256][3];
		final Cursor<? extends RealType<?>> values = Views.flatIterable(cast(image)).cursor();
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(cast(labels)).cursor();
		while (cursor.hasNext()) {
			final int label = (int) cursor.next().getRealDouble();
			final double value = values.next().getRealDouble();
			min = Math.min(min, value);
			max = Math.max(max, value);
			count[label]++;
			sum[label] += value;
			for (int d = 0; d < 3; d++) index[label][d] += cursor.getDoublePosition(d);
		}
		final Affine affine = labels.geometry().affine();
		for (int l = 0; l < 256; l++) {
			if (count[l] == 0) continue;
			mean[l] = sum[l] / count[l];
			centroid[l] = affine.apply(index[l][0] / count[l], index[l][1] / count[l], index[l][2] / count[l]);
		}
	}

	/** The mean of the voxels labelled 1 or 2 (the lungs without infection). */
	double lungMean() {
		return (mean[1] * count[1] + mean[2] * count[2]) / (count[1] + count[2]);
	}

	@SuppressWarnings("unchecked")
	private static RandomAccessibleInterval<? extends RealType<?>> cast(final Volume<?> v) {
		return (RandomAccessibleInterval<? extends RealType<?>>) v.image();
	}
}
