package covidunet.io.nifti;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The NIfTI-1 voxel datatypes this project reads and writes, each with its matching ImgLib2
 * type. A slice of voxels travels as a primitive array of the datatype's width: {@code byte[]}
 * for uint8 and int8, {@code short[]} for int16 and uint16, {@code int[]} for int32 and uint32,
 * {@code long[]} for int64, {@code float[]} and {@code double[]} for float32 and float64. An
 * unsigned datatype's values lie in its signed array as the same bits, as ImgLib2's unsigned
 * types hold them (uint8 200 is the byte -56).
 */
public enum NiftiDatatype {

	/** Unsigned 8-bit integers, code 2. */
	UINT8(2, "uint8", Primitive.BYTE, 0, 255, UnsignedByteType::new),
	/** Signed 8-bit integers, code 256. */
	INT8(256, "int8", Primitive.BYTE, Byte.MIN_VALUE, Byte.MAX_VALUE, ByteType::new),
	/** Signed 16-bit integers, code 4. */
	INT16(4, "int16", Primitive.SHORT, Short.MIN_VALUE, Short.MAX_VALUE, ShortType::new),
	/** Unsigned 16-bit integers, code 512. */
	UINT16(512, "uint16", Primitive.SHORT, 0, 65535, UnsignedShortType::new),
	/** Signed 32-bit integers, code 8. */
	INT32(8, "int32", Primitive.INT, Integer.MIN_VALUE, Integer.MAX_VALUE, IntType::new),
	/** Unsigned 32-bit integers, code 768. */
	UINT32(768, "uint32", Primitive.INT, 0, 4294967295.0, UnsignedIntType::new),
	/** Signed 64-bit integers, code 1024. */
	INT64(1024, "int64", Primitive.LONG, -0x1p63, Math.nextDown(0x1p63), LongType::new),
	/** IEEE 32-bit floats, code 16. */
	FLOAT32(16, "float32", Primitive.FLOAT, -Float.MAX_VALUE, Float.MAX_VALUE, FloatType::new),
	/** IEEE 64-bit floats, code 64. */
	FLOAT64(64, "float64", Primitive.DOUBLE, -Double.MAX_VALUE, Double.MAX_VALUE, DoubleType::new);

	private final int code;
	private final String numpyName;
	private final Primitive primitive;
	private final double min;
	private final double max;
	private final Supplier<? extends RealType<?>> typeFactory;

	NiftiDatatype(final int code, final String numpyName, final Primitive primitive,
		final double min, final double max, final Supplier<? extends RealType<?>> typeFactory)
	{
		this.code = code;
		this.numpyName = numpyName;
		this.primitive = primitive;
		this.min = min;
		this.max = max;
		this.typeFactory = typeFactory;
	}

	/** The datatype with NIfTI code {@code code}, if it is one of these. */
	public static Optional<NiftiDatatype> forCode(final int code) {
		for (final NiftiDatatype t : values()) {
			if (t.code == code) return Optional.of(t);
		}
		return Optional.empty();
	}

	/**
	 * The datatype whose ImgLib2 type is {@code type}'s class (e.g. {@code ShortType} →
	 * int16), if there is one.
	 */
	public static Optional<NiftiDatatype> forType(final RealType<?> type) {
		for (final NiftiDatatype t : values()) {
			if (t.createType().getClass() == type.getClass()) return Optional.of(t);
		}
		return Optional.empty();
	}

	/**
	 * Why a datatype code that is none of these cannot be read, as a phrase for a message: e.g.
	 * {@code voxel type is RGB24 (datatype 128); a grey-level volume is needed}.
	 */
	static String unsupported(final int code) {
		switch (code) {
			case 0:
				return "datatype is 0 (unknown), so the voxels cannot be read";
			case 1:
				return "voxel type is 1-bit binary (datatype 1), which is not supported; " + supported();
			case 32:
				return complex("complex64", code);
			case 1792:
				return complex("complex128", code);
			case 2048:
				return complex("complex256", code);
			case 128:
				return "voxel type is RGB24 (datatype 128); a grey-level volume is needed";
			case 2304:
				return "voxel type is RGBA32 (datatype 2304); a grey-level volume is needed";
			case 1280:
				return "voxel type is uint64 (datatype 1280), which is not supported; " + supported();
			case 1536:
				return "voxel type is float128 (datatype 1536), which is not supported; " + supported();
			default:
				return "datatype " + code + " is not a NIfTI-1 datatype";
		}
	}

	private static String complex(final String name, final int code) {
		return "voxel type is " + name + " (datatype " + code + "); a real-valued grey-level volume is needed";
	}

	private static String supported() {
		final List<String> names = new ArrayList<>();
		for (final NiftiDatatype t : values()) {
			names.add(t.numpyName);
		}
		return "supported are " + String.join(", ", names);
	}

	/** The NIfTI-1 {@code datatype} code. */
	public int code() {
		return code;
	}

	/** The lower-case numpy-style name, e.g. {@code int16}. */
	public String numpyName() {
		return numpyName;
	}

	/** Bytes per voxel. */
	public int bytesPerVoxel() {
		return primitive.bytes;
	}

	/** Bits per voxel, NIfTI's {@code bitpix}. */
	public int bitpix() {
		return 8 * primitive.bytes;
	}

	/** Whether the voxels are integers. */
	public boolean isInteger() {
		return primitive != Primitive.FLOAT && primitive != Primitive.DOUBLE;
	}

	/** The smallest value a voxel can hold (the most negative finite value for floats). */
	public double minValue() {
		return min;
	}

	/**
	 * The largest value a voxel can hold (the largest finite value for floats; for int64, the
	 * largest double below 2⁶³).
	 */
	public double maxValue() {
		return max;
	}

	/** A new ImgLib2 variable of the matching type, e.g. a {@code ShortType} for int16. */
	public RealType<?> createType() {
		return typeFactory.get();
	}

	/** A new zero-filled planar image of the matching type (one array per z slice). */
	public PlanarImg<?, ?> createPlanarImg(final long... dims) {
		final List<Object> slices = new ArrayList<>();
		final int length = PlanarImg.elementsPerSlice(dims);
		for (int z = PlanarImg.numberOfSlices(dims); z > 0; z--) {
			slices.add(newSlice(length));
		}
		return wrapSlices(slices, dims);
	}

	/**
	 * A planar image of the matching type over the given slice arrays, without copying them.
	 *
	 * @param slices one primitive array of this datatype per plane, each of the first two
	 *          dimensions' product in length
	 * @param dims the image size; two or more dimensions
	 * @throws IllegalArgumentException if the arrays do not fit {@code dims}
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public PlanarImg<?, ?> wrapSlices(final List<?> slices, final long... dims) {
		final int length = PlanarImg.elementsPerSlice(dims);
		if (slices.size() != PlanarImg.numberOfSlices(dims)) {
			throw new IllegalArgumentException(slices.size() + " slices for an image of " +
				PlanarImg.numberOfSlices(dims) + " planes");
		}
		final List<ArrayDataAccess<?>> planes = new ArrayList<>(slices.size());
		for (final Object slice : slices) {
			final ArrayDataAccess<?> plane = primitive.wrap(slice);
			if (plane.getArrayLength() != length) {
				throw new IllegalArgumentException("a slice of " + plane.getArrayLength() +
					" voxels in planes of " + length);
			}
			planes.add(plane);
		}
		final NativeType type = (NativeType) createType();
		final PlanarImg img = new PlanarImg(planes, dims, type.getEntitiesPerPixel());
		img.setLinkedType(type.getNativeTypeFactory().createLinkedType(img));
		return img;
	}

	/** A zeroed primitive array of this datatype, as {@link #wrapSlices} takes them. */
	public Object newSlice(final int length) {
		return primitive.newArray(length);
	}

	/**
	 * Copies the values of a primitive array of this datatype into {@code target}, unsigned
	 * datatypes read as unsigned.
	 *
	 * @param slice a primitive array of this datatype (see the class description)
	 * @param target at least as long as {@code slice}
	 */
	public void toDouble(final Object slice, final double[] target) {
		switch (this) {
			case UINT8: {
				final byte[] a = (byte[]) slice;
				for (int i = 0; i < a.length; i++) target[i] = a[i] & 0xff;
				break;
			}
			case INT8: {
				final byte[] a = (byte[]) slice;
				for (int i = 0; i < a.length; i++) target[i] = a[i];
				break;
			}
			case INT16: {
				final short[] a = (short[]) slice;
				for (int i = 0; i < a.length; i++) target[i] = a[i];
				break;
			}
			case UINT16: {
				final short[] a = (short[]) slice;
				for (int i = 0; i < a.length; i++) target[i] = a[i] & 0xffff;
				break;
			}
			case INT32: {
				final int[] a = (int[]) slice;
				for (int i = 0; i < a.length; i++) target[i] = a[i];
				break;
			}
			case UINT32: {
				final int[] a = (int[]) slice;
				for (int i = 0; i < a.length; i++) target[i] = a[i] & 0xffffffffL;
				break;
			}
			case INT64: {
				final long[] a = (long[]) slice;
				for (int i = 0; i < a.length; i++) target[i] = a[i];
				break;
			}
			case FLOAT32: {
				final float[] a = (float[]) slice;
				for (int i = 0; i < a.length; i++) target[i] = a[i];
				break;
			}
			case FLOAT64:
				System.arraycopy(slice, 0, target, 0, ((double[]) slice).length);
				break;
		}
	}

	/**
	 * Stores {@code source[0…count)} into a primitive array of this datatype, integers rounded
	 * to the nearest (ties to even). Values must lie in {@link #minValue()}…{@link #maxValue()}.
	 */
	void fromDouble(final double[] source, final Object target, final int count) {
		switch (primitive) {
			case BYTE: {
				final byte[] a = (byte[]) target;
				for (int i = 0; i < count; i++) a[i] = (byte) (long) Math.rint(source[i]);
				break;
			}
			case SHORT: {
				final short[] a = (short[]) target;
				for (int i = 0; i < count; i++) a[i] = (short) (long) Math.rint(source[i]);
				break;
			}
			case INT: {
				final int[] a = (int[]) target;
				for (int i = 0; i < count; i++) a[i] = (int) (long) Math.rint(source[i]);
				break;
			}
			case LONG: {
				final long[] a = (long[]) target;
				for (int i = 0; i < count; i++) a[i] = (long) Math.rint(source[i]);
				break;
			}
			case FLOAT: {
				final float[] a = (float[]) target;
				for (int i = 0; i < count; i++) a[i] = (float) source[i];
				break;
			}
			case DOUBLE:
				System.arraycopy(source, 0, target, 0, count);
				break;
		}
	}

	/** The primitive storing this datatype's voxels. */
	Primitive primitive() {
		return primitive;
	}

	/** The numpy-style name, as in messages. */
	@Override
	public String toString() {
		return numpyName;
	}
}
