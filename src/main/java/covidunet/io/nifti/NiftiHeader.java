package covidunet.io.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.StringJoiner;

import covidunet.BadInputException;
import covidunet.io.Affine;
import covidunet.io.Geometry;

/**
 * A NIfTI-1 header: the 348 bytes before the extensions and voxels, in the byte order of its
 * file. Every field can be read; fields without an accessor (slice timing, {@code dim_info},
 * {@code glmin}…) are kept as they were, so {@link #toBytes()} gives back the parsed bytes.
 * <p>
 * A header exists only once checked: it describes a single volume (a 4-D file with one time
 * point, or a 1-D or 2-D image, counts as one) of a supported datatype with positive finite
 * spacing, a voxel count that fits a {@code long}, a usable {@code vox_offset} and finite
 * transforms where their codes say they are used. Instances are immutable.
 */
public final class NiftiHeader {

	/** Size of a NIfTI-1 header in bytes, its {@code sizeof_hdr}. */
	public static final int SIZE = 348;

	/** Where the voxels of a file written here start: after the header and 4 extension bytes. */
	public static final int DEFAULT_VOX_OFFSET = 352;

	/** Bit pattern of {@code xyzt_units} for millimetres and seconds. */
	public static final int UNITS_MM_SEC = 2 | 8;

	private static final int NIFTI2_SIZE = 540;
	private static final int MAX_DIM = Short.MAX_VALUE;

	private static final int REGULAR = 38;
	private static final int DIM = 40;
	private static final int INTENT_P1 = 56;
	private static final int INTENT_CODE = 68;
	private static final int DATATYPE = 70;
	private static final int BITPIX = 72;
	private static final int PIXDIM = 76;
	private static final int VOX_OFFSET = 108;
	private static final int SCL_SLOPE = 112;
	private static final int SCL_INTER = 116;
	private static final int XYZT_UNITS = 123;
	private static final int CAL_MAX = 124;
	private static final int CAL_MIN = 128;
	private static final int DESCRIP = 148;
	private static final int DESCRIP_LENGTH = 80;
	private static final int QFORM_CODE = 252;
	private static final int SFORM_CODE = 254;
	private static final int QUATERN_B = 256;
	private static final int QOFFSET_X = 268;
	private static final int SROW_X = 280;
	private static final int INTENT_NAME = 328;
	private static final int MAGIC = 344;

	private final ByteBuffer fields;
	private final NiftiDatatype datatype;
	private final long[] dims;
	private final long voxelCount;
	private final Geometry geometry;

	private NiftiHeader(final ByteBuffer fields, final String source) {
		this.fields = fields;
		final int ndim = dim()[0];
		dims = volumeDims(source);
		final int code = fields.getShort(DATATYPE);
		datatype = NiftiDatatype.forCode(code).orElseThrow(() -> bad(source, NiftiDatatype.unsupported(code)));
		voxelCount = countVoxels(source, ndim);
		checkSingleVolume(source, ndim);
		checkVoxOffset(source);
		if (isScaled() && !Double.isFinite(sclInter())) {
			throw bad(source, "scl_inter is " + sclInter() + " while scl_slope is " + sclSlope() +
				"; the scaling must be finite");
		}
		geometry = buildGeometry(source, ndim);
	}

	/**
	 * Parses and checks a header.
	 *
	 * @param bytes the file's first bytes (at least {@link #SIZE} for a header)
	 * @param source names the file in messages, e.g. its path as the user gave it
	 * @throws BadInputException if the bytes are not a supported NIfTI-1 single-volume header;
	 *           the message starts with {@code source}
	 */
	public static NiftiHeader parse(final byte[] bytes, final String source) {
		if (bytes.length < 4) {
			throw bad(source, "too short for a NIfTI-1 header (" + bytes.length + " bytes, " + SIZE + " needed)");
		}
		final ByteBuffer b = ByteBuffer.wrap(Arrays.copyOf(bytes, Math.max(bytes.length, SIZE)));
		final int little = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
		final int big = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
		if (little == NIFTI2_SIZE || big == NIFTI2_SIZE) {
			throw bad(source, "a NIfTI-2 file (sizeof_hdr 540); NIfTI-2 files are not supported, only NIfTI-1");
		}
		if (little != SIZE && big != SIZE) {
			throw bad(source, "not a NIfTI-1 file (its first 4 bytes, sizeof_hdr, read " + little + ", not " + SIZE + ")");
		}
		if (bytes.length < SIZE) {
			throw bad(source, "too short for a NIfTI-1 header (" + bytes.length + " bytes, " + SIZE + " needed)");
		}
		final ByteBuffer fields = ByteBuffer.wrap(Arrays.copyOf(bytes, SIZE))
			.order(little == SIZE ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		final String magic = magic(fields);
		if (!magic.equals("n+1") && !magic.equals("ni1")) {
			throw bad(source, "an Analyze 7.5 file, not NIfTI-1 (sizeof_hdr is 348 but the magic is not n+1 or ni1)");
		}
		return new NiftiHeader(fields, source);
	}

	/**
	 * The header of a single-file NIfTI-1 for a volume whose stored values are its values
	 * ({@code scl_slope} 1, {@code scl_inter} 0); otherwise as
	 * {@link #forVolume(Geometry, NiftiDatatype, String, double, double)}.
	 */
	public static NiftiHeader forVolume(final Geometry geometry, final NiftiDatatype datatype,
		final String descrip)
	{
		return forVolume(geometry, datatype, descrip, 1, 0);
	}

	/**
	 * The header of a single-file NIfTI-1 ({@code n+1}, little-endian) for a volume: dims and
	 * transforms from its geometry, the qform as quaternion parameters (the rotation nearest to
	 * the qform's, {@code qfac} from its determinant's sign), {@code pixdim[1…3]} the spacing,
	 * the sform's rows and both codes copied; units mm and s, voxels at
	 * {@link #DEFAULT_VOX_OFFSET}.
	 *
	 * @param geometry the volume's geometry, each dimension at most 32767
	 * @param datatype how the voxels are stored
	 * @param descrip the description; truncated to 79 bytes of UTF-8
	 * @param slope {@code scl_slope}: a stored value s means {@code s * slope + inter}
	 * @param inter {@code scl_inter}
	 * @throws IllegalArgumentException if a dimension exceeds 32767, the qform is singular, or
	 *           the scaling is not finite with a non-zero slope
	 */
	public static NiftiHeader forVolume(final Geometry geometry, final NiftiDatatype datatype,
		final String descrip, final double slope, final double inter)
	{
		if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(inter)) {
			throw new IllegalArgumentException("scaling needs a finite non-zero slope and a finite intercept, got " +
				slope + " and " + inter);
		}
		final ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0, SIZE);
		b.put(REGULAR, (byte) 'r');
		b.putShort(DIM, (short) 3);
		for (int d = 0; d < 3; d++) {
			if (geometry.dim(d) > MAX_DIM) {
				throw new IllegalArgumentException("dimension " + d + " is " + geometry.dim(d) +
					"; NIfTI-1 holds at most " + MAX_DIM);
			}
			b.putShort(DIM + 2 * (d + 1), (short) geometry.dim(d));
		}
		final double[] q = Quaternions.fromAffine(geometry.qform());
		final double[] spacing = geometry.spacing();
		b.putFloat(PIXDIM, (float) q[9]);
		for (int i = 1; i < 8; i++) {
			if (i > 3) b.putShort(DIM + 2 * i, (short) 1);
			b.putFloat(PIXDIM + 4 * i, i <= 3 ? (float) spacing[i - 1] : 1f);
		}
		b.putShort(DATATYPE, (short) datatype.code());
		b.putShort(BITPIX, (short) datatype.bitpix());
		b.putFloat(VOX_OFFSET, DEFAULT_VOX_OFFSET);
		b.putFloat(SCL_SLOPE, (float) slope);
		b.putFloat(SCL_INTER, (float) inter);
		b.put(XYZT_UNITS, (byte) UNITS_MM_SEC);
		b.put(DESCRIP, truncatedUtf8(descrip, DESCRIP_LENGTH - 1));
		b.putShort(QFORM_CODE, (short) geometry.qformCode());
		b.putShort(SFORM_CODE, (short) geometry.sformCode());
		for (int i = 0; i < 6; i++) {
			b.putFloat(QUATERN_B + 4 * i, (float) q[i]);
		}
		final Affine sform = geometry.sform();
		for (int row = 0; row < 3; row++) {
			for (int col = 0; col < 4; col++) {
				b.putFloat(SROW_X + 16 * row + 4 * col, (float) sform.get(row, col));
			}
		}
		b.put(MAGIC, new byte[] { 'n', '+', '1', 0 });
		return new NiftiHeader(b, "new header");
	}

	/** The 348 header bytes, in the header's byte order. */
	public byte[] toBytes() {
		return fields.array().clone();
	}

	/** The byte order of every multi-byte field and of the voxels. */
	public ByteOrder byteOrder() {
		return fields.order();
	}

	/**
	 * The magic without its trailing zero: {@code n+1} for a single file (header, extensions and
	 * voxels), {@code ni1} for the header of a {@code .hdr}/{@code .img} pair.
	 */
	public String magic() {
		return magic(fields);
	}

	/** Whether the voxels follow the header in the same file (magic {@code n+1}). */
	public boolean isSingleFile() {
		return magic().equals("n+1");
	}

	/** The {@code dim} field: {@code dim[0]} dimensions, then the size along each. */
	public int[] dim() {
		final int[] dim = new int[8];
		for (int i = 0; i < 8; i++) {
			dim[i] = fields.getShort(DIM + 2 * i);
		}
		return dim;
	}

	/**
	 * The volume's size along x, y, z: {@code dim[1…3]}, 1 along axes the file does not have
	 * (a 2-D image is a volume of depth 1).
	 */
	public long[] dims() {
		return dims.clone();
	}

	/** The number of voxels. */
	public long voxelCount() {
		return voxelCount;
	}

	/** The number of bytes of voxel data the header declares. */
	public long dataBytes() {
		return voxelCount * datatype.bytesPerVoxel();
	}

	/** The voxel datatype. */
	public NiftiDatatype datatype() {
		return datatype;
	}

	/** The {@code bitpix} field as stored (not checked against the datatype, as nibabel). */
	public int bitpix() {
		return fields.getShort(BITPIX);
	}

	/**
	 * The {@code pixdim} field as stored: {@code pixdim[0]} is {@code qfac}, then the voxel
	 * size along each dimension in the file's units.
	 */
	public double[] pixdim() {
		final double[] pixdim = new double[8];
		for (int i = 0; i < 8; i++) {
			pixdim[i] = fields.getFloat(PIXDIM + 4 * i);
		}
		return pixdim;
	}

	/** Where the voxels start in the file, in bytes: {@code vox_offset}. */
	public long voxOffset() {
		return (long) fields.getFloat(VOX_OFFSET);
	}

	/** The {@code scl_slope} field as stored. */
	public double sclSlope() {
		return fields.getFloat(SCL_SLOPE);
	}

	/** The {@code scl_inter} field as stored. */
	public double sclInter() {
		return fields.getFloat(SCL_INTER);
	}

	/**
	 * Whether stored values are scaled: unless {@code scl_slope} is 0 or not finite (meaning "no
	 * scaling", as nibabel reads it) or the scaling is the identity (slope 1, intercept 0).
	 */
	public boolean isScaled() {
		final double slope = sclSlope();
		return slope != 0 && Double.isFinite(slope) && (slope != 1 || sclInter() != 0);
	}

	/** The slope applied to stored values: {@code scl_slope} if {@link #isScaled()}, else 1. */
	public double slope() {
		return isScaled() ? sclSlope() : 1;
	}

	/** The intercept added to scaled values: {@code scl_inter} if {@link #isScaled()}, else 0. */
	public double intercept() {
		return isScaled() ? sclInter() : 0;
	}

	/** The {@code xyzt_units} field: spatial unit in bits 0–2, temporal unit in bits 3–5. */
	public int xyztUnits() {
		return fields.get(XYZT_UNITS) & 0xff;
	}

	/**
	 * Millimetres per spatial unit of the file: 1000 for metres, 0.001 for micrometres, else 1
	 * (millimetres, and unknown units taken as millimetres).
	 */
	public double unitInMm() {
		switch (xyztUnits() & 0x07) {
			case 1:
				return 1000;
			case 3:
				return 0.001;
			default:
				return 1;
		}
	}

	/** The {@code qform_code}. */
	public int qformCode() {
		return fields.getShort(QFORM_CODE);
	}

	/** The {@code sform_code}. */
	public int sformCode() {
		return fields.getShort(SFORM_CODE);
	}

	/** The qform parameters {@code quatern_b, quatern_c, quatern_d}. */
	public double[] quaternion() {
		return floats(QUATERN_B, 3);
	}

	/** The qform's translation {@code qoffset_x, qoffset_y, qoffset_z}, in the file's units. */
	public double[] qoffset() {
		return floats(QOFFSET_X, 3);
	}

	/** The sform's rows {@code srow_x, srow_y, srow_z}, in the file's units. */
	public double[][] srow() {
		return new double[][] { floats(SROW_X, 4), floats(SROW_X + 16, 4), floats(SROW_X + 32, 4) };
	}

	/** The {@code descrip} text, up to its first zero byte, read as UTF-8. */
	public String descrip() {
		return text(DESCRIP, DESCRIP_LENGTH);
	}

	/** The {@code intent_code}. */
	public int intentCode() {
		return fields.getShort(INTENT_CODE);
	}

	/** The {@code intent_p1…p3} parameters. */
	public double[] intentParameters() {
		return floats(INTENT_P1, 3);
	}

	/** The {@code intent_name} text. */
	public String intentName() {
		return text(INTENT_NAME, 16);
	}

	/** The {@code cal_min} display minimum. */
	public double calMin() {
		return fields.getFloat(CAL_MIN);
	}

	/** The {@code cal_max} display maximum. */
	public double calMax() {
		return fields.getFloat(CAL_MAX);
	}

	/**
	 * The volume's geometry, in millimetres: spacing {@code |pixdim[1…3]|}; the qform from the
	 * quaternion parameters, offsets and spacing, with {@code qfac = pixdim[0]} (0 read as 1);
	 * the sform from its rows; both transforms with their codes. A transform whose code is 0 and
	 * whose fields are not finite is replaced by the spacing diagonal.
	 */
	public Geometry geometry() {
		return geometry;
	}

	@Override
	public String toString() {
		return "NiftiHeader[" + datatype + " " + dimsText(dims) + ", " + byteOrder() + ", magic " + magic() +
			", vox_offset " + voxOffset() + ", slope " + slope() + ", intercept " + intercept() + ", " + geometry + "]";
	}

	private long[] volumeDims(final String source) {
		final int[] dim = dim();
		if (dim[0] < 1 || dim[0] > 7) {
			throw bad(source, "dim[0] is " + dim[0] + "; NIfTI-1 needs 1 to 7 dimensions");
		}
		for (int i = 1; i <= dim[0]; i++) {
			if (dim[i] < 1) {
				throw bad(source, "dimension " + i + " has size " + dim[i] + " (dims " + dimsText(dim) + ")");
			}
		}
		final long[] volume = new long[3];
		for (int d = 0; d < 3; d++) {
			volume[d] = d < dim[0] ? dim[d + 1] : 1;
		}
		return volume;
	}

	private long countVoxels(final String source, final int ndim) {
		final int[] dim = dim();
		try {
			long count = 1;
			for (int i = 1; i <= ndim; i++) {
				count = Math.multiplyExact(count, dim[i]);
			}
			Math.multiplyExact(count, datatype.bytesPerVoxel());
			return count;
		}
		catch (final ArithmeticException e) {
			throw bad(source, "dims " + dimsText(dim) + " declare more voxels than a file can hold (their product overflows)");
		}
	}

	private void checkSingleVolume(final String source, final int ndim) {
		final int[] dim = dim();
		int highest = 0;
		for (int i = 4; i <= ndim; i++) {
			if (dim[i] > 1) highest = i;
		}
		if (highest == 4) {
			throw bad(source, "holds " + dim[4] + " time points (dims " + dimsText(dim) + "); a single 3-D volume is needed");
		}
		if (highest > 4) {
			throw bad(source, "is a " + highest + "-D image (dims " + dimsText(dim) + "); a single 3-D volume is needed");
		}
	}

	private void checkVoxOffset(final String source) {
		final float offset = fields.getFloat(VOX_OFFSET);
		if (!Float.isFinite(offset) || offset < 0) {
			throw bad(source, "vox_offset is " + offset + "; it must be a finite byte position");
		}
		if (isSingleFile() && offset < SIZE) {
			throw bad(source, "vox_offset is " + offset + ", inside the " + SIZE + "-byte header");
		}
	}

	private Geometry buildGeometry(final String source, final int ndim) {
		final double unit = unitInMm();
		final double[] pixdim = pixdim();
		final double[] size = new double[3];
		final double[] spacing = new double[3];
		for (int d = 0; d < 3; d++) {
			final double p = pixdim[d + 1];
			final boolean valid = Double.isFinite(p) && p != 0;
			if (!valid && d < ndim) {
				throw bad(source, "spacing along " + "xyz".charAt(d) + " is " + p + " (pixdim[" + (d + 1) +
					"]); voxel sizes must be positive and finite");
			}
			size[d] = valid ? Math.abs(p) : 1;
			spacing[d] = size[d] * unit;
		}
		final double[] q = quaternion();
		final double[] offset = qoffset();
		final Affine qform;
		if (allFinite(q) && allFinite(offset)) {
			qform = scaled(Quaternions.toAffine(q[0], q[1], q[2], offset[0], offset[1], offset[2], size[0], size[1],
				size[2], pixdim[0] < 0 ? -1 : 1), unit);
		}
		else if (qformCode() > 0) {
			throw bad(source, "the qform (qform_code " + qformCode() + ") has non-finite parameters");
		}
		else {
			qform = Affine.diagonal(spacing[0], spacing[1], spacing[2]);
		}
		final double[][] rows = srow();
		final Affine sform;
		if (allFinite(rows[0]) && allFinite(rows[1]) && allFinite(rows[2])) {
			sform = scaled(Affine.ofRows(concat(rows)), unit);
		}
		else if (sformCode() > 0) {
			throw bad(source, "the sform (sform_code " + sformCode() + ") has non-finite entries");
		}
		else {
			sform = Affine.diagonal(spacing[0], spacing[1], spacing[2]);
		}
		return new Geometry(dims, spacing, qform, qformCode(), sform, sformCode());
	}

	private static Affine scaled(final Affine affine, final double factor) {
		if (factor == 1) return affine;
		final double[] rows = new double[12];
		for (int i = 0; i < 12; i++) {
			rows[i] = affine.get(i / 4, i % 4) * factor;
		}
		return Affine.ofRows(rows);
	}

	private static double[] concat(final double[][] rows) {
		final double[] all = new double[12];
		for (int r = 0; r < 3; r++) {
			System.arraycopy(rows[r], 0, all, 4 * r, 4);
		}
		return all;
	}

	private static boolean allFinite(final double[] values) {
		for (final double v : values) {
			if (!Double.isFinite(v)) return false;
		}
		return true;
	}

	private double[] floats(final int offset, final int count) {
		final double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			values[i] = fields.getFloat(offset + 4 * i);
		}
		return values;
	}

	private String text(final int offset, final int length) {
		int end = 0;
		while (end < length && fields.get(offset + end) != 0) end++;
		return new String(fields.array(), offset, end, StandardCharsets.UTF_8);
	}

	private static String magic(final ByteBuffer fields) {
		if (fields.get(MAGIC + 3) != 0) return "";
		return new String(fields.array(), MAGIC, 3, StandardCharsets.ISO_8859_1);
	}

	private static byte[] truncatedUtf8(final String text, final int maxBytes) {
		final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= maxBytes) return bytes;
		int end = maxBytes;
		while (end > 0 && (bytes[end] & 0xc0) == 0x80) end--;
		return Arrays.copyOf(bytes, end);
	}

	private static String dimsText(final int[] dim) {
		final StringJoiner text = new StringJoiner("x");
		for (int i = 1; i <= Math.min(Math.max(dim[0], 1), 7); i++) {
			text.add(Integer.toString(dim[i]));
		}
		return text.toString();
	}

	private static String dimsText(final long[] dims) {
		final StringJoiner text = new StringJoiner("x");
		for (final long d : dims) {
			text.add(Long.toString(d));
		}
		return text.toString();
	}

	private static BadInputException bad(final String source, final String problem) {
		return new BadInputException(source + ": " + problem);
	}
}
