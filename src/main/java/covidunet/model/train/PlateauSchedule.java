package covidunet.model.train;

import com.google.gson.JsonObject;

/**
 * Reduce-on-plateau learning rate with Keras' {@code ReduceLROnPlateau} semantics (mode "min",
 * absolute min delta). Called once per epoch with the monitored loss, in this order:
 * <ol>
 * <li>if in cooldown (counter &gt; 0): the counter decreases by one and the wait is reset to 0;</li>
 * <li>if the loss is an improvement ({@code loss < best − minDelta}; the first finite loss always
 * is, NaN never is): best = loss, wait = 0;</li>
 * <li>otherwise, if no longer in cooldown: wait + 1, and when the wait reaches {@code patience} and
 * the rate is above {@code minLr}, the rate becomes {@code max(rate · factor, minLr)}, the wait
 * is reset and the cooldown counter set to {@code cooldown}.</li>
 * </ol>
 * As in Keras, the counter is decremented before it is tested, so a cooldown of c suspends the
 * wait for c − 1 epochs after a reduction: with the reference's cooldown 1, reductions come every
 * {@code patience} epochs of a flat loss (epochs 15, 30, … after the last improvement), as with
 * cooldown 0. The rate is kept in double precision (Keras keeps float32).
 */
public final class PlateauSchedule {

	/** The reference's initial learning rate (Adam). */
	public static final double INITIAL_LEARNING_RATE = 1e-3;
	/** The reference's reduction factor. */
	public static final double FACTOR = 0.1;
	/** The reference's patience in epochs. */
	public static final int PATIENCE = 15;
	/** The reference's minimum improvement. */
	public static final double MIN_DELTA = 1e-4;
	/** The reference's cooldown in epochs. */
	public static final int COOLDOWN = 1;
	/** The reference's lowest learning rate. */
	public static final double MIN_LEARNING_RATE = 1e-5;

	/**
	 * Everything that changes from epoch to epoch, for checkpoints.
	 *
	 * @param learningRate the rate for the next epoch
	 * @param best the lowest loss seen that counted as an improvement (+∞ before the first)
	 * @param epochsWaited epochs since the last improvement or reduction, cooldown excluded
	 * @param cooldownCounter cooldown epochs left
	 */
	public record State(double learningRate, double best, int epochsWaited, int cooldownCounter) {

		private static final String RATE = "learning_rate", BEST = "best", WAIT = "wait", COOLDOWN = "cooldown_counter";

		/** This state as JSON ({@code best} is {@code null} while +∞). */
		public JsonObject toJson() {
			final JsonObject json = new JsonObject();
			json.addProperty(RATE, learningRate);
			json.add(BEST, JsonFields.best(best));
			json.addProperty(WAIT, epochsWaited);
			json.addProperty(COOLDOWN, cooldownCounter);
			return json;
		}

		/**
		 * The state written by {@link #toJson()}.
		 *
		 * @throws covidunet.BadInputException naming the missing or wrong field
		 */
		public static State fromJson(final JsonObject json) {
			return new State(JsonFields.number(json, RATE), JsonFields.best(json, BEST), JsonFields.count(json, WAIT),
				JsonFields.count(json, COOLDOWN));
		}
	}

	private final double factor;
	private final int patience;
	private final double minDelta;
	private final int cooldown;
	private final double minLearningRate;
	private double learningRate;
	private double best = Double.POSITIVE_INFINITY;
	private int wait;
	private int cooldownCounter;

	/**
	 * A fresh schedule.
	 *
	 * @param initialLearningRate the rate for the first epoch, &gt; 0
	 * @param factor the reduction factor, in (0, 1)
	 * @param patience epochs without improvement before a reduction, ≥ 1
	 * @param minDelta the least decrease that counts as an improvement, ≥ 0
	 * @param cooldown see the class comment, ≥ 0
	 * @param minLearningRate the floor, ≥ 0
	 * @throws IllegalArgumentException if a parameter is out of range
	 */
	public PlateauSchedule(final double initialLearningRate, final double factor, final int patience,
		final double minDelta, final int cooldown, final double minLearningRate)
	{
		if (!(initialLearningRate > 0) || !(factor > 0 && factor < 1) || patience < 1 || !(minDelta >= 0) ||
			cooldown < 0 || !(minLearningRate >= 0))
		{
			throw new IllegalArgumentException("plateau schedule: parameter out of range");
		}
		this.learningRate = initialLearningRate;
		this.factor = factor;
		this.patience = patience;
		this.minDelta = minDelta;
		this.cooldown = cooldown;
		this.minLearningRate = minLearningRate;
	}

	/** The reference's schedule: 1e-3, factor 0.1, patience 15, min delta 1e-4, cooldown 1, floor 1e-5. */
	public static PlateauSchedule reference() {
		return new PlateauSchedule(INITIAL_LEARNING_RATE, FACTOR, PATIENCE, MIN_DELTA, COOLDOWN, MIN_LEARNING_RATE);
	}

	/** The learning rate for the next epoch. */
	public double learningRate() {
		return learningRate;
	}

	/**
	 * Takes the epoch's monitored loss (once per epoch, after it).
	 *
	 * @return the learning rate for the next epoch
	 */
	public double update(final double monitoredLoss) {
		if (cooldownCounter > 0) {
			cooldownCounter--;
			wait = 0;
		}
		if (monitoredLoss < best - minDelta) {
			best = monitoredLoss;
			wait = 0;
		}
		else if (cooldownCounter == 0) {
			wait++;
			if (wait >= patience && learningRate > minLearningRate) {
				learningRate = Math.max(learningRate * factor, minLearningRate);
				cooldownCounter = cooldown;
				wait = 0;
			}
		}
		return learningRate;
	}

	/** The current state, for a checkpoint. */
	public State state() {
		return new State(learningRate, best, wait, cooldownCounter);
	}

	/** Continues from a checkpoint's state (the parameters are this schedule's). */
	public void resume(final State state) {
		learningRate = state.learningRate();
		best = state.best();
		wait = state.epochsWaited();
		cooldownCounter = state.cooldownCounter();
	}
}
