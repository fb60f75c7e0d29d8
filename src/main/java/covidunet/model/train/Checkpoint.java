package covidunet.model.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tensorflow.Session;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;

/**
 * A complete checkpoint written by {@link Checkpoints#save}: the folder {@code checkpoints/epoch-<n>}
 * with the session's variables ({@value #VARIABLES}{@code .index} and {@code .data-*}) and
 * {@value #STATE}.
 *
 * @param folder the checkpoint's folder
 * @param epoch the epoch in its name
 */
public record Checkpoint(Path folder, int epoch) {

	/** The variables' file prefix inside the folder. */
	public static final String VARIABLES = "variables";
	/** The training state's file name inside the folder. */
	public static final String STATE = "state.json";

	/**
	 * Restores every saved variable (weights, optimiser slots, moving statistics) into a session
	 * of the same graph.
	 */
	public void restore(final Session session) {
		session.restore(folder.resolve(VARIABLES).toString());
	}

	/**
	 * Reads {@value #STATE}.
	 *
	 * @throws BadInputException in one line naming the file, if it cannot be read, is not the
	 *         state JSON or is for another epoch than the folder's name
	 */
	public TrainingState state() {
		final Path file = folder.resolve(STATE);
		final TrainingState state;
		try {
			final JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
			if (!json.isJsonObject()) throw new BadInputException("not a JSON object");
			state = TrainingState.fromJson(json.getAsJsonObject());
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
		catch (final JsonParseException e) {
			throw new BadInputException(file + ": not valid JSON", e);
		}
		catch (final BadInputException e) {
			throw new BadInputException(file + ": " + e.getMessage(), e);
		}
		if (state.epoch() != epoch) {
			throw new BadInputException(file + ": epoch " + state.epoch() + " in a checkpoint of epoch " + epoch);
		}
		return state;
	}
}
