package covidunet.io.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutants of a valid NIfTI-1 file, each named so that a failure says how to
 * rebuild it: every header field that matters set in turn to extreme values (dims, datatype,
 * bitpix, pixdim, vox_offset, scaling, transform codes, quaternion, offsets, sform rows, units,
 * sizeof_hdr, magic), the three dims together over extreme sizes, cuts at many lengths,
 * appended junk, and seeded bit flips and byte overwrites. What a byte-level fuzzer reaches
 * slowly (a 2-byte field widened to a long before it is compared, a float set to NaN) is
 * reached here every time.
 */
final class HeaderMutants {

	/** A mutant: what was changed, and the file content. */
	record Mutant(String name, byte[] content) {}

	private static final int[] SHORT_FIELDS = { 40, 42, 44, 46, 48, 50, 52, 54, 68, 70, 72, 252, 254 };

	private static final int[] SHORTS = { 0, 1, -1, 2, 3, 4, 5, 7, 8, 16, 64, 128, 255, 256, 512, 768, 1024, 1280,
		1536, 1792, 2048, 2304, 32767, -32768 };

	/** pixdim[0…7], vox_offset, scl_slope, scl_inter, quatern_b…d, qoffset_x…z, srow_x…z. */
	private static final int[] FLOAT_FIELDS = { 76, 80, 84, 88, 92, 96, 100, 104, 108, 112, 116, 256, 260, 264, 268,
		272, 276, 280, 284, 288, 292, 296, 300, 304, 308, 312, 316, 320, 324 };

	private static final float[] FLOATS = { 0, -0f, 1, -1, 0.5f, 2, 347, 348, 351.5f, 352, 353, Float.MIN_VALUE, 1e-30f,
		1e30f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0x1p31f,
		0x1p63f };

	private static final int[] DIM_SIZES = { -1, 0, 1, 2, 255, 32767 };

	private static final int[] UNITS = { 0, 1, 2, 3, 4, 7, 8, 255 };

	private static final int[] SIZEOF_HDR = { 0, -1, 347, 349, 540, Integer.reverseBytes(348), Integer.reverseBytes(540) };

	private static final String[] MAGICS = { "n+1\0", "ni1\0", "n+2\0", "n+1x", "\0\0\0\0" };

	private HeaderMutants() {}

	/** Every mutant of a valid file, in a fixed order; {@code seed} drives the random ones. */
	static List<Mutant> of(final byte[] valid, final long seed) {
		final ByteOrder order = ByteBuffer.wrap(valid).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == NiftiHeader.SIZE ?
			ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		final List<Mutant> mutants = new ArrayList<>();
		for (final int field : SHORT_FIELDS) {
			for (final int value : SHORTS) {
				mutants.add(new Mutant("short@" + field + "=" + value, edit(valid, order).putShort(field, (short) value)
					.array()));
			}
		}
		for (final int field : FLOAT_FIELDS) {
			for (final float value : FLOATS) {
				mutants.add(new Mutant("float@" + field + "=" + value, edit(valid, order).putFloat(field, value).array()));
			}
		}
		for (final int x : DIM_SIZES) {
			for (final int y : DIM_SIZES) {
				for (final int z : DIM_SIZES) {
					mutants.add(new Mutant("dims=" + x + "x" + y + "x" + z, edit(valid, order).putShort(40, (short) 3)
						.putShort(42, (short) x).putShort(44, (short) y).putShort(46, (short) z).array()));
				}
			}
		}
		for (final int units : UNITS) {
			mutants.add(new Mutant("xyzt_units=" + units, edit(valid, order).put(123, (byte) units).array()));
		}
		for (final int size : SIZEOF_HDR) {
			mutants.add(new Mutant("sizeof_hdr=" + size, edit(valid, order).putInt(0, size).array()));
		}
		for (final String magic : MAGICS) {
			final ByteBuffer b = edit(valid, order);
			for (int i = 0; i < 4; i++) b.put(344 + i, (byte) magic.charAt(i));
			mutants.add(new Mutant("magic=" + magic.replace("\0", "\\0"), b.array()));
		}
		for (int length = 0; length < valid.length; length += length < 400 ? 13 : 97) {
			mutants.add(new Mutant("cut to " + length, Arrays.copyOf(valid, length)));
		}
		for (final int junk : new int[] { 1, 2, 4, 1000 }) {
			mutants.add(new Mutant("junk +" + junk, Arrays.copyOf(valid, valid.length + junk)));
		}
		final Random random = new Random(seed);
		for (int i = 0; i < 200; i++) {
			final byte[] content = valid.clone();
			final int flips = 1 + random.nextInt(4);
			for (int f = 0; f < flips; f++) {
				final int at = random.nextInt(content.length);
				if (random.nextBoolean()) content[at] ^= (byte) (1 << random.nextInt(8));
				else content[at] = (byte) random.nextInt(256);
			}
			mutants.add(new Mutant("seed " + seed + ", random mutant " + i, content));
		}
		return mutants;
	}

	private static ByteBuffer edit(final byte[] valid, final ByteOrder order) {
		return ByteBuffer.wrap(valid.clone()).order(order);
	}
}
