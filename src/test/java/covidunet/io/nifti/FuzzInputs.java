package covidunet.io.nifti;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import covidunet.io.Geometry;
import covidunet.io.Volume;

/**
 * Fuzz inputs for the NIfTI reader and the valid files they start from. An input's first byte
 * says how the rest becomes the file: odd, gzipped (so mutations of the plain bytes reach the
 * reader through a valid gzip stream); even, as it is (so the gzip decoder is fuzzed too).
 */
final class FuzzInputs {

	/** The NIfTI-1 header's 4-byte fields, swapped for a big-endian file. */
	private static final int[] INT_FIELDS = { 0, 32, 56, 60, 64, 76, 80, 84, 88, 92, 96, 100, 104, 108, 112, 116, 124,
		128, 132, 136, 140, 144, 256, 260, 264, 268, 272, 276, 280, 284, 288, 292, 296, 300, 304, 308, 312, 316, 320,
		324 };

	/** The NIfTI-1 header's 2-byte fields. */
	private static final int[] SHORT_FIELDS = { 36, 40, 42, 44, 46, 48, 50, 52, 54, 68, 70, 72, 74, 120, 252, 254 };

	private FuzzInputs() {}

	/** The content of the file an input stands for. */
	static byte[] fileContent(final byte[] input) {
		if (input.length == 0) return input;
		final byte[] rest = Arrays.copyOfRange(input, 1, input.length);
		return (input[0] & 1) == 1 ? NiftiFiles.gzip(rest) : rest;
	}

	/** The input that stands for this file content, gzipped by the harness or not. */
	static byte[] input(final byte[] content, final boolean gzip) {
		final byte[] input = new byte[content.length + 1];
		input[0] = (byte) (gzip ? 1 : 0);
		System.arraycopy(content, 0, input, 1, content.length);
		return input;
	}

	/**
	 * Small valid files: every datatype with an oblique geometry, both transform codes set; a
	 * scaled int16; a gzip file as written; a big-endian file; a header extension; a 4-D file with
	 * one time point; and, where the shared fixtures are, a real CT header over a tiny grid.
	 *
	 * @param scratch a folder for the writer's files
	 * @param real the real fixtures' folder, skipped if it does not exist
	 */
	static List<byte[]> seeds(final Path scratch, final Path real) {
		final List<byte[]> seeds = new ArrayList<>();
		final long[] dims = { 4, 3, 2 };
		final Geometry oblique = TestVolumes.geometry(dims, new double[][] { { 0, -0.9, 0.1, 10 }, { 0.8, 0, 0, -20 },
			{ 0, 0.05, 2.5, 30 }, { 0, 0, 0, 1 } }, 1, 2);
		long seed = 1;
		for (final NiftiDatatype type : NiftiDatatype.values()) {
			seeds.add(input(written(scratch, TestVolumes.random(type, oblique, seed++), type, "v.nii", 1, 0), false));
		}
		final Geometry plain = Geometry.ofSpacing(dims, new double[] { 0.7, 0.7, 5 });
		final byte[] scaled = written(scratch, TestVolumes.random(NiftiDatatype.FLOAT32, plain, seed++),
			NiftiDatatype.INT16, "s.nii", 0.5, -1024);
		seeds.add(input(scaled, true));
		seeds.add(input(written(scratch, TestVolumes.random(NiftiDatatype.UINT8, plain, seed++), NiftiDatatype.UINT8,
			"g.nii.gz", 1, 0), false));
		seeds.add(input(bigEndian(NiftiFiles.valid().bytes()), false));
		seeds.add(input(withExtension(NiftiFiles.valid().bytes()), true));
		seeds.add(input(NiftiFiles.valid().dim(4, 7, 6, 5, 1).bytes(), false));
		final Path ct = real.resolve("example_ct_sm.nii.gz");
		if (Files.isRegularFile(ct)) seeds.add(input(realHeaderOverATinyGrid(ct), true));
		return seeds;
	}

	private static byte[] written(final Path scratch, final Volume<?> volume, final NiftiDatatype type,
		final String name, final double slope, final double inter)
	{
		final Path file = scratch.resolve(name);
		NiftiWriter.write(TestVolumes.real(volume), file, type, "fuzz seed", slope, inter);
		try {
			return Files.readAllBytes(file);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The valid int16 file of {@link NiftiFiles} with every header field and voxel byte-swapped. */
	private static byte[] bigEndian(final byte[] little) {
		final ByteBuffer in = ByteBuffer.wrap(little).order(ByteOrder.LITTLE_ENDIAN);
		final ByteBuffer out = ByteBuffer.wrap(little.clone()).order(ByteOrder.BIG_ENDIAN);
		for (final int field : INT_FIELDS) out.putInt(field, in.getInt(field));
		for (final int field : SHORT_FIELDS) out.putShort(field, in.getShort(field));
		for (int i = NiftiHeader.DEFAULT_VOX_OFFSET; i + 1 < little.length; i += 2) out.putShort(i, in.getShort(i));
		return out.array();
	}

	/** The file with a 32-byte header extension (code 6, a comment) between header and voxels. */
	private static byte[] withExtension(final byte[] file) {
		final int extension = 32;
		final byte[] out = new byte[file.length + extension];
		System.arraycopy(file, 0, out, 0, NiftiHeader.SIZE);
		final ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
		b.putFloat(NiftiFiles.VOX_OFFSET, NiftiHeader.DEFAULT_VOX_OFFSET + extension);
		b.put(NiftiHeader.SIZE, (byte) 1);
		b.putInt(NiftiHeader.DEFAULT_VOX_OFFSET, extension);
		b.putInt(NiftiHeader.DEFAULT_VOX_OFFSET + 4, 6);
		b.put(NiftiHeader.DEFAULT_VOX_OFFSET + 8, "a comment".getBytes(StandardCharsets.US_ASCII));
		System.arraycopy(file, NiftiHeader.DEFAULT_VOX_OFFSET, out, NiftiHeader.DEFAULT_VOX_OFFSET + extension,
			file.length - NiftiHeader.DEFAULT_VOX_OFFSET);
		return out;
	}

	/** A real CT's header (int16, sform only), its dims cut to 3×2×2, over random voxels. */
	private static byte[] realHeaderOverATinyGrid(final Path ct) {
		final byte[] header;
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(ct)))) {
			header = in.readNBytes(NiftiHeader.SIZE);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		final int data = 3 * 2 * 2 * 2;
		final byte[] out = new byte[NiftiHeader.DEFAULT_VOX_OFFSET + data];
		System.arraycopy(header, 0, out, 0, NiftiHeader.SIZE);
		final ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 4; i++) b.putShort(NiftiFiles.DIM + 2 * i, (short) new int[] { 3, 3, 2, 2 }[i]);
		b.putFloat(NiftiFiles.VOX_OFFSET, NiftiHeader.DEFAULT_VOX_OFFSET);
		final byte[] voxels = new byte[data];
		new Random(5).nextBytes(voxels);
		System.arraycopy(voxels, 0, out, NiftiHeader.DEFAULT_VOX_OFFSET, data);
		return out;
	}
}
