package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code check} end to end, in process: loads the TensorFlow natives. */
class CheckSubcommandTest {

	@Test
	void checkReportsTheBackend() {
		final Launch launch = Launch.with(new Main(Subcommands.standard()), "check");
		assertEquals("", launch.err());
		assertEquals(0, launch.code());
		assertTrue(launch.out().startsWith("backend: "), launch.out());
		assertTrue(launch.out().contains("\ntensorflow: 2.18.0 (TensorFlow Java 1.1.0)\n"), launch.out());
		assertTrue(launch.out().contains("\ndevices: CPU:0"), launch.out());
		assertTrue(launch.out().contains("\ntensorflow 1.x: none on the class path\n"), launch.out());
	}

	@Test
	void checkByTitle() {
		final Launch launch = Launch.with(new Main(Subcommands.standard()), "--run", "Check Backend", "");
		assertEquals("", launch.err());
		assertEquals(0, launch.code());
		assertTrue(launch.out().contains("\ntensorflow: 2.18.0"), launch.out());
	}
}
