package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import covidunet.engine.TensorFlowEngine;

/**
 * {@link CancelTest}'s cancellations with the commands' TensorFlow work in the engine's child JVM,
 * as in Fiji: the cancel reaches the child, which stops as the command does in one JVM (the same
 * files kept, nothing half-written, a rerun completes), and no child process is left behind. The
 * uninterrupted reference runs are made in this JVM.
 */
class ChildEngineCancelTest extends CancelTest {

	@BeforeAll
	static void childEngine() {
		System.setProperty(TensorFlowEngine.MODE_PROPERTY, "child");
	}

	@AfterAll
	static void inlineEngine() {
		System.clearProperty(TensorFlowEngine.MODE_PROPERTY);
	}

	/**
	 * The cancel crosses two pipes: an epoch of three tiny steps may end, and be recorded, before it
	 * reaches the child; it is the last one.
	 */
	@Override
	void assertEpochsKept(final int kept) {
		assertTrue(kept == 2 || kept == 3, kept + " epochs kept");
	}

	@AfterEach
	void noChildIsLeft() {
		final List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
		assertEquals(List.of(), alive.stream().map(p -> p.info().commandLine().orElse("?")).toList(),
			"processes left behind");
	}
}
