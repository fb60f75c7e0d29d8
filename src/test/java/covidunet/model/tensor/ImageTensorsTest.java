package covidunet.model.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.sample.Batch;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** Axis order and values both ways, batch order, and the plain-array fast path. */
class ImageTensorsTest {

	private static final long[] DIMS = { 3, 4, 5 };

	/** The value that encodes a voxel's position (and the volume it belongs to). */
	private static float code(final long x, final long y, final long z, final int volume) {
		return x + 10 * y + 100 * z + 1000 * volume;
	}

	/** A short-typed image seen through a translated view, so that it is read with a cursor. */
	private static Volume<ShortType> viewVolume(final int volume) {
		final RandomAccessibleInterval<ShortType> image = Views.translate(ArrayImgs.shorts(DIMS), 7, -2, 4);
		final Cursor<ShortType> cursor = Views.iterable(image).localizingCursor();
		while (cursor.hasNext()) {
			cursor.fwd();
			cursor.get().setReal(code(cursor.getLongPosition(0) - 7, cursor.getLongPosition(1) + 2,
				cursor.getLongPosition(2) - 4, volume));
		}
		return new Volume<>(Views.zeroMin(image), Geometry.ofSpacing(DIMS, new double[] { 1, 1, 2 }));
	}

	/** A float image on a plain array, copied in bulk. */
	private static Volume<FloatType> arrayVolume(final int volume) {
		final float[] values = new float[(int) (DIMS[0] * DIMS[1] * DIMS[2])];
		int i = 0;
		for (int z = 0; z < DIMS[2]; z++) {
			for (int y = 0; y < DIMS[1]; y++) {
				for (int x = 0; x < DIMS[0]; x++) {
					values[i++] = code(x, y, z, volume);
				}
			}
		}
		return new Volume<>(ArrayImgs.floats(values, DIMS), Geometry.ofSpacing(DIMS, new double[] { 1, 1, 1 }));
	}

	private static void assertEncoded(final TFloat32 t, final int n, final int volume) {
		for (int z = 0; z < DIMS[2]; z++) {
			for (int y = 0; y < DIMS[1]; y++) {
				for (int x = 0; x < DIMS[0]; x++) {
					assertEquals(code(x, y, z, volume), t.getFloat(n, z, y, x, 0), "sample " + n + " at " + x + "," + y +
						"," + z);
				}
			}
		}
	}

	@Test
	void volumeToTensorPutsXLast() {
		try (TFloat32 fromView = ImageTensors.of(viewVolume(0)); TFloat32 fromArray = ImageTensors.of(arrayVolume(0))) {
			assertEquals(Shape.of(1, 5, 4, 3, 1), fromView.shape());
			assertEncoded(fromView, 0, 0);
			assertEncoded(fromArray, 0, 0);
		}
	}

	@Test
	void batchKeepsOrder() {
		try (TFloat32 t = ImageTensors.of(List.of(viewVolume(0), arrayVolume(1), viewVolume(2)))) {
			assertEquals(Shape.of(3, 5, 4, 3, 1), t.shape());
			for (int n = 0; n < 3; n++) {
				assertEncoded(t, n, n);
			}
		}
		assertThrows(IllegalArgumentException.class, () -> ImageTensors.of(List.of()));
		final Volume<FloatType> other = new Volume<>(ArrayImgs.floats(3, 4, 6), Geometry.ofSpacing(new long[] { 3, 4,
			6 }, new double[] { 1, 1, 1 }));
		assertThrows(IllegalArgumentException.class, () -> ImageTensors.of(List.of(arrayVolume(0), other)));
	}

	@Test
	void tensorToVolumeAndChannels() {
		final int classes = 4;
		final Geometry geometry = Geometry.ofSpacing(DIMS, new double[] { 0.7, 0.7, 2.5 });
		try (TFloat32 t = TFloat32.tensorOf(Shape.of(2, DIMS[2], DIMS[1], DIMS[0], classes))) {
			for (int n = 0; n < 2; n++) {
				for (int z = 0; z < DIMS[2]; z++) {
					for (int y = 0; y < DIMS[1]; y++) {
						for (int x = 0; x < DIMS[0]; x++) {
							for (int c = 0; c < classes; c++) {
								t.setFloat(code(x, y, z, n) + 0.25f * c, n, z, y, x, c);
							}
						}
					}
				}
			}
			final Volume<FloatType> volume = ImageTensors.toVolume(t, 3, 1, geometry);
			assertEquals(geometry, volume.geometry());
			final RandomAccess<FloatType> access = volume.image().randomAccess();
			for (int z = 0; z < DIMS[2]; z++) {
				for (int y = 0; y < DIMS[1]; y++) {
					for (int x = 0; x < DIMS[0]; x++) {
						assertEquals(code(x, y, z, 1) + 0.75f, access.setPositionAndGet(x, y, z).get());
					}
				}
			}
			final float[][] all = ImageTensors.channels(t, 0);
			assertEquals(classes, all.length);
			final float[][] two = ImageTensors.channels(t, 0, 2, 0);
			assertArrayEquals(all[2], two[0]);
			assertArrayEquals(all[0], two[1]);
			assertEquals(code(1, 2, 3, 0) + 0.5f, all[2][1 + 3 * 2 + 12 * 3]);
			assertThrows(IllegalArgumentException.class, () -> ImageTensors.channels(t, 2));
			assertThrows(IllegalArgumentException.class, () -> ImageTensors.channels(t, 0, 4));
			assertThrows(IllegalArgumentException.class, () -> ImageTensors.toVolume(t, 0, 0, Geometry.ofSpacing(
				new long[] { 5, 4, 3 }, new double[] { 1, 1, 1 })));
		}
	}

	@Test
	void roundTrip() {
		final Volume<FloatType> in = arrayVolume(0);
		try (TFloat32 t = ImageTensors.of(List.of(viewVolume(4), in))) {
			final Volume<FloatType> out = ImageTensors.toVolume(t, 0, 1, in.geometry());
			final Cursor<FloatType> a = Views.flatIterable(in.image()).cursor();
			final Cursor<FloatType> b = Views.flatIterable(out.image()).cursor();
			while (a.hasNext()) {
				assertEquals(a.next().get(), b.next().get());
			}
		}
	}

	@Test
	void batchImagesAndLabels() {
		final int[] size = { 3, 2, 2 };
		final float[] images = new float[24];
		final byte[] labels = new byte[24];
		for (int i = 0; i < 24; i++) {
			images[i] = i * 0.5f;
			labels[i] = (byte) (i % 4);
		}
		final Batch batch = new Batch(0, 0, size, List.of("a", "b"), images, labels);
		try (TFloat32 x = ImageTensors.images(batch); TUint8 y = ImageTensors.labels(batch)) {
			assertEquals(Shape.of(2, 2, 2, 3, 1), x.shape());
			assertEquals(Shape.of(2, 2, 2, 3, 1), y.shape());
			// patch 1, z 1, y 0, x 2 is element 12 + 6 + 0 + 2 = 20
			assertEquals(10f, x.getFloat(1, 1, 0, 2, 0));
			assertEquals((byte) 0, y.getByte(1, 1, 0, 2, 0));
			assertEquals((byte) 3, y.getByte(0, 0, 1, 0, 0));
		}
	}
}
