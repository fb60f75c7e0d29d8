package covidunet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.model.train.History;
import covidunet.ui.TrainingSnapshot.State;

/**
 * The window's monitor without a window: finishing early applies to the fold under way, Cancel
 * runs the callback once, frequent steps are thinned to one view per {@value TrainingMonitor#REFRESH_MILLIS}
 * ms (first and last step of an epoch always shown), epochs are shown as copies, and the end
 * turns the buttons off.
 */
class TrainingMonitorTest {

	@TempDir
	Path dir;

	private final List<TrainingSnapshot> shown = new ArrayList<>();
	private final AtomicInteger cancels = new AtomicInteger();
	private long now = 1_000;

	private TrainingMonitor monitor() {
		return new TrainingMonitor(50, cancels::incrementAndGet, shown::add, () -> now);
	}

	@Test
	void finishingEarlyAppliesToTheFoldUnderWay() {
		final TrainingMonitor monitor = monitor();
		assertFalse(monitor.snapshot().canFinish(), "nothing to finish before the first fold");
		monitor.requestFinish();
		assertFalse(monitor.finishRequested());
		monitor.foldStarted(0, 1, 2);
		assertFalse(monitor.finishRequested());
		monitor.requestFinish();
		assertTrue(monitor.finishRequested());
		assertTrue(monitor.finishRequested(), "stays asked until the fold ends");
		assertEquals(State.FINISHING, shown.get(shown.size() - 1).state());
		assertFalse(shown.get(shown.size() - 1).canFinish());
		assertTrue(shown.get(shown.size() - 1).canCancel());
		monitor.foldStarted(1, 2, 2);
		assertFalse(monitor.finishRequested(), "the next fold trains in full unless asked again");
		assertEquals(State.RUNNING, monitor.snapshot().state());
		assertTrue(monitor.snapshot().canFinish());
	}

	@Test
	void cancelRunsTheCallbackOnceAndTheEndTurnsTheButtonsOff() {
		final TrainingMonitor monitor = monitor();
		monitor.foldStarted(3, 1, 1);
		monitor.cancel();
		monitor.cancel();
		assertEquals(1, cancels.get());
		assertEquals(State.CANCELLING, monitor.snapshot().state());
		assertFalse(monitor.snapshot().canFinish());
		monitor.stopped(true, "cancelled");
		final TrainingSnapshot last = shown.get(shown.size() - 1);
		assertEquals(State.ENDED, last.state());
		assertFalse(last.canFinish());
		assertFalse(last.canCancel());
		assertEquals("Training cancelled: the models kept so far stay in the output folder.", last.status());
		monitor.cancel();
		assertEquals(1, cancels.get(), "nothing to cancel once ended");
	}

	@Test
	void frequentStepsAreThinned() {
		final TrainingMonitor monitor = monitor();
		monitor.foldStarted(0, 1, 1);
		shown.clear();
		for (int step = 1; step <= 1000; step++) {
			monitor.stepDone(1, step, 1000, 0.5, 1e-3, 60);
			now += 1;
		}
		assertEquals(2 + 999 / TrainingMonitor.REFRESH_MILLIS, shown.size(), "the first step, one per 200 ms, the last");
		assertEquals(1, shown.get(0).step().step());
		assertEquals(1000, shown.get(shown.size() - 1).step().step());
		for (int i = 1; i < shown.size() - 1; i++) {
			assertEquals(1 + i * TrainingMonitor.REFRESH_MILLIS, shown.get(i).step().step());
		}
		monitor.stepDone(2, 1, 1000, 0.4, 1e-3, 50);
		monitor.stepDone(2, 2, 1000, 0.4, 1e-3, 50);
		assertEquals(2, monitor.snapshot().step().step(), "kept though not shown");
		assertEquals(1, shown.get(shown.size() - 1).step().step());
	}

	@Test
	void epochsAreShownAsCopiesWithTheKeptEpoch() {
		final TrainingMonitor monitor = monitor();
		monitor.foldStarted(0, 1, 1);
		final History history = History.create(dir.resolve("history.tsv"));
		history.append(new History.Row(1, 1e-3, 1.0, 0, 0, 0, 0.9, 0, 1));
		monitor.epochDone(history, true);
		history.append(new History.Row(2, 1e-3, 0.8, 0, 0, 0, 0.95, 0, 1));
		monitor.epochDone(history, false);
		final TrainingSnapshot first = shown.get(shown.size() - 2), second = shown.get(shown.size() - 1);
		assertEquals(1, first.history().rows().size(), "a copy: later epochs do not change what was shown");
		assertEquals(2, second.history().rows().size());
		assertEquals(1, second.exportedEpoch());
		assertTrue(second.status().endsWith("Epoch 2: loss 0.8000, validation loss 0.9500; model kept: epoch 1"),
			second.status());
		monitor.foldStarted(1, 2, 2);
		assertNull(monitor.snapshot().history(), "a new fold starts with empty curves");
		assertEquals(0, monitor.snapshot().exportedEpoch());
		monitor.ended("fold_0: 2 epochs\n");
		assertEquals("Training ended.\nfold_0: 2 epochs", monitor.snapshot().status());
		assertSame(monitor.snapshot(), shown.get(shown.size() - 1));
	}
}
