package covidunet.model.tensor;

import java.util.Arrays;
import java.util.List;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.sample.Batch;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Converts between the pipeline's images and TensorFlow tensors in NDHWC order: [N, z, y, x, C],
 * x fastest, which is the memory order of ImgLib2's flat iteration of an (x, y, z) image. Values
 * are written straight into the tensor's native memory, in bulk where the source is a plain
 * array; tensors returned are the caller's to close.
 */
public final class ImageTensors {

	/** Voxels moved per bulk copy between Java arrays and native memory. */
	private static final int CHUNK = 1 << 16;

	private ImageTensors() {}

	/** A batch's images as a tensor of its {@link Batch#shape()} [N, z, y, x, 1], in one copy. */
	public static TFloat32 images(final Batch batch) {
		return TFloat32.tensorOf(Shape.of(batch.shape()), t -> t.asRawTensor().data().asFloats().write(batch
			.images()));
	}

	/** A batch's labels as a uint8 tensor of its {@link Batch#shape()} [N, z, y, x, 1], in one copy. */
	public static TUint8 labels(final Batch batch) {
		return TUint8.tensorOf(Shape.of(batch.shape()), t -> t.asRawTensor().data().write(batch.labels()));
	}

	/** One volume as a tensor of shape [1, z, y, x, 1]. */
	public static TFloat32 of(final Volume<? extends RealType<?>> volume) {
		return of(List.of(volume));
	}

	/**
	 * Volumes of equal size as one batch tensor of shape [N, z, y, x, 1], in list order.
	 *
	 * @throws IllegalArgumentException if the list is empty or the sizes differ
	 */
	public static TFloat32 of(final List<? extends Volume<? extends RealType<?>>> volumes) {
		if (volumes.isEmpty()) throw new IllegalArgumentException("no volumes to batch");
		final long[] dims = volumes.get(0).geometry().dims();
		for (final Volume<?> volume : volumes) {
			if (!Arrays.equals(dims, volume.geometry().dims())) {
				throw new IllegalArgumentException("volumes of sizes " + Arrays.toString(dims) + " and " +
					Arrays.toString(volume.geometry().dims()) + " cannot share a batch");
			}
		}
		final long voxels = dims[0] * dims[1] * dims[2];
		return TFloat32.tensorOf(Shape.of(volumes.size(), dims[2], dims[1], dims[0], 1), t -> {
			final FloatDataBuffer data = t.asRawTensor().data().asFloats();
			for (int n = 0; n < volumes.size(); n++) {
				copy(volumes.get(n).image(), data.slice(n * voxels, voxels));
			}
		});
	}

	/**
	 * One channel of one sample of an NDHWC tensor (e.g. a class's probabilities) as a volume with
	 * this geometry, backed by a new array.
	 *
	 * @param tensor [N, z, y, x, C]
	 * @param batchIndex the sample n
	 * @param channel the channel c
	 * @param geometry the volume's geometry; its dims must be the tensor's (x, y, z)
	 * @throws IllegalArgumentException if the sizes do not match or an index is out of range
	 */
	public static Volume<FloatType> toVolume(final TFloat32 tensor, final int channel, final int batchIndex,
		final Geometry geometry)
	{
		final long[] dims = geometry.dims();
		final Shape shape = tensor.shape();
		if (shape.numDimensions() != 5 || shape.get(1) != dims[2] || shape.get(2) != dims[1] || shape.get(3) != dims[0]) {
			throw new IllegalArgumentException("tensor of shape " + shape + " does not hold volumes of size " +
				Arrays.toString(dims));
		}
		return new Volume<>(ArrayImgs.floats(channels(tensor, batchIndex, channel)[0], dims), geometry);
	}

	/**
	 * Channels of one sample of an NDHWC tensor as arrays, x fastest.
	 *
	 * @param tensor [N, z, y, x, C]
	 * @param batchIndex the sample n
	 * @param channels the channels wanted; all of them if none are given
	 * @return one array of z·y·x values per channel wanted, in the order asked
	 * @throws IllegalArgumentException if the tensor is not 5-D or an index is out of range
	 */
	public static float[][] channels(final TFloat32 tensor, final int batchIndex, final int... channels) {
		final Shape shape = tensor.shape();
		if (shape.numDimensions() != 5) {
			throw new IllegalArgumentException("tensor of shape " + shape + " is not [N, z, y, x, C]");
		}
		final int classes = (int) shape.get(4);
		if (batchIndex < 0 || batchIndex >= shape.get(0)) {
			throw new IllegalArgumentException("sample " + batchIndex + " is not in a batch of " + shape.get(0));
		}
		final int[] wanted = channels.length == 0 ? range(classes) : channels;
		for (final int c : wanted) {
			if (c < 0 || c >= classes) {
				throw new IllegalArgumentException("channel " + c + " is not among " + classes);
			}
		}
		final int voxels = Math.toIntExact(shape.get(1) * shape.get(2) * shape.get(3));
		final float[][] out = new float[wanted.length][voxels];
		final FloatDataBuffer data = tensor.asRawTensor().data().asFloats();
		final float[] chunk = new float[CHUNK * classes];
		for (int from = 0; from < voxels; from += CHUNK) {
			final int count = Math.min(CHUNK, voxels - from);
			data.offset(((long) batchIndex * voxels + from) * classes).read(chunk, 0, count * classes);
			for (int k = 0; k < wanted.length; k++) {
				final float[] channel = out[k];
				final int c = wanted[k];
				for (int v = 0; v < count; v++) {
					channel[from + v] = chunk[v * classes + c];
				}
			}
		}
		return out;
	}

	/** Writes an image into a buffer of its size in flat (x fastest) order. */
	private static void copy(final RandomAccessibleInterval<? extends RealType<?>> image, final FloatDataBuffer target) {
		if (image instanceof ArrayImg<?, ?> img && img.update(null) instanceof ArrayDataAccess<?> access &&
			access.getCurrentStorageArray() instanceof float[] values && values.length == target.size())
		{
			target.write(values);
			return;
		}
		final float[] chunk = new float[(int) Math.min(CHUNK, target.size())];
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(image).cursor();
		long at = 0;
		while (cursor.hasNext()) {
			int count = 0;
			while (count < chunk.length && cursor.hasNext()) {
				chunk[count++] = cursor.next().getRealFloat();
			}
			target.offset(at).write(chunk, 0, count);
			at += count;
		}
	}

	private static int[] range(final int n) {
		final int[] all = new int[n];
		Arrays.setAll(all, i -> i);
		return all;
	}
}
