package covidunet.model;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the machine has, read from Linux's {@code /proc} (elsewhere the values are unknown): the
 * CPU model, the physical memory and NVIDIA GPUs with their driver version. Only for reporting:
 * which devices TensorFlow really uses comes from TensorFlow.
 */
public final class HostInfo {

	private final String cpuModel;
	private final int cores;
	private final long memoryBytes;
	private final List<String> nvidiaGpus;
	private final String nvidiaDriver;

	/**
	 * @param cpuModel the CPU model, or {@code null} if unknown
	 * @param cores the processors available to the JVM
	 * @param memoryBytes the physical memory, or -1 if unknown
	 * @param nvidiaGpus the NVIDIA GPU models, in the driver's (PCI bus) order
	 * @param nvidiaDriver the NVIDIA driver version, or {@code null} if there is no driver
	 */
	public HostInfo(final String cpuModel, final int cores, final long memoryBytes,
		final List<String> nvidiaGpus, final String nvidiaDriver)
	{
		this.cpuModel = cpuModel;
		this.cores = cores;
		this.memoryBytes = memoryBytes;
		this.nvidiaGpus = Collections.unmodifiableList(new ArrayList<>(nvidiaGpus));
		this.nvidiaDriver = nvidiaDriver;
	}

	/** This machine, as far as {@code /proc} tells. */
	public static HostInfo read() {
		final Path proc = Path.of("/proc");
		final List<String> gpus = new ArrayList<>();
		final Path gpuDir = proc.resolve("driver/nvidia/gpus");
		if (Files.isDirectory(gpuDir)) {
			try (DirectoryStream<Path> dirs = Files.newDirectoryStream(gpuDir)) {
				final List<Path> sorted = new ArrayList<>();
				dirs.forEach(sorted::add);
				Collections.sort(sorted);
				for (final Path dir : sorted) {
					final String model = field(text(dir.resolve("information")), "Model");
					if (model != null) gpus.add(model);
				}
			}
			catch (final IOException exc) {
				gpus.clear();
			}
		}
		return new HostInfo(field(text(proc.resolve("cpuinfo")), "model name"),
			Runtime.getRuntime().availableProcessors(), memTotal(text(proc.resolve("meminfo"))), gpus,
			driverVersion(text(proc.resolve("driver/nvidia/version"))));
	}

	/** The CPU model, or {@code null} if unknown. */
	public String cpuModel() {
		return cpuModel;
	}

	/** The processors available to the JVM. */
	public int cores() {
		return cores;
	}

	/** The physical memory in bytes, or -1 if unknown. */
	public long memoryBytes() {
		return memoryBytes;
	}

	/** The NVIDIA GPU models, empty if there are none or no driver. */
	public List<String> nvidiaGpus() {
		return nvidiaGpus;
	}

	/** The NVIDIA driver version, or {@code null} if there is no driver. */
	public String nvidiaDriver() {
		return nvidiaDriver;
	}

	/**
	 * The value of the first {@code key: value} line with this key (as in {@code /proc/cpuinfo}
	 * and the NVIDIA driver's {@code information} files), or {@code null}.
	 */
	static String field(final String text, final String key) {
		if (text == null) return null;
		for (final String line : text.split("\n")) {
			final int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
				final String value = line.substring(colon + 1).strip();
				return value.isEmpty() ? null : value;
			}
		}
		return null;
	}

	/** {@code MemTotal} of {@code /proc/meminfo} in bytes, or -1. */
	static long memTotal(final String meminfo) {
		final String value = field(meminfo, "MemTotal");
		if (value == null || !value.endsWith(" kB")) return -1;
		try {
			return Long.parseLong(value.substring(0, value.length() - 3).strip()) * 1024;
		}
		catch (final NumberFormatException exc) {
			return -1;
		}
	}

	/** The version in {@code /proc/driver/nvidia/version}'s "NVRM version" line, or {@code null}. */
	static String driverVersion(final String versionText) {
		if (versionText == null) return null;
		for (final String line : versionText.split("\n")) {
			if (!line.startsWith("NVRM version:")) continue;
			for (final String word : line.split("\\s+")) {
				if (word.matches("\\d+\\.\\d+(\\.\\d+)*")) return word;
			}
		}
		return null;
	}

	private static String text(final Path file) {
		try {
			return Files.readString(file);
		}
		catch (final IOException | RuntimeException exc) {
			return null;
		}
	}
}
