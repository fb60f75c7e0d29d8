package covidunet.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import covidunet.model.train.History;

/**
 * What the training window shows at one moment, and its texts. Immutable: made by
 * {@link TrainingMonitor} on the training's thread, shown on the event dispatch thread. No AWT.
 *
 * @param fold the fold under way (from 0), or −1 before the first
 * @param position its place among the folds of the run (1-based)
 * @param count how many folds the run trains
 * @param step the latest step of the fold, or null before its first
 * @param maxEpochs the most epochs of a fold
 * @param history a copy of the fold's history, or null before its first epoch
 * @param exportedEpoch the fold's epoch whose model is kept (the best so far), or 0 for none
 * @param state whether the training runs, is finishing early, is cancelling, or ended
 * @param ending how it ended (when {@link State#ENDED}), else null
 */
public record TrainingSnapshot(int fold, int position, int count, Step step, int maxEpochs, History history,
	int exportedEpoch, State state, String ending)
{

	/** The phases of a training, as the buttons see them. */
	public enum State {
		/** Training; both buttons work. */
		RUNNING,
		/** Finishing the fold early, as asked; Cancel still works. */
		FINISHING,
		/** Cancelling, as asked. */
		CANCELLING,
		/** Over; the buttons are off. */
		ENDED
	}

	/** One training step as {@link covidunet.model.train.TrainingListener#stepDone} reports it. */
	public record Step(int epoch, int step, int steps, double loss, double learningRate, double secondsLeft) {}

	/** The text of the finish button. */
	public static final String FINISH = "Finish early (keep best model)";

	/** The text of the cancel button. */
	public static final String CANCEL = "Cancel";

	/** The state before the first fold. */
	public static TrainingSnapshot initial(final int maxEpochs) {
		return new TrainingSnapshot(-1, 0, 0, null, maxEpochs, null, 0, State.RUNNING, null);
	}

	/** At the start of a fold: no step, no history; finishing early no longer applies. */
	public TrainingSnapshot atFold(final int f, final int p, final int c) {
		return new TrainingSnapshot(f, p, c, null, maxEpochs, null, 0, state == State.FINISHING ? State.RUNNING : state,
			ending);
	}

	/** With this step. */
	public TrainingSnapshot withStep(final Step s) {
		return new TrainingSnapshot(fold, position, count, s, maxEpochs, history, exportedEpoch, state, ending);
	}

	/** With this history and kept epoch. */
	public TrainingSnapshot withHistory(final History h, final int exported) {
		return new TrainingSnapshot(fold, position, count, step, maxEpochs, h, exported, state, ending);
	}

	/** In this state. */
	public TrainingSnapshot withState(final State s) {
		return new TrainingSnapshot(fold, position, count, step, maxEpochs, history, exportedEpoch, s, ending);
	}

	/** Ended, as {@code text} says. */
	public TrainingSnapshot ended(final String text) {
		return new TrainingSnapshot(fold, position, count, step, maxEpochs, history, exportedEpoch, State.ENDED, text);
	}

	/** Whether "finish early" can be asked now. */
	public boolean canFinish() {
		return state == State.RUNNING && fold >= 0;
	}

	/** Whether "cancel" can be asked now. */
	public boolean canCancel() {
		return state == State.RUNNING || state == State.FINISHING;
	}

	/** The status: the fold, epoch, step, loss, learning rate and time left; the last epoch; what was asked. */
	public String status() {
		if (state == State.ENDED) return ending;
		final List<String> lines = new ArrayList<>();
		final String fold = foldName();
		if (fold == null) lines.add("Preparing the training…");
		else if (step == null) lines.add(fold + ": preparing the cases and the network…");
		else lines.add(String.format(Locale.ROOT, "%s: epoch %d/%d, step %d/%d, loss %.4f, learning rate %.1e, %s",
			fold, step.epoch(), maxEpochs, step.step(), step.steps(), step.loss(), step.learningRate(), timeLeft(step
				.secondsLeft()) + (count > 1 ? " in this fold" : "")));
		if (history != null && !history.rows().isEmpty()) {
			final History.Row last = history.rows().get(history.rows().size() - 1);
			final String validation = Double.isNaN(last.valLoss()) ? "" : String.format(Locale.ROOT,
				", validation loss %.4f", last.valLoss());
			lines.add(String.format(Locale.ROOT, "Epoch %d: loss %.4f%s; %s", last.epoch(), last.loss(), validation,
				exportedEpoch > 0 ? "model kept: epoch " + exportedEpoch : "no model kept yet"));
		}
		if (state == State.FINISHING) lines.add("Finishing early as asked: the epoch under way is validated, and the " +
			"fold's best model is kept.");
		if (state == State.CANCELLING) lines.add("Cancelling: the model kept so far stays in the output folder.");
		return String.join("\n", lines);
	}

	/** "Fold 2", or "Fold 2 (3 of 5)" when the run trains several; null before the first fold. */
	public String foldName() {
		if (fold < 0) return null;
		return "Fold " + fold + (count > 1 ? " (" + position + " of " + count + ")" : "");
	}

	/** "about 12 min left", "less than a minute left", "about 2.5 h left" or "time left unknown". */
	public static String timeLeft(final double seconds) {
		if (!(seconds >= 0) || Double.isInfinite(seconds)) return "time left unknown";
		if (seconds < 60) return "less than a minute left";
		if (seconds < 90 * 60) return "about " + Math.round(seconds / 60) + " min left";
		return String.format(Locale.ROOT, "about %.1f h left", seconds / 3600);
	}
}
