package covidunet.io.imagej;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ij.ImageStack;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.view.Views;

/**
 * The pixel arrays of an ImageJ stack seen as ImgLib2 planes, and back: the four ways a voxel
 * type maps onto ImageJ's 8-, 16- and 32-bit slices.
 */
enum StackPlanes {

	/** {@link UnsignedByteType} as 8-bit slices. */
	UNSIGNED_BYTES(byte[].class) {

		@Override
		Object copy(final Cursor<? extends RealType<?>> cursor, final int area) {
			final byte[] slice = new byte[area];
			for (int i = 0; i < area; i++) {
				slice[i] = (byte) (int) cursor.next().getRealDouble();
			}
			return slice;
		}
	},

	/** {@link UnsignedShortType} as 16-bit slices. */
	UNSIGNED_SHORTS(short[].class) {

		@Override
		Object copy(final Cursor<? extends RealType<?>> cursor, final int area) {
			final short[] slice = new short[area];
			for (int i = 0; i < area; i++) {
				slice[i] = (short) (int) cursor.next().getRealDouble();
			}
			return slice;
		}
	},

	/** {@link ShortType} as 16-bit slices holding the value + 32768, as ImageJ stores signed data. */
	SIGNED_SHORTS(short[].class) {

		@Override
		Object copy(final Cursor<? extends RealType<?>> cursor, final int area) {
			final short[] slice = new short[area];
			for (int i = 0; i < area; i++) {
				slice[i] = (short) ((int) cursor.next().getRealDouble() + SIGNED_16_OFFSET);
			}
			return slice;
		}
	},

	/** Any other type as 32-bit float slices. */
	FLOATS(float[].class) {

		@Override
		Object copy(final Cursor<? extends RealType<?>> cursor, final int area) {
			final float[] slice = new float[area];
			for (int i = 0; i < area; i++) {
				slice[i] = cursor.next().getRealFloat();
			}
			return slice;
		}
	};

	/** The offset ImageJ adds to signed 16-bit values to store them unsigned. */
	static final int SIGNED_16_OFFSET = 32768;

	private final Class<?> arrayClass;

	StackPlanes(final Class<?> arrayClass) {
		this.arrayClass = arrayClass;
	}

	/** How voxels of the given type are stored in an ImageJ stack. */
	static StackPlanes of(final RealType<?> type) {
		if (type instanceof UnsignedByteType) return UNSIGNED_BYTES;
		if (type instanceof UnsignedShortType) return UNSIGNED_SHORTS;
		if (type instanceof ShortType) return SIGNED_SHORTS;
		return FLOATS;
	}

	/** An 8-bit stack's slices as an image over the same arrays. */
	static PlanarImg<UnsignedByteType, ByteArray> bytes(final ImageStack stack) {
		return planar(stack, p -> new ByteArray((byte[]) p), UnsignedByteType::new);
	}

	/** A 16-bit stack's slices as an image over the same arrays. */
	static PlanarImg<UnsignedShortType, ShortArray> shorts(final ImageStack stack) {
		return planar(stack, p -> new ShortArray((short[]) p), UnsignedShortType::new);
	}

	/** A 32-bit stack's slices as an image over the same arrays. */
	static PlanarImg<FloatType, FloatArray> floats(final ImageStack stack) {
		return planar(stack, p -> new FloatArray((float[]) p), FloatType::new);
	}

	/**
	 * The planes of {@code image} as ImageJ slice arrays of this kind: the image's own arrays if it
	 * is a {@link PlanarImg} over arrays of this kind (not for {@link #SIGNED_SHORTS}, whose values
	 * must be shifted), else copies.
	 */
	<T extends RealType<T>> List<Object> slices(final RandomAccessibleInterval<T> image) {
		final int width = (int) image.dimension(0);
		final int area = width * (int) image.dimension(1);
		final List<Object> shared = sharedArrays(image, area);
		if (shared != null) return shared;
		final int depth = (int) image.dimension(2);
		final List<Object> slices = new ArrayList<>(depth);
		final Cursor<T> cursor = Views.flatIterable(image).cursor();
		for (int z = 0; z < depth; z++) {
			slices.add(copy(cursor, area));
		}
		return slices;
	}

	private List<Object> sharedArrays(final RandomAccessibleInterval<?> image, final int area) {
		if (this == SIGNED_SHORTS || !(image instanceof PlanarImg)) return null;
		final PlanarImg<?, ?> planar = (PlanarImg<?, ?>) image;
		final List<Object> arrays = new ArrayList<>(planar.numSlices());
		for (int z = 0; z < planar.numSlices(); z++) {
			final Object array = planar.getPlane(z).getCurrentStorageArray();
			if (!arrayClass.isInstance(array) || Array.getLength(array) != area) {
				return null;
			}
			arrays.add(array);
		}
		return arrays;
	}

	/** The next {@code area} values of the cursor as one slice array of this kind. */
	abstract Object copy(Cursor<? extends RealType<?>> cursor, int area);

	private static <T extends NativeType<T>, A extends ArrayDataAccess<A>> PlanarImg<T, A> planar(
		final ImageStack stack, final Function<Object, A> access,
		final Function<PlanarImg<T, A>, T> linkedType)
	{
		final int depth = stack.getSize();
		final List<A> planes = new ArrayList<>(depth);
		for (int n = 1; n <= depth; n++) {
			planes.add(access.apply(stack.getPixels(n)));
		}
		final long[] dims = { stack.getWidth(), stack.getHeight(), depth };
		final PlanarImg<T, A> img = new PlanarImg<>(planes, dims, new Fraction());
		img.setLinkedType(linkedType.apply(img));
		return img;
	}
}
