package covidunet.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

class PlateauScheduleTest {

	private static final double EPS = 1e-15;

	/** Improves for 3 epochs then stays flat: reductions after epochs 18 and 33, then the floor. */
	@Test
	void referencePlateauReducesEveryFifteenFlatEpochsDownToTheFloor() {
		final PlateauSchedule s = PlateauSchedule.reference();
		assertEquals(1e-3, s.learningRate(), 0);
		assertEquals(1e-3, s.update(1.0), 0);
		assertEquals(1e-3, s.update(0.9), 0);
		assertEquals(1e-3, s.update(0.8), 0);
		for (int epoch = 4; epoch <= 17; epoch++) assertEquals(1e-3, s.update(0.8), 0, "epoch " + epoch);
		assertEquals(1e-4, s.update(0.8), EPS, "epoch 18: 15th epoch without improvement");
		for (int epoch = 19; epoch <= 32; epoch++) assertEquals(1e-4, s.update(0.8), EPS, "epoch " + epoch);
		assertEquals(1e-5, s.update(0.8), EPS, "epoch 33");
		for (int epoch = 34; epoch <= 200; epoch++) assertEquals(1e-5, s.update(0.8), EPS, "epoch " + epoch);
	}

	@Test
	void decreaseSmallerThanMinDeltaIsNoImprovement() {
		final PlateauSchedule s = PlateauSchedule.reference();
		s.update(0.8);
		for (int epoch = 2; epoch <= 15; epoch++) assertEquals(1e-3, s.update(0.79995), 0, "epoch " + epoch);
		assertEquals(1e-4, s.update(0.79995), EPS, "epoch 16");
	}

	@Test
	void improvementResetsTheWait() {
		final PlateauSchedule s = PlateauSchedule.reference();
		s.update(0.8);
		for (int epoch = 2; epoch <= 15; epoch++) s.update(0.8);
		assertEquals(1e-3, s.update(0.7), 0, "epoch 16 improves");
		for (int epoch = 17; epoch <= 30; epoch++) assertEquals(1e-3, s.update(0.75), 0, "epoch " + epoch);
		assertEquals(1e-4, s.update(0.75), EPS, "epoch 31");
	}

	/** Keras decrements the cooldown counter before testing it: cooldown c idles c − 1 epochs. */
	@Test
	void cooldownFollowsKeras() {
		assertRates(new PlateauSchedule(1, 0.5, 2, 0, 1, 0.1), new double[] { 1, 1, 0.5, 0.5, 0.25, 0.25, 0.125 });
		assertRates(new PlateauSchedule(1, 0.5, 2, 0, 2, 0.1), new double[] { 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25,
			0.125 });
		assertRates(new PlateauSchedule(1, 0.5, 2, 0, 0, 0.3), new double[] { 1, 1, 0.5, 0.5, 0.3, 0.3, 0.3, 0.3 });
	}

	private static void assertRates(final PlateauSchedule s, final double[] expected) {
		for (int i = 0; i < expected.length; i++) assertEquals(expected[i], s.update(1.0), 0, "epoch " + (i + 1));
	}

	@Test
	void improvementDuringCooldownCounts() {
		final PlateauSchedule s = new PlateauSchedule(1, 0.5, 2, 0, 3, 0.01);
		s.update(1.0);
		s.update(1.0);
		assertEquals(0.5, s.update(1.0), 0);
		s.update(0.5);
		assertEquals(new PlateauSchedule.State(0.5, 0.5, 0, 2), s.state());
	}

	@Test
	void nanIsNoImprovement() {
		final PlateauSchedule s = new PlateauSchedule(1, 0.5, 2, 0, 0, 0.01);
		s.update(1.0);
		s.update(Double.NaN);
		assertEquals(0.5, s.update(Double.NaN), 0);
	}

	@Test
	void stateRoundTripMidSequenceGivesTheSameDecisions() {
		final double[] losses = new double[80];
		for (int i = 0; i < losses.length; i++) losses[i] = i < 10 ? 1.0 / (i + 1) : 0.1 + 0.00003 * Math.sin(i);
		final PlateauSchedule whole = PlateauSchedule.reference();
		final double[] expected = new double[losses.length];
		for (int i = 0; i < losses.length; i++) expected[i] = whole.update(losses[i]);
		assertEquals(1e-5, expected[losses.length - 1], EPS, "the sequence reaches the floor");
		for (int cut = 0; cut <= losses.length; cut++) {
			final PlateauSchedule first = PlateauSchedule.reference();
			for (int i = 0; i < cut; i++) first.update(losses[i]);
			final String json = first.state().toJson().toString();
			final PlateauSchedule.State state = PlateauSchedule.State.fromJson(JsonParser.parseString(json)
				.getAsJsonObject());
			assertEquals(first.state(), state, json);
			final PlateauSchedule resumed = PlateauSchedule.reference();
			resumed.resume(state);
			for (int i = cut; i < losses.length; i++) assertEquals(expected[i], resumed.update(losses[i]), 0);
		}
	}

	@Test
	void initialStateWritesInfinityAsNull() {
		final String json = PlateauSchedule.reference().state().toJson().toString();
		assertEquals("{\"learning_rate\":0.001,\"best\":null,\"wait\":0,\"cooldown_counter\":0}", json);
	}

	@Test
	void refusesBadParameters() {
		assertThrows(IllegalArgumentException.class, () -> new PlateauSchedule(1e-3, 1.0, 15, 1e-4, 1, 1e-5));
		assertThrows(IllegalArgumentException.class, () -> new PlateauSchedule(1e-3, 0.1, 0, 1e-4, 1, 1e-5));
		assertThrows(IllegalArgumentException.class, () -> new PlateauSchedule(0, 0.1, 15, 1e-4, 1, 1e-5));
		assertThrows(IllegalArgumentException.class, () -> new PlateauSchedule(1e-3, 0.1, 15, -1, 1, 1e-5));
	}
}
