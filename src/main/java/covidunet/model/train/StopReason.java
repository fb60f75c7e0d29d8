package covidunet.model.train;

/** Why a training ended without an error or a cancellation. */
public enum StopReason {

	/** The last epoch ({@code max_epochs}) was trained. */
	MAX_EPOCHS("reached the last epoch"),

	/** The monitored loss did not improve for the early-stopping patience. */
	EARLY_STOPPING("early stopping: no improvement within the patience"),

	/** The time limit ({@code max_minutes}) was reached. */
	TIME_LIMIT("time limit reached"),

	/** Someone asked to finish early. */
	FINISH_REQUESTED("finished early on request");

	private final String description;

	StopReason(final String description) {
		this.description = description;
	}

	/** A few words for logs and {@code model.json}. */
	public String description() {
		return description;
	}
}
