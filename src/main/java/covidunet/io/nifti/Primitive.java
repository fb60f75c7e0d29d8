package covidunet.io.nifti;

import java.nio.ByteBuffer;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;

/**
 * The Java primitive that stores a NIfTI datatype's voxels, and the bulk moves between its
 * arrays and byte buffers. Unsigned datatypes share the signed primitive of their width.
 */
enum Primitive {

	BYTE(1) {

		@Override
		Object newArray(final int length) {
			return new byte[length];
		}

		@Override
		void decode(final ByteBuffer source, final Object target, final int offset, final int count) {
			source.get((byte[]) target, offset, count);
		}

		@Override
		void encode(final Object source, final int offset, final int count, final ByteBuffer target) {
			target.put((byte[]) source, offset, count);
		}

		@Override
		ArrayDataAccess<?> wrap(final Object array) {
			return new ByteArray((byte[]) array);
		}
	},

	SHORT(2) {

		@Override
		Object newArray(final int length) {
			return new short[length];
		}

		@Override
		void decode(final ByteBuffer source, final Object target, final int offset, final int count) {
			source.asShortBuffer().get((short[]) target, offset, count);
		}

		@Override
		void encode(final Object source, final int offset, final int count, final ByteBuffer target) {
			target.asShortBuffer().put((short[]) source, offset, count);
		}

		@Override
		ArrayDataAccess<?> wrap(final Object array) {
			return new ShortArray((short[]) array);
		}
	},

	INT(4) {

		@Override
		Object newArray(final int length) {
			return new int[length];
		}

		@Override
		void decode(final ByteBuffer source, final Object target, final int offset, final int count) {
			source.asIntBuffer().get((int[]) target, offset, count);
		}

		@Override
		void encode(final Object source, final int offset, final int count, final ByteBuffer target) {
			target.asIntBuffer().put((int[]) source, offset, count);
		}

		@Override
		ArrayDataAccess<?> wrap(final Object array) {
			return new IntArray((int[]) array);
		}
	},

	LONG(8) {

		@Override
		Object newArray(final int length) {
			return new long[length];
		}

		@Override
		void decode(final ByteBuffer source, final Object target, final int offset, final int count) {
			source.asLongBuffer().get((long[]) target, offset, count);
		}

		@Override
		void encode(final Object source, final int offset, final int count, final ByteBuffer target) {
			target.asLongBuffer().put((long[]) source, offset, count);
		}

		@Override
		ArrayDataAccess<?> wrap(final Object array) {
			return new LongArray((long[]) array);
		}
	},

	FLOAT(4) {

		@Override
		Object newArray(final int length) {
			return new float[length];
		}

		@Override
		void decode(final ByteBuffer source, final Object target, final int offset, final int count) {
			source.asFloatBuffer().get((float[]) target, offset, count);
		}

		@Override
		void encode(final Object source, final int offset, final int count, final ByteBuffer target) {
			target.asFloatBuffer().put((float[]) source, offset, count);
		}

		@Override
		ArrayDataAccess<?> wrap(final Object array) {
			return new FloatArray((float[]) array);
		}
	},

	DOUBLE(8) {

		@Override
		Object newArray(final int length) {
			return new double[length];
		}

		@Override
		void decode(final ByteBuffer source, final Object target, final int offset, final int count) {
			source.asDoubleBuffer().get((double[]) target, offset, count);
		}

		@Override
		void encode(final Object source, final int offset, final int count, final ByteBuffer target) {
			target.asDoubleBuffer().put((double[]) source, offset, count);
		}

		@Override
		ArrayDataAccess<?> wrap(final Object array) {
			return new DoubleArray((double[]) array);
		}
	};

	/** Bytes per element. */
	final int bytes;

	Primitive(final int bytes) {
		this.bytes = bytes;
	}

	/** A zeroed array of this primitive. */
	abstract Object newArray(int length);

	/**
	 * Copies {@code count} elements from {@code source}'s position on, in the buffer's byte
	 * order, into {@code target[offset…]}. The buffer's position is left unspecified.
	 */
	abstract void decode(ByteBuffer source, Object target, int offset, int count);

	/**
	 * Copies {@code source[offset…offset+count)} into {@code target} from its position on, in
	 * the buffer's byte order. The buffer's position is left unspecified.
	 */
	abstract void encode(Object source, int offset, int count, ByteBuffer target);

	/** The ImgLib2 access over an array of this primitive, without copying. */
	abstract ArrayDataAccess<?> wrap(Object array);
}
