package covidunet.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

import covidunet.dataset.TestDatasets;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiFiles;
import covidunet.io.nifti.NiftiHeader;

/**
 * Spoils good {@code .nii.gz} files in place, one way each: the gzip stream cut or garbled, the
 * content emptied, a header field changed, the voxels replaced.
 */
final class BadFiles {

	/** The dims of the files spoiled: those of {@link TestDatasets}. */
	private static final int[] DIMS = { (int) TestDatasets.DIMS[0], (int) TestDatasets.DIMS[1],
		(int) TestDatasets.DIMS[2] };

	private BadFiles() {}

	/** Cuts the file to half its length: a gzip stream without its end. */
	static void truncate(final Path file) throws IOException {
		final byte[] bytes = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
	}

	/** Inverts 8 bytes in the middle of the compressed stream. */
	static void corrupt(final Path file) throws IOException {
		final byte[] bytes = Files.readAllBytes(file);
		for (int i = bytes.length / 2; i < bytes.length / 2 + 8; i++) bytes[i] ^= (byte) 0xff;
		Files.write(file, bytes);
	}

	/** Makes the file zero bytes long. */
	static void empty(final Path file) throws IOException {
		Files.write(file, new byte[0]);
	}

	/** Rewrites the file with its uncompressed content changed (header fields, see {@link NiftiFiles}). */
	static void patch(final Path file, final UnaryOperator<NiftiFiles> change) throws IOException {
		final byte[] content;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			content = in.readAllBytes();
		}
		Files.write(file, NiftiFiles.gzip(change.apply(NiftiFiles.of(content)).bytes()));
	}

	/**
	 * Rewrites the image as float32 with the same geometry and one voxel, in the middle,
	 * {@code special} (NaN, an infinity).
	 */
	static void floatWith(final Path image, final float special) throws IOException {
		final int voxels = DIMS[0] * DIMS[1] * DIMS[2];
		final ByteBuffer data = ByteBuffer.allocate(4 * voxels).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < voxels; i++) data.putFloat(4 * i, i == voxels / 2 ? special : -1000 + i * 37 % 1400);
		Files.write(image, NiftiFiles.gzip(NiftiFiles.of(TestDatasets.geometry(TestDatasets.DIMS, TestDatasets.AFFINE),
			NiftiDatatype.FLOAT32, data.array()).bytes()));
	}

	/** Sets the voxel {@code index} (in file order) of a uint8 file to {@code value}. */
	static void setByte(final Path file, final int index, final int value) throws IOException {
		patch(file, f -> f.putByte(NiftiHeader.DEFAULT_VOX_OFFSET + index, value));
	}

	/** Declares the volume 2048 × 1024 × 1024 uint8 (2^31 voxels) and drops its voxels. */
	static void absurdDims(final Path file) throws IOException {
		patch(file, f -> NiftiFiles.of(Arrays.copyOf(f.dim(3, 2048, 1024, 1024).putShort(NiftiFiles.DATATYPE, 2)
			.putShort(NiftiFiles.BITPIX, 8).bytes(), NiftiHeader.DEFAULT_VOX_OFFSET)));
	}

	/** Makes the volume a 4-D series of 3 copies of itself. */
	static void threeTimePoints(final Path file) throws IOException {
		patch(file, f -> {
			final byte[] one = f.bytes();
			final int data = one.length - NiftiHeader.DEFAULT_VOX_OFFSET;
			final byte[] three = Arrays.copyOf(one, one.length + 2 * data);
			for (int t = 1; t < 3; t++) {
				System.arraycopy(one, NiftiHeader.DEFAULT_VOX_OFFSET, three, one.length + (t - 1) * data, data);
			}
			return NiftiFiles.of(three).dim(4, DIMS[0], DIMS[1], DIMS[2], 3);
		});
	}

	/** Keeps the first {@code n} slices of the volume (one: a 2-D image). */
	static void slices(final Path file, final int n) throws IOException {
		patch(file, f -> {
			final byte[] all = f.bytes();
			final int slice = (all.length - NiftiHeader.DEFAULT_VOX_OFFSET) / DIMS[2];
			return NiftiFiles.of(Arrays.copyOf(all, NiftiHeader.DEFAULT_VOX_OFFSET + n * slice)).dim(3, DIMS[0], DIMS[1], n);
		});
	}

	/** Moves the volume 10 mm along x in both its transforms. */
	static void shift(final Path file) throws IOException {
		final float x = (float) TestDatasets.AFFINE.get(0, 3) + 10;
		patch(file, f -> f.putFloat(NiftiFiles.SROW_X + 12, x).putFloat(NiftiFiles.QOFFSET_X, x));
	}

	/** Declares the int16 volume RGB24 (3 bytes a voxel) and gives it that many bytes. */
	static void rgb(final Path file) throws IOException {
		patch(file, f -> {
			final byte[] int16 = f.bytes();
			final int data = int16.length - NiftiHeader.DEFAULT_VOX_OFFSET;
			return NiftiFiles.of(Arrays.copyOf(int16, NiftiHeader.DEFAULT_VOX_OFFSET + data / 2 * 3)).putShort(
				NiftiFiles.DATATYPE, 128).putShort(NiftiFiles.BITPIX, 24);
		});
	}
}
