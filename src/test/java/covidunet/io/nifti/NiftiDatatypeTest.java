package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.type.logic.BitType;

/** Codes, names, sizes and ImgLib2 types of the datatypes, and refusals of the others. */
class NiftiDatatypeTest {

	@Test
	void codesNamesAndSizesAreNifti1s() {
		final int[] codes = { 2, 256, 4, 512, 8, 768, 1024, 16, 64 };
		final String[] names = { "uint8", "int8", "int16", "uint16", "int32", "uint32", "int64", "float32", "float64" };
		final int[] bytes = { 1, 1, 2, 2, 4, 4, 8, 4, 8 };
		final NiftiDatatype[] types = NiftiDatatype.values();
		assertEquals(9, types.length);
		for (int i = 0; i < types.length; i++) {
			assertEquals(codes[i], types[i].code(), names[i]);
			assertEquals(names[i], types[i].numpyName());
			assertEquals(names[i], types[i].toString());
			assertEquals(bytes[i], types[i].bytesPerVoxel(), names[i]);
			assertEquals(8 * bytes[i], types[i].bitpix(), names[i]);
			assertEquals(i < 7, types[i].isInteger(), names[i]);
			assertSame(types[i], NiftiDatatype.forCode(codes[i]).orElseThrow());
			assertSame(types[i], NiftiDatatype.forType(types[i].createType()).orElseThrow());
		}
		assertFalse(NiftiDatatype.forCode(128).isPresent());
		assertFalse(NiftiDatatype.forType(new BitType()).isPresent());
	}

	@Test
	void typesAndRangesMatchImgLib2() {
		assertTrue(NiftiDatatype.UINT8.createType() instanceof UnsignedByteType);
		assertTrue(NiftiDatatype.UINT16.createType() instanceof UnsignedShortType);
		assertTrue(NiftiDatatype.UINT32.createType() instanceof UnsignedIntType);
		assertTrue(NiftiDatatype.FLOAT32.createType() instanceof FloatType);
		assertTrue(NiftiDatatype.FLOAT64.createType() instanceof DoubleType);
		for (final NiftiDatatype t : NiftiDatatype.values()) {
			final RealType<?> type = t.createType();
			if (t.isInteger() && t != NiftiDatatype.INT64) {
				assertEquals(type.getMinValue(), t.minValue(), t.toString());
				assertEquals(type.getMaxValue(), t.maxValue(), t.toString());
			}
		}
		assertTrue(NiftiDatatype.INT64.maxValue() < 0x1p63 && (long) NiftiDatatype.INT64.maxValue() < Long.MAX_VALUE);
	}

	@Test
	void unsignedValuesLieInSignedArraysAsTheirBits() {
		final List<Object> slices = List.of(new short[] { -1, 0, 1, -32768 }, new short[] { 5, 6, 7, 8 });
		final PlanarImg<?, ?> img = NiftiDatatype.UINT16.wrapSlices(slices, 2, 2, 2);
		assertEquals(2, img.numSlices());
		final double[] values = new double[8];
		int i = 0;
		for (final Object v : img) values[i++] = ((RealType<?>) v).getRealDouble();
		assertArrayEquals(new double[] { 65535, 0, 1, 32768, 5, 6, 7, 8 }, values);
		final double[] streamed = new double[4];
		NiftiDatatype.UINT32.toDouble(new int[] { -1, 7, Integer.MIN_VALUE, 0 }, streamed);
		assertArrayEquals(new double[] { 4294967295.0, 7, 2147483648.0, 0 }, streamed);
		NiftiDatatype.UINT8.toDouble(new byte[] { -56, 1, 0, -1 }, streamed);
		assertArrayEquals(new double[] { 200, 1, 0, 255 }, streamed);
	}

	@Test
	void planarImagesOfEveryType() {
		for (final NiftiDatatype t : NiftiDatatype.values()) {
			final PlanarImg<?, ?> img = t.createPlanarImg(3, 4, 5);
			assertEquals(5, img.numSlices(), t.toString());
			assertSame(t.createType().getClass(), img.firstElement().getClass(), t.toString());
		}
		assertThrows(IllegalArgumentException.class, () -> NiftiDatatype.INT16.wrapSlices(List.of(new short[3]), 2, 2, 1));
		assertThrows(IllegalArgumentException.class, () -> NiftiDatatype.INT16.wrapSlices(List.of(new short[4]), 2, 2, 2));
	}

	@Test
	void fromDoubleRoundsToNearestEven() {
		final byte[] bytes = new byte[5];
		NiftiDatatype.UINT8.fromDouble(new double[] { 0.4, 0.5, 1.5, 254.6, 200 }, bytes, 5);
		assertArrayEquals(new byte[] { 0, 0, 2, (byte) 255, (byte) 200 }, bytes);
	}

	@Test
	void refusalsNameTheType() {
		assertEquals("voxel type is RGB24 (datatype 128); a grey-level volume is needed", NiftiDatatype.unsupported(128));
		assertTrue(NiftiDatatype.unsupported(2304).contains("RGBA32"));
		assertTrue(NiftiDatatype.unsupported(32).contains("complex64"));
		assertTrue(NiftiDatatype.unsupported(1792).contains("complex128"));
		assertTrue(NiftiDatatype.unsupported(2048).contains("complex256"));
		assertTrue(NiftiDatatype.unsupported(1536).contains("float128"));
		assertTrue(NiftiDatatype.unsupported(1280).contains("uint64"));
		assertTrue(NiftiDatatype.unsupported(1).contains("binary"));
		assertTrue(NiftiDatatype.unsupported(17).contains("17"));
	}
}
