package covidunet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import covidunet.ui.TrainingSnapshot.State;
import covidunet.ui.TrainingSnapshot.Step;

/** The window's texts: the time left, and the status of each phase, one fold or several. */
class TrainingMonitorTextTest {

	@Test
	void timeLeft() {
		assertEquals("less than a minute left", TrainingSnapshot.timeLeft(0));
		assertEquals("less than a minute left", TrainingSnapshot.timeLeft(59.4));
		assertEquals("about 1 min left", TrainingSnapshot.timeLeft(60));
		assertEquals("about 12 min left", TrainingSnapshot.timeLeft(12 * 60 + 20));
		assertEquals("about 89 min left", TrainingSnapshot.timeLeft(89 * 60));
		assertEquals("about 1.5 h left", TrainingSnapshot.timeLeft(90 * 60));
		assertEquals("about 26.0 h left", TrainingSnapshot.timeLeft(26 * 3600 + 60));
		assertEquals("time left unknown", TrainingSnapshot.timeLeft(Double.NaN));
		assertEquals("time left unknown", TrainingSnapshot.timeLeft(Double.POSITIVE_INFINITY));
		assertEquals("time left unknown", TrainingSnapshot.timeLeft(-1));
	}

	@Test
	void statusOfEachPhase() {
		final TrainingSnapshot start = TrainingSnapshot.initial(40);
		assertEquals("Preparing the training…", start.status());
		final TrainingSnapshot one = start.atFold(2, 1, 1);
		assertEquals("Fold 2: preparing the cases and the network…", one.status());
		final Step step = new Step(3, 12, 150, 0.41234, 2e-3, 725);
		assertEquals("Fold 2: epoch 3/40, step 12/150, loss 0.4123, learning rate 2.0e-03, about 12 min left", one
			.withStep(step).status());
		final TrainingSnapshot several = start.atFold(2, 3, 5).withStep(step);
		assertEquals("Fold 2 (3 of 5): epoch 3/40, step 12/150, loss 0.4123, learning rate 2.0e-03, about 12 min left " +
			"in this fold", several.status());
		assertEquals(several.status() + "\nFinishing early as asked: the epoch under way is validated, and the fold's " +
			"best model is kept.", several.withState(State.FINISHING).status());
		assertEquals(several.status() + "\nCancelling: the model kept so far stays in the output folder.", several
			.withState(State.CANCELLING).status());
		assertEquals("done", several.ended("done").status());
	}
}
