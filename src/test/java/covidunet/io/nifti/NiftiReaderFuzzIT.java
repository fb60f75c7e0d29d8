package covidunet.io.nifti;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

import covidunet.io.FileTrees;
import covidunet.io.Sha256;

/**
 * Fuzzes the NIfTI-1 reader with Jazzer: every input, turned into a file by
 * {@link FuzzInputs#fileContent}, must end in a value or a clear error through every way of
 * reading it ({@link ReaderOracle}) within {@link #PER_INPUT} — never a hang, an
 * {@link OutOfMemoryError} or an unexpected exception.
 * <p>
 * {@code mvn verify} fuzzes it for a bounded time (failsafe sets {@code JAZZER_FUZZ=1} for it;
 * {@code -Djazzer.max_duration=10m} fuzzes longer). Without {@code JAZZER_FUZZ} it replays the
 * seeds and the inputs kept in {@code NiftiReaderFuzzITInputs/} as regression tests. An input
 * that fails is saved to {@code target/fuzz-failures/} before the failure is reported.
 * </p>
 */
class NiftiReaderFuzzIT {

	/** The longest one input may take through all readings. */
	static final Duration PER_INPUT = Duration.ofSeconds(10);

	private static final Path FAILURES = Path.of("target", "fuzz-failures");

	private static ExecutorService worker = Executors.newSingleThreadExecutor(FuzzWorker::new);

	@TempDir
	static Path dir;

	/** The valid seed files as fuzz inputs. */
	static List<byte[]> seeds() throws IOException {
		final Path scratch = Files.createTempDirectory("nifti-fuzz-seeds");
		try {
			return FuzzInputs.seeds(scratch, Checks.realDataFolder());
		}
		finally {
			FileTrees.delete(scratch);
		}
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "60s")
	void everyInputEndsInAValueOrAClearError(final byte[] input) throws Throwable {
		final Path file = Files.write(dir.resolve("input.nii"), FuzzInputs.fileContent(input));
		final Future<String> outcome = worker.submit(() -> ReaderOracle.check(file));
		try {
			outcome.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (final ExecutionException e) {
			save(input);
			throw e.getCause();
		}
		catch (final TimeoutException e) {
			save(input);
			worker.shutdownNow();
			worker = Executors.newSingleThreadExecutor(FuzzWorker::new);
			throw new AssertionError("no outcome within " + PER_INPUT.toSeconds() + " s: the reader hangs", e);
		}
	}

	@AfterAll
	static void stopWorker() {
		worker.shutdownNow();
	}

	private static void save(final byte[] input) throws IOException {
		Files.createDirectories(FAILURES);
		final String name = Sha256.hex(Sha256.newDigest().digest(input)).substring(0, 16);
		Files.write(FAILURES.resolve(name + ".input"), input);
		Files.write(FAILURES.resolve(name + ".nii"), FuzzInputs.fileContent(input));
		System.err.println("fuzz failure saved: " + FAILURES.resolve(name + ".input") + " (the input) and " +
			FAILURES.resolve(name + ".nii") + " (the file it stands for)");
	}

	/** The reading thread: a daemon, so that a hung read cannot keep the JVM alive. */
	private static final class FuzzWorker extends Thread {

		FuzzWorker(final Runnable task) {
			super(task, "nifti-fuzz-worker");
			setDaemon(true);
		}
	}
}
