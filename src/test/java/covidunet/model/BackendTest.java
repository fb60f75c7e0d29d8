package covidunet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The report from simulated machines: no TensorFlow needed. */
class BackendTest {

	private static final long GIB = 1L << 30;
	private static final DeviceInfo CPU =
		new DeviceInfo("/job:localhost/replica:0/task:0/device:CPU:0", "CPU", 268435456);
	private static final DeviceInfo GPU =
		new DeviceInfo("/job:localhost/replica:0/task:0/device:GPU:0", "GPU", 38 * GIB + GIB / 2);

	private static HostInfo host(final String... gpus) {
		return new HostInfo("Intel(R) Xeon(R) Gold 6226R", 16, 64 * GIB, List.of(gpus),
			gpus.length == 0 ? null : "550.54.15");
	}

	@Test
	void gpuInUse() {
		assertEquals("GPU: GPU:0 (NVIDIA A100-SXM4-40GB, 38.5 GiB for TensorFlow)",
			Backend.backend(List.of(CPU, GPU), host("NVIDIA A100-SXM4-40GB")));
		assertEquals("CPU:0, GPU:0 (38.5 GiB)", Backend.devices(List.of(CPU, GPU)));
	}

	@Test
	void gpuModelsAreNotGuessed() {
		assertEquals("GPU: GPU:0 (38.5 GiB for TensorFlow)",
			Backend.backend(List.of(CPU, GPU), host("NVIDIA A100-SXM4-40GB", "NVIDIA T4")));
		final DeviceInfo gpu1 = new DeviceInfo("/job:localhost/replica:0/task:0/device:GPU:1", "GPU", GIB);
		assertEquals("GPU: GPU:0 (38.5 GiB for TensorFlow), GPU:1 (1.0 GiB for TensorFlow)",
			Backend.backend(List.of(CPU, GPU, gpu1), host("NVIDIA A100-SXM4-40GB", "NVIDIA T4")));
	}

	@Test
	void identicalGpusAreNamed() {
		final DeviceInfo gpu1 = new DeviceInfo("/job:localhost/replica:0/task:0/device:GPU:1", "GPU", 15 * GIB);
		assertEquals("GPU: GPU:0 (NVIDIA T4, 38.5 GiB for TensorFlow), GPU:1 (NVIDIA T4, 15.0 GiB for TensorFlow)",
			Backend.backend(List.of(CPU, GPU, gpu1), host("NVIDIA T4", "NVIDIA T4")));
	}

	@Test
	void cpuOnly() {
		assertEquals("CPU (Intel(R) Xeon(R) Gold 6226R, 16 cores)", Backend.backend(List.of(CPU), host()));
		assertEquals("CPU:0", Backend.devices(List.of(CPU)));
	}

	@Test
	void unusedGpuIsSaidPlainly() {
		final String line = Backend.backend(List.of(CPU), host("NVIDIA T4"));
		assertTrue(line.startsWith("CPU (Intel(R) Xeon(R) Gold 6226R, 16 cores); the NVIDIA GPU is not used"), line);
	}

	@Test
	void oneDnnAndThreadsFromTheEnvironment() {
		assertEquals("on (default)", Backend.oneDnn(Map.of()));
		assertTrue(Backend.oneDnn(Map.of("TF_ENABLE_ONEDNN_OPTS", "0")).startsWith("off "));
		assertEquals("TensorFlow's defaults (intra-op and inter-op 0: sized by TensorFlow from the 16 " +
			"available cores)", Backend.threads(Map.of(), 16));
		assertEquals("intra-op 4 (TF_NUM_INTRAOP_THREADS), inter-op TensorFlow's default, OpenMP 4 " +
			"(OMP_NUM_THREADS)", Backend.threads(Map.of("TF_NUM_INTRAOP_THREADS", "4", "OMP_NUM_THREADS", "4"), 16));
	}

	@Test
	void reportLines() {
		final BackendReport report = Backend.report("2.18.0", "1.1.0", Path.of("/cache/natives"),
			List.of(CPU, GPU), host("NVIDIA A100-SXM4-40GB"), Map.of(), Optional.empty(), "/tmp/cache (0 preprocessed cases)");
		final List<String> keys = new ArrayList<>();
		report.lines().forEach(line -> keys.add(line.key()));
		assertEquals(List.of("backend", "tensorflow", "natives", "devices", "cpu", "gpu", "memory", "onednn",
			"threads", "training", "cache", "java", "tensorflow 1.x"), keys);
		assertEquals("2.18.0 (TensorFlow Java 1.1.0)", report.value("tensorflow").orElseThrow());
		assertEquals("NVIDIA A100-SXM4-40GB (NVIDIA driver 550.54.15)", report.value("gpu").orElseThrow());
		assertEquals("/tmp/cache (0 preprocessed cases)", report.value("cache").orElseThrow());
		assertTrue(report.toText().startsWith("backend: GPU: GPU:0 (NVIDIA A100-SXM4-40GB, 38.5 GiB for " +
			"TensorFlow)\ntensorflow: 2.18.0"), report.toText());
	}

	@Test
	void shortNames() {
		assertEquals("GPU:0", GPU.shortName());
		assertEquals("odd", new DeviceInfo("odd", "CPU", 0).shortName());
	}

	@Test
	void trainingIsRefusedOnWindowsInOneLine() {
		assertEquals("available", Backend.training("Linux"));
		assertEquals("available", Backend.training("Mac OS X"));
		final String windows = Backend.training("Windows 11");
		assertTrue(windows.startsWith("not on Windows"), windows);
		assertFalse(windows.contains("\n"), windows);
	}
}
