package covidunet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory of this process (heap and native together), as Linux reports it. */
public final class MemoryUsage {

	private static final Path STATUS = Path.of("/proc/self/status");
	private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

	private MemoryUsage() {}

	/** The peak resident set size in MB ({@code VmHWM}), or -1 where it is not reported. */
	public static long peakResidentMb() {
		try {
			for (final String line : Files.readAllLines(STATUS)) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (final IOException | NumberFormatException e) {
			return -1;
		}
		return -1;
	}

	/**
	 * Collects garbage and resets the peak to the current resident size, so that a later
	 * {@link #peakResidentMb()} covers only what follows.
	 *
	 * @return whether the kernel accepted the reset
	 */
	public static boolean resetPeak() {
		System.gc();
		try {
			Files.writeString(CLEAR_REFS, "5");
			return true;
		}
		catch (final IOException | SecurityException e) {
			return false;
		}
	}
}
