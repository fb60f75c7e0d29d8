package covidunet.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bytedeco.javacpp.Loader;

import covidunet.EnvironmentException;

/**
 * The self-check of the compute backend: which TensorFlow is loaded and from where, which devices
 * it really uses, the CPU and GPUs of the machine, oneDNN, threads, Java, and an old TensorFlow
 * 1.x on the class path. {@link #check()} is what the "Check Backend" command shows.
 */
public final class Backend {

	private static final double GIB = 1024.0 * 1024 * 1024;

	private Backend() {}

	/**
	 * Checks this JVM's backend.
	 *
	 * @param cache the preprocessing cache's folder and what it holds, for the {@code cache} line
	 * @throws EnvironmentException if TensorFlow cannot be loaded, or an old TensorFlow 1.x comes
	 *           first on the class path
	 */
	public static BackendReport check(final String cache) {
		final Optional<TensorFlowClash> clash = TensorFlowClash.detect(Backend.class.getClassLoader());
		if (clash.isPresent() && clash.get().shadows()) {
			throw new EnvironmentException(clash.get().message());
		}
		final String version;
		final List<DeviceInfo> devices;
		final Path natives;
		try {
			version = TensorFlowRuntime.version();
			natives = TensorFlowRuntime.nativesFolder();
			devices = TensorFlowRuntime.devices();
		}
		catch (final LinkageError exc) {
			throw new EnvironmentException("TensorFlow cannot be loaded: " + exc +
				clash.map(c -> "; " + c.message()).orElse(" (is tensorflow-core-native for " +
					Loader.getPlatform() + " on the class path?)"), exc);
		}
		return report(version, TensorFlowRuntime.javaApiVersion(), natives, devices, HostInfo.read(),
			System.getenv(), clash, cache);
	}

	/** The report of what was found; the facts are given so that other machines can be simulated. */
	static BackendReport report(final String version, final String api, final Path natives,
		final List<DeviceInfo> devices, final HostInfo host, final Map<String, String> env,
		final Optional<TensorFlowClash> clash, final String cache)
	{
		final List<BackendReport.Line> lines = new ArrayList<>();
		lines.add(line("backend", backend(devices, host)));
		lines.add(line("tensorflow", version + (api == null ? "" : " (TensorFlow Java " + api + ")")));
		lines.add(line("natives", natives == null ? "loaded" : "loaded from " + natives));
		lines.add(line("devices", devices(devices)));
		lines.add(line("cpu", (host.cpuModel() == null ? "unknown model" : host.cpuModel()) + ", " +
			host.cores() + " cores available"));
		lines.add(line("gpu", gpus(host)));
		lines.add(line("memory", (host.memoryBytes() < 0 ? "physical unknown" :
			gib(host.memoryBytes()) + " physical") + ", Java heap at most " +
			gib(Runtime.getRuntime().maxMemory()) + " (TensorFlow allocates outside the heap)"));
		lines.add(line("onednn", oneDnn(env)));
		lines.add(line("threads", threads(env, host.cores())));
		lines.add(line("training", training(System.getProperty("os.name"))));
		lines.add(line("cache", cache));
		lines.add(line("java", System.getProperty("java.version") + " (" +
			System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " " +
			System.getProperty("os.arch")));
		lines.add(line("tensorflow 1.x", clash.map(TensorFlowClash::message)
			.orElse("none on the class path")));
		return new BackendReport(lines);
	}

	/** The one-line summary: what runs the network. */
	static String backend(final List<DeviceInfo> devices, final HostInfo host) {
		final List<DeviceInfo> gpuDevices = new ArrayList<>();
		for (final DeviceInfo device : devices) {
			if (device.isGpu()) gpuDevices.add(device);
		}
		// The driver lists GPUs by PCI bus, CUDA by its own order: name them only when unambiguous.
		final boolean named = gpuDevices.size() == host.nvidiaGpus().size() &&
			(gpuDevices.size() == 1 || Set.copyOf(host.nvidiaGpus()).size() == 1);
		final List<String> gpus = new ArrayList<>();
		for (int i = 0; i < gpuDevices.size(); i++) {
			final DeviceInfo gpu = gpuDevices.get(i);
			gpus.add(gpu.shortName() + " (" + (named ? host.nvidiaGpus().get(i) + ", " : "") +
				gib(gpu.memoryBytes()) + " for TensorFlow)");
		}
		if (!gpus.isEmpty()) return "GPU: " + String.join(", ", gpus);
		final String cpu = "CPU (" + (host.cpuModel() == null ? "" : host.cpuModel() + ", ") +
			host.cores() + " cores)";
		if (host.nvidiaGpus().isEmpty()) return cpu;
		return cpu + "; the NVIDIA GPU is not used: it needs the GPU natives (build with -Pgpu) " +
			"and the CUDA 12 and cuDNN 9 libraries";
	}

	/** Whether this system can train, or why not (inference works everywhere TF loads). */
	static String training(final String osName) {
		if (osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
			return "not on Windows: TF Java's custom gradients, which training needs, do not work there " +
				"(segmentation works; train on Linux or macOS)";
		}
		return "available";
	}

	/** The devices by short name, with the memory of GPUs. */
	static String devices(final List<DeviceInfo> devices) {
		final List<String> names = new ArrayList<>();
		for (final DeviceInfo device : devices) {
			names.add(device.isGpu() ? device.shortName() + " (" + gib(device.memoryBytes()) + ")" :
				device.shortName());
		}
		return names.isEmpty() ? "none" : String.join(", ", names);
	}

	private static String gpus(final HostInfo host) {
		if (host.nvidiaGpus().isEmpty()) {
			return host.nvidiaDriver() == null ? "none (no NVIDIA driver)" : "none (NVIDIA driver " +
				host.nvidiaDriver() + ")";
		}
		return String.join(", ", host.nvidiaGpus()) + " (NVIDIA driver " + host.nvidiaDriver() + ")";
	}

	/** Whether oneDNN is on, from {@code TF_ENABLE_ONEDNN_OPTS}. */
	static String oneDnn(final Map<String, String> env) {
		final String value = env.get("TF_ENABLE_ONEDNN_OPTS");
		if (value == null) return "on (default)";
		if (value.equals("0") || value.equalsIgnoreCase("false")) {
			return "off (TF_ENABLE_ONEDNN_OPTS=" + value + "; training is several times slower)";
		}
		return "on (TF_ENABLE_ONEDNN_OPTS=" + value + ")";
	}

	/** TensorFlow's thread pools: its defaults, or what the environment sets. */
	static String threads(final Map<String, String> env, final int cores) {
		final String intra = env.get("TF_NUM_INTRAOP_THREADS");
		final String inter = env.get("TF_NUM_INTEROP_THREADS");
		final String omp = env.get("OMP_NUM_THREADS");
		final String pools = intra == null && inter == null ?
			"TensorFlow's defaults (intra-op and inter-op 0: sized by TensorFlow from the " + cores +
				" available cores)" :
			"intra-op " + pool(intra, "TF_NUM_INTRAOP_THREADS") + ", inter-op " +
				pool(inter, "TF_NUM_INTEROP_THREADS");
		return omp == null ? pools : pools + ", OpenMP " + omp + " (OMP_NUM_THREADS)";
	}

	private static String pool(final String value, final String variable) {
		return value == null ? "TensorFlow's default" : value + " (" + variable + ")";
	}

	private static String gib(final long bytes) {
		return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
	}

	private static BackendReport.Line line(final String key, final String value) {
		return new BackendReport.Line(key, value);
	}
}
