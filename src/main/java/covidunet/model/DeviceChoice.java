package covidunet.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the network runs and which default configuration fits there: the first GPU TensorFlow
 * lists if it lists one, else the CPU (docs/training.md, Configuration). Only one device is
 * used; further GPUs are reported as unused.
 *
 * @param device the device to place the graph on; {@link DeviceInfo#name()} is TensorFlow's full
 *          device name
 * @param configuration the default network configuration for that device
 * @param description one line for logs, e.g.
 *          {@code using GPU:0 (NVIDIA A100-SXM4-40GB, 38.5 GiB): reference configuration} or
 *          {@code using CPU (2 cores): small CPU configuration}
 */
public record DeviceChoice(DeviceInfo device, DefaultConfiguration configuration, String description) {

	/**
	 * The default network configuration for a device. The trainer maps {@link #REFERENCE} to
	 * {@code UNetConfig.REFERENCE} and {@link #CPU_SMALL} to {@code UNetConfig.CPU_DEFAULT}
	 * (package {@code covidunet.model.net}), where the numbers are defined and documented.
	 */
	public enum DefaultConfiguration {

		/**
		 * The reference's configuration, for a GPU: levels 5, base 32 filters, batch norm, patch
		 * 160 × 160 × 80, batch 2.
		 */
		REFERENCE("reference configuration"),

		/**
		 * A smaller configuration for a CPU, where one reference epoch would take close to an hour
		 * on two cores.
		 */
		CPU_SMALL("small CPU configuration");

		private final String label;

		DefaultConfiguration(final String label) {
			this.label = label;
		}

		/** Its name for logs, e.g. "reference configuration". */
		public String label() {
			return label;
		}
	}

	/** Chooses from the devices TensorFlow lists, with this machine's facts ({@link HostInfo#read()}). */
	public static DeviceChoice choose(final List<DeviceInfo> devices) {
		return choose(devices, HostInfo.read());
	}

	/**
	 * Chooses from the devices TensorFlow lists ({@link TensorFlowRuntime#devices()}).
	 *
	 * @param devices TensorFlow's devices, in its order
	 * @param host the machine, for the CPU's core count and the GPUs' model names; GPU models are
	 *          named only when the driver's list cannot be matched wrongly to TensorFlow's
	 * @throws IllegalArgumentException if TensorFlow lists neither a GPU nor a CPU
	 */
	public static DeviceChoice choose(final List<DeviceInfo> devices, final HostInfo host) {
		final List<DeviceInfo> gpus = new ArrayList<>();
		DeviceInfo cpu = null;
		for (final DeviceInfo device : devices) {
			if (device.isGpu()) gpus.add(device);
			else if (cpu == null && "CPU".equals(device.type())) cpu = device;
		}
		if (!gpus.isEmpty()) {
			final DeviceInfo gpu = gpus.get(0);
			final List<String> models = host.nvidiaGpus();
			final boolean named = models.size() == gpus.size() && (models.size() == 1 || models.stream()
				.distinct().count() == 1);
			final String unused = gpus.size() == 1 ? "" : "; " + (gpus.size() - 1) + " more GPU" + (gpus.size() > 2 ?
				"s" : "") + " not used";
			final String memory = String.format(Locale.ROOT, "%.1f GiB", gpu.memoryBytes() / (1024.0 * 1024 * 1024));
			return new DeviceChoice(gpu, DefaultConfiguration.REFERENCE, "using " + gpu.shortName() + " (" + (named ?
				models.get(0) + ", " : "") + memory + unused + "): " + DefaultConfiguration.REFERENCE.label());
		}
		if (cpu == null) throw new IllegalArgumentException("TensorFlow lists no CPU and no GPU: " + devices);
		return new DeviceChoice(cpu, DefaultConfiguration.CPU_SMALL, "using CPU (" + host.cores() + " core" + (host
			.cores() == 1 ? "" : "s") + "): " + DefaultConfiguration.CPU_SMALL.label());
	}

	/** Whether the choice is a GPU. */
	public boolean gpu() {
		return device.isGpu();
	}
}
