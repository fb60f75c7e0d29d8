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
 * little-endian single file (by default int16, 7×6×5 random voxels) whose header fields can be
 * overwritten. The constants are byte offsets of header fields.
 */
public final class NiftiFiles {

	public static final int SIZEOF_HDR = 0;
	public static final int DIM = 40;
	public static final int DATATYPE = 70;
	public static final int BITPIX = 72;
	public static final int PIXDIM = 76;
	public static final int VOX_OFFSET = 108;
	public static final int SCL_SLOPE = 112;
	public static final int SCL_INTER = 116;
	public static final int XYZT_UNITS = 123;
	public static final int QFORM_CODE = 252;
	public static final int SFORM_CODE = 254;
	public static final int QUATERN_B = 256;
	public static final int QOFFSET_X = 268;
	public static final int SROW_X = 280;
	public static final int MAGIC = 344;

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
		final byte[] data = new byte[DATA_BYTES];
		new Random(7).nextBytes(data);
		return of(Geometry.ofSpacing(DIMS, new double[] { 1, 1, 2 }), NiftiDatatype.INT16, data);
	}

	/**
	 * A single-file NIfTI-1 of {@code geometry} and {@code datatype}: the header, 4 zero extension
	 * bytes and {@code data}, the voxels in little-endian order (whether they fit is not checked).
	 */
	public static NiftiFiles of(final Geometry geometry, final NiftiDatatype datatype, final byte[] data) {
		final byte[] header = NiftiHeader.forVolume(geometry, datatype, "test").toBytes();
		final byte[] content = new byte[NiftiHeader.DEFAULT_VOX_OFFSET + data.length];
		System.arraycopy(header, 0, content, 0, header.length);
		System.arraycopy(data, 0, content, NiftiHeader.DEFAULT_VOX_OFFSET, data.length);
		return new NiftiFiles(content);
	}

	/** The content of an uncompressed little-endian NIfTI-1 file, to be changed (a copy). */
	public static NiftiFiles of(final byte[] content) {
		return new NiftiFiles(content.clone());
	}

	/** Writes a 16-bit value at a byte offset. */
	public NiftiFiles putShort(final int offset, final int value) {
		bytes.putShort(offset, (short) value);
		return this;
	}

	/** Writes a 32-bit value at a byte offset. */
	public NiftiFiles putInt(final int offset, final int value) {
		bytes.putInt(offset, value);
		return this;
	}

	/** Writes a float at a byte offset. */
	public NiftiFiles putFloat(final int offset, final float value) {
		bytes.putFloat(offset, value);
		return this;
	}

	/** Writes a byte at an offset. */
	public NiftiFiles putByte(final int offset, final int value) {
		bytes.put(offset, (byte) value);
		return this;
	}

	/** Sets {@code dim[0…]} to the given values. */
	public NiftiFiles dim(final int... dim) {
		for (int i = 0; i < dim.length; i++) putShort(DIM + 2 * i, dim[i]);
		return this;
	}

	/** The content, {@code delta} bytes shorter (negative) or longer (zeros appended). */
	byte[] bytes(final int delta) {
		final byte[] out = new byte[bytes.capacity() + delta];
		System.arraycopy(bytes.array(), 0, out, 0, Math.min(out.length, bytes.capacity()));
		return out;
	}

	/** The content. */
	public byte[] bytes() {
		return bytes(0);
	}

	/** gzip-compressed bytes. */
	public static byte[] gzip(final byte[] content) {
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
