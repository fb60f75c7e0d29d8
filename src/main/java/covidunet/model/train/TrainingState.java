package covidunet.model.train;

import com.google.gson.JsonObject;

import covidunet.BadInputException;

/**
 * What a checkpoint holds besides the variables: its {@code state.json}.
 *
 * @param epoch the last completed epoch (1-based)
 * @param seed the training's seed
 * @param schedule the learning-rate schedule after that epoch
 * @param stopping early stopping after that epoch
 */
public record TrainingState(int epoch, long seed, PlateauSchedule.State schedule, EarlyStopping.State stopping) {

	/** The version of the {@code state.json} format; other versions are refused. */
	public static final int FORMAT = 1;

	private static final String FORMAT_KEY = "format", EPOCH = "epoch", SEED = "seed", SCHEDULE = "schedule",
			STOPPING = "early_stopping";

	/** This state as JSON. */
	public JsonObject toJson() {
		final JsonObject json = new JsonObject();
		json.addProperty(FORMAT_KEY, FORMAT);
		json.addProperty(EPOCH, epoch);
		json.addProperty(SEED, seed);
		json.add(SCHEDULE, schedule.toJson());
		json.add(STOPPING, stopping.toJson());
		return json;
	}

	/**
	 * The state written by {@link #toJson()}.
	 *
	 * @throws BadInputException naming the missing or wrong field, or a foreign format version
	 */
	public static TrainingState fromJson(final JsonObject json) {
		final long format = JsonFields.integer(json, FORMAT_KEY);
		if (format != FORMAT) throw new BadInputException("format " + format + ", expected " + FORMAT);
		return new TrainingState(JsonFields.count(json, EPOCH), JsonFields.integer(json, SEED),
			PlateauSchedule.State.fromJson(JsonFields.object(json, SCHEDULE)),
			EarlyStopping.State.fromJson(JsonFields.object(json, STOPPING)));
	}
}
