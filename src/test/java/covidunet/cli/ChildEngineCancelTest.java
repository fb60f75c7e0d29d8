package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

	@AfterEach
	void noChildIsLeft() {
		final List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
		assertEquals(List.of(), alive.stream().map(p -> p.info().commandLine().orElse("?")).toList(),
			"processes left behind");
	}
}
