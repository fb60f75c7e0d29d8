package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import covidunet.io.FileTrees;

/**
 * Every {@link HeaderMutants mutant} of every fuzz seed, plain and gzipped, read every way
 * ({@link ReaderOracle}): each ends in a value or a clear error, and all of a seed's within a
 * minute (a hang names the mutant it hung on). The mutants are fixed, so a failure names one
 * that can be rebuilt exactly.
 */
class HeaderMutantsTest {

	@TempDir
	Path dir;

	static Stream<Arguments> seeds() throws IOException {
		final Path scratch = Files.createTempDirectory("nifti-mutant-seeds");
		try {
			final List<byte[]> seeds = FuzzInputs.seeds(scratch, Checks.realDataFolder());
			return IntStream.range(0, seeds.size()).mapToObj(i -> Arguments.of(i, seeds.get(i)));
		}
		finally {
			FileTrees.delete(scratch);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyMutantEndsInAValueOrAClearError(final int index, final byte[] seed) throws IOException {
		final List<HeaderMutants.Mutant> mutants = HeaderMutants.of(plain(FuzzInputs.fileContent(seed)), index);
		final AtomicReference<String> current = new AtomicReference<>("none yet");
		final int values = assertTimeoutPreemptively(NiftiReaderFuzzIT.PER_INPUT.multipliedBy(6), () -> {
			int read = 0;
			for (final HeaderMutants.Mutant mutant : mutants) {
				for (final boolean gzip : new boolean[] { false, true }) {
					current.set("seed " + index + ", " + mutant.name() + (gzip ? ", gzipped" : ""));
					final Path file = Files.write(dir.resolve("mutant.nii"), gzip ? NiftiFiles.gzip(mutant.content()) :
						mutant.content());
					if (check(file, current.get()).equals("value")) read++;
				}
			}
			return read;
		}, () -> "no outcome in time, at " + current.get());
		assertTrue(values > 0, "some mutants still read as volumes");
	}

	private static String check(final Path file, final String name) {
		try {
			return ReaderOracle.check(file);
		}
		catch (final Throwable e) {
			throw new AssertionError(name + ": " + e, e);
		}
	}

	/** The file's bytes, gunzipped if they are gzip. */
	private static byte[] plain(final byte[] content) throws IOException {
		if (content.length < 2 || content[0] != (byte) 0x1f || content[1] != (byte) 0x8b) return content;
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
			return in.readAllBytes();
		}
	}
}
