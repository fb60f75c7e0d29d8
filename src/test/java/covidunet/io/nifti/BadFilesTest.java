package covidunet.io.nifti;

import static covidunet.io.nifti.Checks.assertBad;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.io.Volume;

/**
 * Files that are not what they should be: each must fail with a one-line
 * {@link covidunet.BadInputException} naming the file and the problem, before allocating
 * voxel memory the file cannot back.
 */
class BadFilesTest {

	@TempDir
	Path dir;

	@Test
	void theValidBaseFileReads() throws IOException {
		final Path plain = write("valid.nii", NiftiFiles.valid().bytes());
		final Path gz = write("valid.nii.gz", NiftiFiles.gzip(NiftiFiles.valid().bytes()));
		assertArrayEquals(NiftiFiles.DIMS, NiftiReader.read(plain).geometry().dims());
		assertArrayEquals(Checks.values(NiftiReader.read(plain)), Checks.values(NiftiReader.read(gz)));
	}

	@Test
	void emptyFile() throws IOException {
		final Path file = write("empty.nii.gz", new byte[0]);
		assertBad(file, () -> NiftiReader.read(file), "empty file");
		assertBad(file, () -> NiftiReader.readHeader(file), "empty file");
	}

	@Test
	void truncatedGzipStream() throws IOException {
		final byte[] gz = NiftiFiles.gzip(NiftiFiles.valid().bytes());
		final Path file = write("cut.nii.gz", Arrays.copyOf(gz, gz.length / 2));
		assertBad(file, () -> NiftiReader.read(file), "truncated gzip stream");
		final Path noTrailer = write("no-trailer.nii.gz", Arrays.copyOf(gz, gz.length - 4));
		assertBad(noTrailer, () -> NiftiReader.read(noTrailer), "truncated gzip stream");
	}

	@Test
	void corruptGzipData() throws IOException {
		final byte[] gz = NiftiFiles.gzip(NiftiFiles.valid().bytes());
		for (int i = gz.length / 2; i < gz.length / 2 + 8; i++) gz[i] ^= (byte) 0xff;
		final Path file = write("corrupt.nii.gz", gz);
		assertBad(file, () -> NiftiReader.read(file), "corrupt gzip data (");
	}

	@Test
	void notNiftiAtAll() throws IOException {
		final Path file = write("notes.nii", "these are not voxels\n".repeat(30).getBytes(StandardCharsets.US_ASCII));
		assertBad(file, () -> NiftiReader.read(file), "not a NIfTI-1 file", "sizeof_hdr");
	}

	@Test
	void sizeofHdrNot348() throws IOException {
		final Path file = write("size.nii", NiftiFiles.valid().putInt(NiftiFiles.SIZEOF_HDR, 349).bytes());
		assertBad(file, () -> NiftiReader.read(file), "not a NIfTI-1 file", "349");
	}

	@Test
	void headerCutShort() throws IOException {
		final Path file = write("short.nii", Arrays.copyOf(NiftiFiles.valid().bytes(), 200));
		assertBad(file, () -> NiftiReader.readHeader(file), "too short", "200 bytes");
		final Path gz = write("short.nii.gz", NiftiFiles.gzip(Arrays.copyOf(NiftiFiles.valid().bytes(), 100)));
		assertBad(gz, () -> NiftiReader.read(gz), "too short", "100 bytes");
	}

	@Test
	void uncompressedShorterThanDeclared() throws IOException {
		final Path file = write("shorter.nii", NiftiFiles.valid().bytes(-10));
		assertBad(file, () -> NiftiReader.read(file), "truncated", "declares " + NiftiFiles.DATA_BYTES + " bytes",
			"holds " + (NiftiFiles.DATA_BYTES - 10));
	}

	@Test
	void uncompressedLongerThanDeclared() throws IOException {
		final Path file = write("longer.nii", NiftiFiles.valid().bytes(6));
		assertBad(file, () -> NiftiReader.read(file), "holds " + (NiftiFiles.DATA_BYTES + 6) + " bytes",
			"declares " + NiftiFiles.DATA_BYTES, "dims do not match the file's length");
	}

	@Test
	void gzipShorterThanDeclared() throws IOException {
		final Path file = write("shorter.nii.gz", NiftiFiles.gzip(NiftiFiles.valid().bytes(-100)));
		assertBad(file, () -> NiftiReader.read(file), "truncated", "declares " + NiftiFiles.DATA_BYTES,
			"holds " + (NiftiFiles.DATA_BYTES - 100));
		assertBad(file, () -> NiftiReader.readSlices(file, (z, voxels) -> {}), "truncated");
	}

	@Test
	void gzipLongerThanDeclared() throws IOException {
		final Path file = write("longer.nii.gz", NiftiFiles.gzip(NiftiFiles.valid().bytes(2)));
		assertBad(file, () -> NiftiReader.read(file), "holds " + (NiftiFiles.DATA_BYTES + 2), "dims do not match");
	}

	@Test
	void voxelDataCutWithinTheExtension() throws IOException {
		final Path file = write("offset.nii.gz", NiftiFiles.gzip(NiftiFiles.valid().putFloat(NiftiFiles.VOX_OFFSET, 1000)
			.bytes()));
		assertBad(file, () -> NiftiReader.read(file), "truncated");
	}

	@Test
	void dimsWhoseProductOverflows() throws IOException {
		final Path file = write("overflow.nii", NiftiFiles.valid().dim(7, 32767, 32767, 32767, 32767, 32767, 32767,
			32767).bytes());
		assertBad(file, () -> NiftiReader.read(file), "32767x32767x32767", "overflows");
	}

	@Test
	void absurdDimsInATinyGzipFailFast() throws IOException {
		final byte[] header = NiftiFiles.valid().dim(3, 2048, 1024, 1024).putShort(NiftiFiles.DATATYPE, 2)
			.putShort(NiftiFiles.BITPIX, 8).bytes();
		final Path gz = write("absurd.nii.gz", NiftiFiles.gzip(header));
		final Path plain = write("absurd.nii", header);
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			assertBad(gz, () -> NiftiReader.read(gz), "absurd", "2147483648 bytes of voxel data", "gzip file");
			assertBad(gz, () -> NiftiReader.readSlices(gz, (z, voxels) -> {}), "absurd");
			assertBad(plain, () -> NiftiReader.read(plain), "truncated", "declares 2147483648");
		});
	}

	@Test
	void nifti2() throws IOException {
		final Path file = write("two.nii", NiftiFiles.valid().putInt(NiftiFiles.SIZEOF_HDR, 540).bytes());
		assertBad(file, () -> NiftiReader.read(file), "NIfTI-2 files are not supported");
		final Path big = write("two-big-endian.nii", NiftiFiles.valid()
			.putInt(NiftiFiles.SIZEOF_HDR, Integer.reverseBytes(540)).bytes());
		assertBad(big, () -> NiftiReader.readHeader(big), "NIfTI-2");
	}

	@Test
	void analyze() throws IOException {
		final Path file = write("old.img.nii", NiftiFiles.valid().putInt(NiftiFiles.MAGIC, 0).bytes());
		assertBad(file, () -> NiftiReader.read(file), "an Analyze 7.5 file, not NIfTI-1");
	}

	@Test
	void pairHeaderIsNotASingleFile() throws IOException {
		final Path file = write("pair.hdr", NiftiFiles.valid().putByte(NiftiFiles.MAGIC + 1, 'i').bytes());
		assertEquals("ni1", NiftiReader.readHeader(file).magic());
		assertBad(file, () -> NiftiReader.read(file), ".hdr/.img pair", "ni1");
	}

	@Test
	void unsupportedDatatypes() throws IOException {
		final Path rgb = write("rgb.nii", NiftiFiles.valid().putShort(NiftiFiles.DATATYPE, 128).bytes());
		assertBad(rgb, () -> NiftiReader.read(rgb), "is RGB24 (datatype 128); a grey-level volume is needed");
		final Path complex = write("complex.nii.gz", NiftiFiles.gzip(NiftiFiles.valid().putShort(NiftiFiles.DATATYPE, 32)
			.bytes()));
		assertBad(complex, () -> NiftiReader.readHeader(complex), "complex64 (datatype 32)");
		final Path unknown = write("unknown.nii", NiftiFiles.valid().putShort(NiftiFiles.DATATYPE, 0).bytes());
		assertBad(unknown, () -> NiftiReader.read(unknown), "datatype is 0");
		final Path binary = write("binary.nii", NiftiFiles.valid().putShort(NiftiFiles.DATATYPE, 1).bytes());
		assertBad(binary, () -> NiftiReader.read(binary), "binary (datatype 1)", "supported are uint8");
	}

	@Test
	void folderMissingFile() throws IOException {
		final Path folder = Files.createDirectory(dir.resolve("case.nii.gz"));
		assertBad(folder, () -> NiftiReader.read(folder), "is a folder, not a file");
		final Path missing = dir.resolve("missing.nii.gz");
		assertBad(missing, () -> NiftiReader.read(missing), "cannot read", "no such file");
		final Path relative = Path.of("no-such-folder", "missing.nii");
		assertBad(relative, () -> NiftiReader.readHeader(relative), "cannot read");
	}

	@Test
	void severalTimePointsOrDimensions() throws IOException {
		final Path series = write("series.nii", NiftiFiles.valid().dim(4, 7, 6, 5, 3).bytes());
		assertBad(series, () -> NiftiReader.read(series), "3 time points", "7x6x5x3", "a single 3-D volume is needed");
		final Path fiveD = write("five.nii", NiftiFiles.valid().dim(5, 7, 6, 5, 1, 2).bytes());
		assertBad(fiveD, () -> NiftiReader.read(fiveD), "5-D", "7x6x5x1x2");
	}

	@Test
	void oneTimePointIsAVolume() throws IOException {
		final Path file = write("one.nii", NiftiFiles.valid().dim(4, 7, 6, 5, 1).bytes());
		assertArrayEquals(NiftiFiles.DIMS, NiftiReader.read(file).geometry().dims());
		final Path padded = write("padded.nii", NiftiFiles.valid().dim(6, 7, 6, 5, 1, 1, 1).bytes());
		assertArrayEquals(NiftiFiles.DIMS, NiftiReader.read(padded).geometry().dims());
	}

	@Test
	void impossibleDims() throws IOException {
		final Path zero = write("zero.nii", NiftiFiles.valid().dim(3, 7, 0, 5).bytes());
		assertBad(zero, () -> NiftiReader.read(zero), "dimension 2 has size 0");
		final Path none = write("none.nii", NiftiFiles.valid().dim(0).bytes());
		assertBad(none, () -> NiftiReader.read(none), "dim[0] is 0");
		final Path eight = write("eight.nii", NiftiFiles.valid().dim(8).bytes());
		assertBad(eight, () -> NiftiReader.read(eight), "dim[0] is 8");
	}

	@Test
	void badSpacing() throws IOException {
		final Path nan = write("nan.nii", NiftiFiles.valid().putFloat(NiftiFiles.PIXDIM + 4, Float.NaN).bytes());
		assertBad(nan, () -> NiftiReader.read(nan), "spacing along x is NaN");
		final Path zero = write("zero.nii.gz", NiftiFiles.gzip(NiftiFiles.valid().putFloat(NiftiFiles.PIXDIM + 8, 0)
			.bytes()));
		assertBad(zero, () -> NiftiReader.readHeader(zero), "spacing along y is 0.0");
		final Path infinite = write("inf.nii", NiftiFiles.valid().putFloat(NiftiFiles.PIXDIM + 12,
			Float.POSITIVE_INFINITY).bytes());
		assertBad(infinite, () -> NiftiReader.read(infinite), "spacing along z is Infinity");
	}

	@Test
	void negativeSpacingIsReadAsItsSizeAsNibabelAndNifti1IoDo() throws IOException {
		final Path file = write("negative.nii", NiftiFiles.valid().putFloat(NiftiFiles.PIXDIM + 4, -1.5f)
			.putShort(NiftiFiles.QFORM_CODE, 1).bytes());
		final Volume<?> volume = NiftiReader.read(file);
		assertArrayEquals(new double[] { 1.5, 1, 2 }, volume.geometry().spacing());
		assertEquals(1.5, volume.geometry().affine().get(0, 0), 1e-12);
	}

	@Test
	void badVoxOffset() throws IOException {
		final Path inside = write("inside.nii", NiftiFiles.valid().putFloat(NiftiFiles.VOX_OFFSET, 100).bytes());
		assertBad(inside, () -> NiftiReader.read(inside), "vox_offset is 100.0", "header");
		final Path nan = write("nan-offset.nii", NiftiFiles.valid().putFloat(NiftiFiles.VOX_OFFSET, Float.NaN).bytes());
		assertBad(nan, () -> NiftiReader.read(nan), "vox_offset is NaN");
	}

	@Test
	void nonFiniteTransformsInUse() throws IOException {
		final Path sform = write("sform.nii", NiftiFiles.valid().putShort(NiftiFiles.SFORM_CODE, 1)
			.putFloat(NiftiFiles.SROW_X, Float.NaN).bytes());
		assertBad(sform, () -> NiftiReader.read(sform), "sform (sform_code 1)", "non-finite");
		final Path qform = write("qform.nii", NiftiFiles.valid().putShort(NiftiFiles.QFORM_CODE, 2)
			.putFloat(NiftiFiles.QUATERN_B, Float.POSITIVE_INFINITY).bytes());
		assertBad(qform, () -> NiftiReader.read(qform), "qform (qform_code 2)", "non-finite");
		final Path unused = write("unused.nii", NiftiFiles.valid().putFloat(NiftiFiles.SROW_X, Float.NaN).bytes());
		assertEquals(0, NiftiReader.read(unused).geometry().sformCode(), "a NaN sform with code 0 is simply unused");
	}

	@Test
	void nonFiniteIntercept() throws IOException {
		final Path file = write("inter.nii", NiftiFiles.valid().putFloat(NiftiFiles.SCL_SLOPE, 2)
			.putFloat(NiftiFiles.SCL_INTER, Float.NaN).bytes());
		assertBad(file, () -> NiftiReader.read(file), "scl_inter is NaN");
	}

	private Path write(final String name, final byte[] content) throws IOException {
		return Files.write(dir.resolve(name), content);
	}
}
