package covidunet.model.train;

import com.google.gson.JsonObject;

/**
 * Early stopping with Keras' {@code EarlyStopping} semantics (mode "min"): a loss is an
 * improvement if {@code loss < best − minDelta} (the first finite loss always is, NaN never is);
 * an improvement resets the wait to 0, any other epoch adds 1, and training stops after the epoch
 * at which the wait reaches {@code patience}. So with patience 100 and the best loss at epoch e,
 * the last epoch is e + 100. The reference monitors the training loss with patience 100 and
 * Keras' default min delta 0 ({@link #reference()}).
 */
public final class EarlyStopping {

	/** The reference's patience in epochs. */
	public static final int PATIENCE = 100;
	/** The reference's minimum improvement (Keras' default). */
	public static final double MIN_DELTA = 0;

	/** The loss that early stopping watches. */
	public enum Monitor {
		/** The epoch's mean training loss (the reference's choice). */
		TRAINING_LOSS,
		/** The epoch's validation loss. */
		VALIDATION_LOSS;

		/** This monitor's value in a history row. */
		public double valueIn(final History.Row row) {
			return this == TRAINING_LOSS ? row.loss() : row.valLoss();
		}
	}

	/**
	 * Everything that changes from epoch to epoch, for checkpoints.
	 *
	 * @param best the lowest loss seen that counted as an improvement (+∞ before the first)
	 * @param epochsWaited epochs since the last improvement
	 */
	public record State(double best, int epochsWaited) {

		private static final String BEST = "best", WAIT = "wait";

		/** This state as JSON ({@code best} is {@code null} while +∞). */
		public JsonObject toJson() {
			final JsonObject json = new JsonObject();
			json.add(BEST, JsonFields.best(best));
			json.addProperty(WAIT, epochsWaited);
			return json;
		}

		/**
		 * The state written by {@link #toJson()}.
		 *
		 * @throws covidunet.BadInputException naming the missing or wrong field
		 */
		public static State fromJson(final JsonObject json) {
			return new State(JsonFields.best(json, BEST), JsonFields.count(json, WAIT));
		}
	}

	private final Monitor monitor;
	private final int patience;
	private final double minDelta;
	private double best = Double.POSITIVE_INFINITY;
	private int wait;

	/**
	 * @param monitor the loss to watch
	 * @param patience epochs without improvement before stopping, ≥ 1
	 * @param minDelta the least decrease that counts as an improvement, ≥ 0
	 * @throws IllegalArgumentException if a parameter is out of range
	 */
	public EarlyStopping(final Monitor monitor, final int patience, final double minDelta) {
		if (monitor == null || patience < 1 || !(minDelta >= 0)) {
			throw new IllegalArgumentException("early stopping: parameter out of range");
		}
		this.monitor = monitor;
		this.patience = patience;
		this.minDelta = minDelta;
	}

	/** The reference's: training loss, patience 100, min delta 0. */
	public static EarlyStopping reference() {
		return new EarlyStopping(Monitor.TRAINING_LOSS, PATIENCE, MIN_DELTA);
	}

	/** The loss to pass to {@link #shouldStop(double)}. */
	public Monitor monitor() {
		return monitor;
	}

	/**
	 * Takes the epoch's monitored loss (once per epoch, after it).
	 *
	 * @return whether training should stop now
	 */
	public boolean shouldStop(final double monitored) {
		if (monitored < best - minDelta) {
			best = monitored;
			wait = 0;
		}
		else {
			wait++;
		}
		return wait >= patience;
	}

	/** The current state, for a checkpoint. */
	public State state() {
		return new State(best, wait);
	}

	/** Continues from a checkpoint's state (the parameters are this object's). */
	public void resume(final State state) {
		best = state.best();
		wait = state.epochsWaited();
	}
}
