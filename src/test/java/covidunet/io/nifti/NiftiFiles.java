package covidunet.io.nifti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import covidunet.io.Geometry;

/**
 * Hand-made NIfTI-1 file contents for tests that break one field at a time: a valid
 * little-endian int16 file of 7×6×5 random voxels whose header fields can be overwritten.
 */
final class NiftiFiles {

	static final int SIZEOF_HDR = 0;
	static final int DIM = 40;
	static final int DATATYPE = 70;
	static final int BITPIX = 72;
	static final int PIXDIM = 76;
	static final int VOX_OFFSET = 108;
	static final int SCL_SLOPE = 112;
	static final int SCL_INTER = 116;
	static final int XYZT_UNITS = 123;
	static final int QFORM_CODE = 252;
	static final int SFORM_CODE = 254;
	static final int QUATERN_B = 256;
	static final int SROW_X = 280;
	static final int MAGIC = 344;

	/** Voxels of the valid file. */
	static final long[] DIMS = { 7, 6, 5 };

	/** Bytes of voxel data of the valid file. */
	static final int DATA_BYTES = 7 * 6 * 5 * 2;

	private final ByteBuffer bytes;

	private NiftiFiles(final byte[] content) {
		bytes = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
	}

	/** A valid single-file int16 NIfTI-1: header, 4 zero extension bytes, random voxels. */
	static NiftiFiles valid() {
		final byte[] header = NiftiHeader.forVolume(Geometry.ofSpacing(DIMS, new double[] { 1, 1, 2 }),
			NiftiDatatype.INT16, "test").toBytes();
		final byte[] content = new byte[NiftiHeader.DEFAULT_VOX_OFFSET + DATA_BYTES];
		System.arraycopy(header, 0, content, 0, header.length);
		final byte[] data = new byte[DATA_BYTES];
		new Random(7).nextBytes(data);
		System.arraycopy(data, 0, content, NiftiHeader.DEFAULT_VOX_OFFSET, DATA_BYTES);
		return new NiftiFiles(content);
	}

	NiftiFiles putShort(final int offset, final int value) {
		bytes.putShort(offset, (short) value);
		return this;
	}

	NiftiFiles putInt(final int offset, final int value) {
		bytes.putInt(offset, value);
		return this;
	}

	NiftiFiles putFloat(final int offset, final float value) {
		bytes.putFloat(offset, value);
		return this;
	}

	NiftiFiles putByte(final int offset, final int value) {
		bytes.put(offset, (byte) value);
		return this;
	}

	/** Sets {@code dim[0…]} to the given values. */
	NiftiFiles dim(final int... dim) {
		for (int i = 0; i < dim.length; i++) putShort(DIM + 2 * i, dim[i]);
		return this;
	}

	/** The content, {@code delta} bytes shorter (negative) or longer (zeros appended). */
	byte[] bytes(final int delta) {
		final byte[] out = new byte[bytes.capacity() + delta];
		System.arraycopy(bytes.array(), 0, out, 0, Math.min(out.length, bytes.capacity()));
		return out;
	}

	byte[] bytes() {
		return bytes(0);
	}

	/** gzip-compressed bytes. */
	static byte[] gzip(final byte[] content) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(content);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
