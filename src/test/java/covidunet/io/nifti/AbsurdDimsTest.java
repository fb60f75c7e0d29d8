package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers that declare absurd dimensions are refused before any voxel memory is allocated. The
 * proof: each file is read in a child JVM whose heap ({@value #HEAP}) is far smaller than what
 * the header declares, and the read must end in a clear error, not an OutOfMemoryError.
 */
class AbsurdDimsTest {

	private static final String HEAP = "-Xmx48m";

	@TempDir
	Path dir;

	private static byte[] header(final int datatype, final int bitpix, final int... dim) {
		return NiftiFiles.valid().dim(dim).putShort(NiftiFiles.DATATYPE, datatype).putShort(NiftiFiles.BITPIX, bitpix)
			.bytes(-NiftiFiles.DATA_BYTES);
	}

	private static byte[] withData(final byte[] header, final int dataBytes, final long seed) {
		final byte[] content = new byte[header.length + dataBytes];
		System.arraycopy(header, 0, content, 0, header.length);
		final byte[] data = new byte[dataBytes];
		new Random(seed).nextBytes(data);
		System.arraycopy(data, 0, content, header.length, dataBytes);
		return content;
	}

	/** The lines the child prints for these files, in order. */
	private List<String> readInASmallHeap(final Path... files) throws IOException, InterruptedException {
		return inASmallHeap(List.of(), files);
	}

	/** The lines the child prints for these files, given these options first. */
	private List<String> inASmallHeap(final List<String> options, final Path... files)
		throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), HEAP, "-cp", System.getProperty("java.class.path"), ReadEachFile.class.getName()));
		command.addAll(options);
		for (final Path file : files) command.add(file.toString());
		final Path log = dir.resolve("child.log");
		final Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends in time");
		final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		assertEquals(0, child.exitValue(), String.join("\n", lines));
		assertEquals(files.length, lines.size(), String.join("\n", lines));
		return lines;
	}

	private static void assertBad(final String line, final Path file, final String... parts) {
		assertTrue(line.startsWith("bad " + file + ": "), line);
		for (final String part : parts) assertTrue(line.contains(part), "'" + part + "' in " + line);
	}

	@Test
	void absurdDimsFailBeforeAllocatingInAHeapTooSmallForThem() throws IOException, InterruptedException {
		final Path plain = Files.write(dir.resolve("two-to-the-31.nii"), withData(header(2, 8, 3, 2048, 1024, 1024),
			1000, 1));
		final Path gz = Files.write(dir.resolve("two-to-the-31.nii.gz"), NiftiFiles.gzip(Files.readAllBytes(plain)));
		final Path overflow = Files.write(dir.resolve("overflow.nii"), header(64, 64, 7, 32767, 32767, 32767, 32767,
			32767, 32767, 32767));
		final Path valid = Files.write(dir.resolve("valid.nii"), NiftiFiles.valid().bytes());

		final List<String> lines = readInASmallHeap(plain, gz, overflow, valid);

		assertBad(lines.get(0), plain, "truncated", "declares 2147483648 bytes of voxel data");
		assertBad(lines.get(1), gz, "absurd declared size", "2147483648 bytes of voxel data");
		assertBad(lines.get(2), overflow, "overflows");
		assertEquals("value [7, 6, 5]", lines.get(3));
	}

	/**
	 * A gzip file large enough for DEFLATE's bound to admit a 1 GiB slice, but holding only about
	 * 1 MiB of voxels: streaming it ({@code info}) must not allocate the slice before its data has
	 * arrived; reading it whole is refused at once, as the volume could never fit this heap.
	 */
	@Test
	void aHugeSliceIsNotAllocatedBeforeItsDataArrives() throws IOException, InterruptedException {
		final int held = 1_100_000;
		final Path gz = Files.write(dir.resolve("one-gib-slice.nii.gz"), NiftiFiles.gzip(withData(header(2, 8, 3, 32767,
			32767, 1), held, 2)));
		final Path doubles = Files.write(dir.resolve("eight-gib-slice.nii.gz"), NiftiFiles.gzip(withData(header(64, 64,
			3, 32767, 32767, 1), 8_400_000, 3)));

		final List<String> streamed = inASmallHeap(List.of("--info"), gz, doubles);
		assertBad(streamed.get(0), gz, "truncated", "declares 1073676289 bytes of voxel data, file holds " + held);
		assertBad(streamed.get(1), doubles, "truncated", "file holds 8400000");

		final List<String> read = readInASmallHeap(gz, doubles);
		assertBad(read.get(0), gz, "its 32767x32767x1 voxels (uint8) need 1.0 GiB of memory");
		assertBad(read.get(1), doubles, "(float64) need 8.0 GiB of memory");
	}

	/**
	 * A gzip bomb of real zeros (a 64 MiB volume in a 64 KiB file) in a heap smaller than the
	 * volume: reading it whole fails at once with a clear error, while {@code info}, which
	 * streams, describes it.
	 */
	@Test
	void aVolumeLargerThanTheHeapIsRefusedBeforeReadingWhileInfoStreamsIt() throws IOException,
		InterruptedException
	{
		final byte[] header = header(2, 8, 3, 2048, 2048, 16);
		final Path bomb = Files.write(dir.resolve("zeros.nii.gz"), NiftiFiles.gzip(Arrays.copyOf(header,
			header.length + (64 << 20))));
		assertTrue(Files.size(bomb) < 1 << 20, "a small file");

		final String read = readInASmallHeap(bomb).get(0);
		assertBad(read, bomb, "its 2048x2048x16 voxels (uint8) need 0.1 GiB of memory, more than the", "-Xmx1g");
		assertEquals(List.of("value [2048,2048,16]"), inASmallHeap(List.of("--info"), bomb));
	}
}
