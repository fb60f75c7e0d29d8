package covidunet.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

import covidunet.BadInputException;

class EarlyStoppingTest {

	/** Best at epoch 10, flat after: epochs 11…109 continue, epoch 110 (the 100th without improvement) stops. */
	@Test
	void stopsExactlyAfterPatienceEpochsWithoutImprovement() {
		final EarlyStopping e = EarlyStopping.reference();
		assertEquals(EarlyStopping.Monitor.TRAINING_LOSS, e.monitor());
		for (int epoch = 1; epoch <= 10; epoch++) assertFalse(e.shouldStop(1.0 / epoch), "epoch " + epoch);
		for (int epoch = 11; epoch <= 109; epoch++) assertFalse(e.shouldStop(0.1), "epoch " + epoch);
		assertTrue(e.shouldStop(0.1), "epoch 110");
	}

	@Test
	void improvementResetsTheWait() {
		final EarlyStopping e = new EarlyStopping(EarlyStopping.Monitor.VALIDATION_LOSS, 3, 0);
		assertFalse(e.shouldStop(1.0));
		assertFalse(e.shouldStop(1.0));
		assertFalse(e.shouldStop(2.0));
		assertFalse(e.shouldStop(0.999));
		assertFalse(e.shouldStop(1.0));
		assertFalse(e.shouldStop(Double.NaN));
		assertTrue(e.shouldStop(0.999));
	}

	@Test
	void minDeltaIsAbsolute() {
		final EarlyStopping e = new EarlyStopping(EarlyStopping.Monitor.TRAINING_LOSS, 2, 1e-4);
		assertFalse(e.shouldStop(0.5));
		assertFalse(e.shouldStop(0.49995));
		assertTrue(e.shouldStop(0.49991));
	}

	@Test
	void monitorPicksItsColumn() {
		final History.Row row = new History.Row(1, 1e-3, 0.7, 0.4, 0.3, 0.6, 0.9, 0.5, 12);
		assertEquals(0.7, EarlyStopping.Monitor.TRAINING_LOSS.valueIn(row));
		assertEquals(0.9, EarlyStopping.Monitor.VALIDATION_LOSS.valueIn(row));
	}

	@Test
	void stateRoundTripMidSequenceGivesTheSameDecisions() {
		final double[] losses = new double[40];
		for (int i = 0; i < losses.length; i++) losses[i] = i % 7 == 0 && i < 15 ? 1.0 / (i + 1) : 0.5;
		final boolean[] expected = new boolean[losses.length];
		final EarlyStopping whole = new EarlyStopping(EarlyStopping.Monitor.TRAINING_LOSS, 10, 0);
		for (int i = 0; i < losses.length; i++) expected[i] = whole.shouldStop(losses[i]);
		assertFalse(expected[23]);
		assertTrue(expected[24], "10 epochs after the best, epoch 15");
		for (int cut = 0; cut <= losses.length; cut++) {
			final EarlyStopping first = new EarlyStopping(EarlyStopping.Monitor.TRAINING_LOSS, 10, 0);
			for (int i = 0; i < cut; i++) first.shouldStop(losses[i]);
			final EarlyStopping.State state = EarlyStopping.State.fromJson(JsonParser.parseString(first.state().toJson()
				.toString()).getAsJsonObject());
			assertEquals(first.state(), state);
			final EarlyStopping resumed = new EarlyStopping(EarlyStopping.Monitor.TRAINING_LOSS, 10, 0);
			resumed.resume(state);
			for (int i = cut; i < losses.length; i++) assertEquals(expected[i], resumed.shouldStop(losses[i]));
		}
	}

	@Test
	void stateJsonRefusesAMissingField() {
		final BadInputException e = assertThrows(BadInputException.class, () -> EarlyStopping.State.fromJson(JsonParser
			.parseString("{\"best\":0.5}").getAsJsonObject()));
		assertEquals("\"wait\" is missing or not a number", e.getMessage());
	}
}
