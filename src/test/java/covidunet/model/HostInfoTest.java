package covidunet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostInfoTest {

	@Test
	void cpuModel() {
		final String cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel\t\t: 85\n" +
			"model name\t: Intel(R) Xeon(R) Gold 6226R CPU @ 2.90GHz\nstepping\t: 7\n\nprocessor\t: 1\n";
		assertEquals("Intel(R) Xeon(R) Gold 6226R CPU @ 2.90GHz", HostInfo.field(cpuinfo, "model name"));
		assertNull(HostInfo.field(cpuinfo, "flags"));
		assertNull(HostInfo.field(null, "model name"));
	}

	@Test
	void nvidiaFiles() {
		final String information = "Model: \t\t NVIDIA A100-SXM4-40GB\nIRQ:   \t\t 38\n" +
			"GPU UUID: \t GPU-0c6d\nBus Location: \t 0000:00:04.0\n";
		assertEquals("NVIDIA A100-SXM4-40GB", HostInfo.field(information, "Model"));
		assertEquals("550.54.15", HostInfo.driverVersion("NVRM version: NVIDIA UNIX x86_64 Kernel Module  " +
			"550.54.15  Tue Mar  5 22:23:56 UTC 2024\nGCC version:  gcc version 12.2.0\n"));
		assertNull(HostInfo.driverVersion("nothing here"));
	}

	@Test
	void memory() {
		assertEquals(24_000_000L * 1024, HostInfo.memTotal("MemTotal:       24000000 kB\nMemFree: 1 kB\n"));
		assertEquals(-1, HostInfo.memTotal("MemFree: 1 kB\n"));
	}

	@Test
	void thisMachine() {
		final HostInfo host = HostInfo.read();
		assertTrue(host.cores() >= 1);
	}
}
