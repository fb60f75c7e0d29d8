package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import covidunet.io.Affine;
import covidunet.io.Geometry;

/** Parsing, checking and building headers; the qform's quaternion both ways. */
class NiftiHeaderTest {

	@Test
	void builtHeaderParsesBackToTheSameFieldsAndGeometry() {
		final Geometry geometry = TestVolumes.geometry(new long[] { 9, 8, 7 }, Affines.OBLIQUE_LEFT, 1, 2);
		final NiftiHeader built = NiftiHeader.forVolume(geometry, NiftiDatatype.UINT16, "model sha256:abc", 0.5, -3);
		final NiftiHeader parsed = NiftiHeader.parse(built.toBytes(), "x.nii");
		assertArrayEquals(built.toBytes(), parsed.toBytes());
		assertSame(ByteOrder.LITTLE_ENDIAN, parsed.byteOrder());
		assertEquals("n+1", parsed.magic());
		assertArrayEquals(new int[] { 3, 9, 8, 7, 1, 1, 1, 1 }, parsed.dim());
		assertEquals(NiftiDatatype.UINT16, parsed.datatype());
		assertEquals(16, parsed.bitpix());
		assertEquals(352, parsed.voxOffset());
		assertEquals(9 * 8 * 7 * 2, parsed.dataBytes());
		assertEquals(-1, parsed.pixdim()[0], "qfac of a left-handed qform");
		assertEquals(0.5, parsed.slope());
		assertEquals(-3, parsed.intercept());
		assertEquals(NiftiHeader.UNITS_MM_SEC, parsed.xyztUnits());
		assertEquals("model sha256:abc", parsed.descrip());
		assertEquals(1, parsed.qformCode());
		assertEquals(2, parsed.sformCode());
		assertTrue(parsed.geometry().qform().approximatelyEquals(geometry.qform(), 1e-5), "qform");
		assertTrue(parsed.geometry().sform().approximatelyEquals(geometry.sform(), 1e-5), "sform");
		assertArrayEquals(geometry.spacing(), parsed.geometry().spacing(), 1e-6);
	}

	@Test
	void quaternionRoundTripsEveryProperAndImproperRotation() {
		final Random random = new Random(3);
		for (int trial = 0; trial < 500; trial++) {
			final double[][] r = randomRotation(random);
			final double[] size = { 0.3 + random.nextDouble() * 3, 0.3 + random.nextDouble() * 3, 0.3 + random.nextDouble() * 3 };
			final boolean left = trial % 2 == 1;
			final double[] rows = new double[12];
			for (int row = 0; row < 3; row++) {
				for (int col = 0; col < 3; col++) rows[4 * row + col] = r[row][col] * size[col] * (left && col == 2 ? -1 : 1);
				rows[4 * row + 3] = 100 * random.nextGaussian();
			}
			final Affine affine = Affine.ofRows(rows);
			final double[] q = Quaternions.fromAffine(affine);
			assertEquals(left ? -1 : 1, q[9], "qfac");
			assertArrayEquals(size, new double[] { q[6], q[7], q[8] }, 1e-9, "voxel sizes");
			final Affine back = Quaternions.toAffine(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9]);
			assertTrue(back.approximatelyEquals(affine, 1e-9), () -> "round trip of " + affine + " gave " + back);
		}
	}

	@Test
	void quaternionOfHalfTurnsTakesTheSpecialBranches() {
		for (final double[] diagonal : new double[][] { { -1, -1, 1 }, { -1, 1, -1 }, { 1, -1, -1 }, { -2, -3, 4 } }) {
			final Affine affine = Affine.diagonal(diagonal[0], diagonal[1], diagonal[2]);
			final double[] q = Quaternions.fromAffine(affine);
			final Affine back = Quaternions.toAffine(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9]);
			assertTrue(back.approximatelyEquals(affine, 1e-12), () -> "half turn " + affine + " gave " + back);
		}
	}

	@Test
	void nearestRotationOfASkewedQform() {
		final Affine skewed = Affine.ofRows(1, 0.01, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
		final double[] q = Quaternions.fromAffine(skewed);
		final Affine back = Quaternions.toAffine(q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9]);
		final double[][] m = back.toMatrix();
		for (int a = 0; a < 3; a++) {
			for (int b = a + 1; b < 3; b++) {
				double dot = 0;
				for (int r = 0; r < 3; r++) dot += m[r][a] * m[r][b];
				assertEquals(0, dot, 1e-12, "columns of the rebuilt qform are orthogonal");
			}
		}
		assertTrue(back.approximatelyEquals(skewed, 0.01), "and close to the skewed one");
		assertThrows(IllegalArgumentException.class, () -> Quaternions.fromAffine(Affine.ofRows(1, 1, 0, 0, 1, 1, 0, 0,
			0, 0, 1, 0)));
	}

	@Test
	void qformFromTheQuaternionAsNifti1IoComputesIt() {
		final double s = Math.sqrt(0.5);
		final Affine turn = Quaternions.toAffine(0, 0, s, 10, 20, 30, 2, 3, 4, 1);
		assertTrue(turn.approximatelyEquals(Affine.ofRows(0, -3, 0, 10, 2, 0, 0, 20, 0, 0, 4, 30), 1e-12), turn::toString);
		final Affine flipped = Quaternions.toAffine(0, 0, 0, 0, 0, 0, 2, 3, 4, -1);
		assertEquals(-4, flipped.get(2, 2), "qfac -1 negates the third column");
		final Affine normalised = Quaternions.toAffine(0, 0, 1.0000001, 0, 0, 0, 1, 1, 1, 1);
		assertTrue(normalised.approximatelyEquals(Affine.diagonal(-1, -1, 1), 1e-9), "b²+c²+d² over 1 is normalised");
		final Affine nonPositive = Quaternions.toAffine(0, 0, 0, 0, 0, 0, 0, -2, 3, 1);
		assertTrue(nonPositive.approximatelyEquals(Affine.diagonal(1, 1, 3), 0), "sizes not above 0 read as 1");
	}

	@Test
	void qfacZeroIsOne() {
		final byte[] bytes = header(NiftiDatatype.INT16);
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(NiftiFiles.PIXDIM, 0).putShort(NiftiFiles.QFORM_CODE,
			(short) 1);
		assertEquals(2, NiftiHeader.parse(bytes, "q.nii").geometry().affine().get(2, 2), 1e-12);
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(NiftiFiles.PIXDIM, -1);
		assertEquals(-2, NiftiHeader.parse(bytes, "q.nii").geometry().affine().get(2, 2), 1e-12);
	}

	@Test
	void unitsOtherThanMillimetresAreConverted() {
		final byte[] bytes = header(NiftiDatatype.INT16);
		final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		b.putShort(NiftiFiles.SFORM_CODE, (short) 1).putFloat(NiftiFiles.SROW_X + 12, 5);
		b.put(NiftiFiles.XYZT_UNITS, (byte) (1 | 8));
		final Geometry meters = NiftiHeader.parse(bytes, "m.nii").geometry();
		assertArrayEquals(new double[] { 1000, 1000, 2000 }, meters.spacing(), 1e-9);
		assertEquals(5000, meters.affine().get(0, 3), 1e-9);
		assertEquals(2000, meters.qform().get(2, 2), 1e-9);
		b.put(NiftiFiles.XYZT_UNITS, (byte) 3);
		final Geometry microns = NiftiHeader.parse(bytes, "u.nii").geometry();
		assertArrayEquals(new double[] { 0.001, 0.001, 0.002 }, microns.spacing(), 1e-12);
		assertEquals(0.005, microns.affine().get(0, 3), 1e-12);
		b.put(NiftiFiles.XYZT_UNITS, (byte) 0);
		assertArrayEquals(new double[] { 1, 1, 2 }, NiftiHeader.parse(bytes, "x.nii").geometry().spacing(), 0,
			"unknown units are millimetres");
	}

	@Test
	void affineRuleSformThenQformThenSpacing() {
		final byte[] bytes = header(NiftiDatatype.INT16);
		final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		b.putFloat(NiftiFiles.SROW_X, 7).putFloat(NiftiFiles.QUATERN_B + 12, 42);
		assertEquals(Affine.diagonal(1, 1, 2), NiftiHeader.parse(bytes, "x.nii").geometry().affine(), "no codes");
		b.putShort(NiftiFiles.QFORM_CODE, (short) 1);
		assertEquals(42, NiftiHeader.parse(bytes, "x.nii").geometry().affine().get(0, 3), "qform code only");
		b.putShort(NiftiFiles.SFORM_CODE, (short) 3);
		assertEquals(7, NiftiHeader.parse(bytes, "x.nii").geometry().affine().get(0, 0), "sform wins");
	}

	@Test
	void bigEndianHeaderIsDetected() {
		final byte[] little = header(NiftiDatatype.FLOAT32);
		final ByteBuffer in = ByteBuffer.wrap(little).order(ByteOrder.LITTLE_ENDIAN);
		final ByteBuffer out = ByteBuffer.allocate(NiftiHeader.SIZE).order(ByteOrder.BIG_ENDIAN);
		out.putInt(0, in.getInt(0));
		for (int i = 0; i < 8; i++) out.putShort(NiftiFiles.DIM + 2 * i, in.getShort(NiftiFiles.DIM + 2 * i));
		out.putShort(NiftiFiles.DATATYPE, in.getShort(NiftiFiles.DATATYPE));
		for (int i = 0; i < 8; i++) out.putFloat(NiftiFiles.PIXDIM + 4 * i, in.getFloat(NiftiFiles.PIXDIM + 4 * i));
		out.putFloat(NiftiFiles.VOX_OFFSET, 352);
		out.put(NiftiFiles.MAGIC, "n+1".getBytes(StandardCharsets.US_ASCII));
		final NiftiHeader big = NiftiHeader.parse(out.array(), "big.nii");
		assertSame(ByteOrder.BIG_ENDIAN, big.byteOrder());
		assertArrayEquals(new long[] { 7, 6, 5 }, big.dims());
		assertEquals(NiftiDatatype.FLOAT32, big.datatype());
		assertArrayEquals(new double[] { 1, 1, 2 }, big.geometry().spacing(), 0);
	}

	@Test
	void scalingFollowsNibabel() {
		assertFalse(scaled(0, 5).isScaled(), "slope 0 means no scaling");
		assertEquals(0, scaled(0, 5).intercept(), "and the intercept is ignored");
		assertFalse(scaled(Float.NaN, 5).isScaled(), "NaN slope means no scaling");
		assertFalse(scaled(Float.POSITIVE_INFINITY, 5).isScaled(), "infinite slope means no scaling");
		assertFalse(scaled(1, 0).isScaled(), "the identity is no scaling");
		assertTrue(scaled(1, 5).isScaled(), "an intercept alone scales");
		assertEquals(-2, scaled(-2, 0).slope());
	}

	@Test
	void twoDimensionalImageIsAVolumeOfDepthOne() {
		final byte[] bytes = header(NiftiDatatype.UINT8);
		final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		b.putShort(NiftiFiles.DIM, (short) 2).putShort(NiftiFiles.DIM + 6, (short) 0);
		b.putFloat(NiftiFiles.PIXDIM + 12, 0);
		final NiftiHeader flat = NiftiHeader.parse(bytes, "flat.nii");
		assertArrayEquals(new long[] { 7, 6, 1 }, flat.dims());
		assertEquals(42, flat.voxelCount());
		assertEquals(1, flat.geometry().spacing()[2], "an unused axis with no size is 1 mm deep");
		b.putFloat(NiftiFiles.PIXDIM + 12, 3);
		assertEquals(3, NiftiHeader.parse(bytes, "flat.nii").geometry().spacing()[2]);
	}

	@Test
	void descripIsCutToSeventyNineBytesOnACharacterBoundary() {
		final Geometry g = Geometry.ofSpacing(new long[] { 2, 2, 2 }, new double[] { 1, 1, 1 });
		assertEquals("a".repeat(79), NiftiHeader.forVolume(g, NiftiDatatype.UINT8, "a".repeat(100)).descrip());
		final String cut = NiftiHeader.forVolume(g, NiftiDatatype.UINT8, "a".repeat(78) + "é").descrip();
		assertEquals("a".repeat(78), cut, "a two-byte character that would end at byte 80 is left out");
		assertEquals("µ-scan", NiftiHeader.forVolume(g, NiftiDatatype.UINT8, "µ-scan").descrip());
	}

	@Test
	void forVolumeRefusesWhatNiftiOneCannotHold() {
		final Geometry wide = Geometry.ofSpacing(new long[] { 40000, 1, 1 }, new double[] { 1, 1, 1 });
		assertThrows(IllegalArgumentException.class, () -> NiftiHeader.forVolume(wide, NiftiDatatype.UINT8, ""));
		final Geometry g = Geometry.ofSpacing(new long[] { 2, 2, 2 }, new double[] { 1, 1, 1 });
		assertThrows(IllegalArgumentException.class, () -> NiftiHeader.forVolume(g, NiftiDatatype.UINT8, "", 0, 0));
		assertThrows(IllegalArgumentException.class, () -> NiftiHeader.forVolume(g, NiftiDatatype.UINT8, "", 1,
			Double.NaN));
	}

	private static NiftiHeader scaled(final float slope, final float inter) {
		final byte[] bytes = header(NiftiDatatype.INT16);
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(NiftiFiles.SCL_SLOPE, slope)
			.putFloat(NiftiFiles.SCL_INTER, inter);
		return NiftiHeader.parse(bytes, "s.nii");
	}

	private static byte[] header(final NiftiDatatype type) {
		return NiftiHeader.forVolume(Geometry.ofSpacing(new long[] { 7, 6, 5 }, new double[] { 1, 1, 2 }), type, "")
			.toBytes();
	}

	private static double[][] randomRotation(final Random random) {
		final double[] q = { random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian() };
		final double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
		final double a = q[0] / n, b = q[1] / n, c = q[2] / n, d = q[3] / n;
		return new double[][] { //
			{ a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
			{ 2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) },
			{ 2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b } };
	}
}
