package covidunet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import covidunet.io.Volume;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.NiftiWriter;
import net.imglib2.type.numeric.integer.ShortType;

/**
 * {@code bench io}: writes a seeded CT-like 512 × 512 × 300 int16 {@code .nii.gz} and reads it
 * back whole several times, printing {@code read_s_median=… mb_per_s=… peak_rss_mb=…} (MB of
 * decoded voxel data per second; peak resident memory of the reads, each after a garbage
 * collection, where Linux lets the peak be reset after writing, else of the whole process).
 */
public final class IoBenchmark {

	/** Reads timed after one untimed warm-up read. */
	public static final int RUNS = 5;

	private static final int NX = 512, NY = 512, NZ = 300;
	private static final long SEED = 20200707L;

	private IoBenchmark() {}

	/**
	 * Runs the benchmark on {@code file} (written first; deleted afterwards unless
	 * {@code keep}) and prints its line to {@code out}.
	 */
	public static void run(final Path file, final boolean keep, final PrintStream out) {
		try {
			writeVolume(file);
			final boolean peakReset = MemoryUsage.resetPeak();
			NiftiReader.read(file);
			final double[] seconds = new double[RUNS];
			for (int i = 0; i < RUNS; i++) {
				System.gc();
				final long start = System.nanoTime();
				NiftiReader.read(file);
				seconds[i] = (System.nanoTime() - start) / 1e9;
			}
			Arrays.sort(seconds);
			final double median = seconds[RUNS / 2];
			final double megabytes = 2.0 * NX * NY * NZ / 1e6;
			out.println(String.format(Locale.ROOT,
				"read_s_median=%.3f mb_per_s=%.1f peak_rss_mb=%d file_mb=%.1f voxels=%dx%dx%d peak_scope=%s",
				median, megabytes / median, MemoryUsage.peakResidentMb(), Files.size(file) / 1e6, NX, NY, NZ,
				peakReset ? "reads" : "process"));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (!keep) deleteQuietly(file);
		}
	}

	private static void writeVolume(final Path file) {
		final Volume<ShortType> volume = CtLikeVolume.create(NX, NY, NZ, SEED);
		NiftiWriter.write(volume, file, NiftiDatatype.INT16, "covid-unet bench io");
	}

	private static void deleteQuietly(final Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (final IOException e) {
			file.toFile().deleteOnExit();
		}
	}
}
