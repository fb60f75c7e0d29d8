package covidunet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import covidunet.model.DeviceChoice.DefaultConfiguration;

/** The device and default configuration for simulated device lists (no GPU here). */
class DeviceChoiceTest {

	private static final long GIB = 1024L * 1024 * 1024;
	private static final DeviceInfo CPU = new DeviceInfo("/job:localhost/replica:0/task:0/device:CPU:0", "CPU",
		268435456);
	private static final DeviceInfo GPU0 = new DeviceInfo("/job:localhost/replica:0/task:0/device:GPU:0", "GPU",
		38 * GIB + GIB / 2);
	private static final DeviceInfo GPU1 = new DeviceInfo("/job:localhost/replica:0/task:0/device:GPU:1", "GPU",
		15 * GIB);

	private static HostInfo host(final int cores, final String... gpus) {
		return new HostInfo("Intel(R) Xeon(R) Gold 6226R", cores, 64 * GIB, List.of(gpus), gpus.length == 0 ? null :
			"550.54.15");
	}

	@Test
	void cpuOnly() {
		final DeviceChoice choice = DeviceChoice.choose(List.of(CPU), host(2));
		assertFalse(choice.gpu());
		assertEquals(CPU, choice.device());
		assertEquals(DefaultConfiguration.CPU_SMALL, choice.configuration());
		assertEquals("using CPU (2 cores): small CPU configuration", choice.description());
		assertEquals("using CPU (1 core): small CPU configuration", DeviceChoice.choose(List.of(CPU), host(1))
			.description());
	}

	@Test
	void cpuAndGpu() {
		final DeviceChoice choice = DeviceChoice.choose(List.of(CPU, GPU0), host(16, "NVIDIA A100-SXM4-40GB"));
		assertTrue(choice.gpu());
		assertEquals(GPU0, choice.device());
		assertEquals(DefaultConfiguration.REFERENCE, choice.configuration());
		assertEquals("using GPU:0 (NVIDIA A100-SXM4-40GB, 38.5 GiB): reference configuration", choice.description());
	}

	@Test
	void twoGpusUseTheFirst() {
		final DeviceChoice same = DeviceChoice.choose(List.of(CPU, GPU0, GPU1), host(16, "Tesla T4", "Tesla T4"));
		assertEquals(GPU0, same.device());
		assertEquals(DefaultConfiguration.REFERENCE, same.configuration());
		assertEquals("using GPU:0 (Tesla T4, 38.5 GiB; 1 more GPU not used): reference configuration", same
			.description());
		// different models: the driver's order may not be CUDA's, so no model name
		final DeviceChoice mixed = DeviceChoice.choose(List.of(CPU, GPU0, GPU1), host(16, "Tesla T4", "A100"));
		assertEquals("using GPU:0 (38.5 GiB; 1 more GPU not used): reference configuration", mixed.description());
	}

	@Test
	void gpuSeenByTheDriverButNotByTensorFlow() {
		final DeviceChoice choice = DeviceChoice.choose(List.of(CPU), host(8, "NVIDIA A100-SXM4-40GB"));
		assertEquals(DefaultConfiguration.CPU_SMALL, choice.configuration());
		assertEquals("using CPU (8 cores): small CPU configuration", choice.description());
	}

	@Test
	void noDevices() {
		assertThrows(IllegalArgumentException.class, () -> DeviceChoice.choose(List.of(), host(2)));
	}
}
