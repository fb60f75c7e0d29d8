package covidunet.model.train;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.io.AddedPaths;
import covidunet.io.AtomicFiles;
import covidunet.io.JsonFiles;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.net.UNetConfig;
import covidunet.sample.Augmenter;
import covidunet.sample.Batch;
import covidunet.sample.PatchProducer;
import covidunet.sample.PatchSampler;
import covidunet.sample.ValidationPatches;

/**
 * Trains a {@link covidunet.model.net.UNet} as the reference does (docs/method.md, Loss and optimisation) and
 * keeps a model directory up to date as it goes (docs/formats.md, Model directory).
 * <p>
 * <b>Each epoch</b>: {@code iterations_per_epoch} Adam steps on augmented batches from a
 * {@link PatchProducer} at the schedule's learning rate; then the validation loss on fixed
 * un-augmented crops of the validation cases ({@link ValidationPatches}, the same crops every
 * epoch, so that epochs compare); a row of {@code history.tsv}; the plateau schedule and early
 * stopping updated on their monitored losses; the model exported when its validation loss is the
 * lowest so far (the training loss when there are no validation cases); a checkpoint
 * (weights, Adam's state, schedule, early stopping) in {@code checkpoints/}; the curves in
 * {@value #CURVES}.
 * <p>
 * <b>Resuming</b> restores the latest checkpoint and continues with the next epoch: the history is
 * cut back to the checkpoint's epoch, patches continue the same seeded stream, so a resumed
 * training makes the same batches it would have made without the interruption. A model export
 * that a kill interrupted is repaired first ({@link ModelDirectory#recover}). The configuration
 * is kept in {@code checkpoints/}{@value #CONFIG}; a resume with another network, preprocessing,
 * sampling, augmentation or seed is refused.
 * <p>
 * <b>Stopping</b>: after the last epoch, by early stopping, at the time limit or on request
 * ({@link TrainingListener#finishRequested()}): the epoch under way ends early and is validated,
 * recorded and checkpointed, so no trained step is lost. The time limit leaves room for that
 * (the last validation's duration). Cancelling through the {@link covidunet.Progress} stops at
 * once; the model exported so far and the last checkpoint stay.
 */
public final class Trainer {

	/** The configuration's file in the checkpoints folder. */
	public static final String CONFIG = "config.json";

	/** The training curves' file in the model directory. */
	public static final String CURVES = "training_curves.png";

	/** Training steps between progress reports. */
	private static final int REPORT_EVERY = 10;

	private final TrainingRun run;
	private final TrainingConfig config;
	private final Path dir;
	private final long startNanos = System.nanoTime();
	private final long deadlineNanos;
	private History history;
	private PlateauSchedule schedule;
	private EarlyStopping stopping;
	private double epochEndSeconds;

	private Trainer(final TrainingRun run) {
		this.run = run;
		this.config = run.config();
		this.dir = run.modelDir().toAbsolutePath().normalize();
		deadlineNanos = run.maxMinutes() > 0 ? startNanos + (long) (run.maxMinutes() * 60e9) : Long.MAX_VALUE;
	}

	/**
	 * Runs a training.
	 *
	 * @return what it produced
	 * @throws BadInputException one line naming the problem: the model folder holds a training and
	 *           resuming was not asked for, the checkpoint was made with another configuration,
	 *           the initial model does not fit, a file cannot be written
	 * @throws covidunet.CancelledException if cancelled; the model exported so far remains
	 */
	public static TrainingResult train(final TrainingRun run) {
		return new Trainer(run).train();
	}

	private TrainingResult train() {
		final Optional<Checkpoint> checkpoint = prepareFolder();
		try (TrainingGraph graph = new TrainingGraph(config.network(), config.learningRate(), run.seed(), run
			.threads()))
		{
			int completed = 0;
			schedule = config.newSchedule();
			stopping = config.newEarlyStopping();
			if (checkpoint.isPresent()) {
				final TrainingState state = checkpoint.get().state();
				if (state.seed() != run.seed()) {
					throw new BadInputException("resume: " + checkpoint.get().folder() + " was trained with seed " + state
						.seed() + ", not " + run.seed());
				}
				checkpoint.get().restore(graph.session());
				schedule.resume(state.schedule());
				stopping.resume(state.stopping());
				completed = state.epoch();
				history = History.read(dir.resolve(History.FILE_NAME)).upTo(completed);
			}
			else {
				if (run.initModel() != null) initialiseFrom(graph, run.initModel());
				history = History.create(dir.resolve(History.FILE_NAME));
			}
			return epochs(graph, completed);
		}
	}

	/**
	 * Checks and creates the model folder; the checkpoint to resume from, if any. If the folder
	 * cannot be written, what was created for it is removed again.
	 */
	private Optional<Checkpoint> prepareFolder() {
		if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
			throw new BadInputException("output " + dir + ": exists and is not a folder");
		}
		final Path configFile = dir.resolve(Checkpoints.FOLDER).resolve(CONFIG);
		if (!run.resume() && holdsTraining()) {
			throw new BadInputException("output " + dir + ": already holds a model or a training; resume it with " +
				"--resume true, or choose another folder");
		}
		if (run.resume()) ModelDirectory.recover(dir);
		final Optional<Checkpoint> latest = run.resume() ? Checkpoints.latest(dir) : Optional.empty();
		if (latest.isPresent() && Files.isRegularFile(configFile)) {
			final TrainingConfig saved = TrainingConfig.fromJson(JsonFiles.parse(configFile).getAsJsonObject());
			if (!saved.canContinueAs(config)) {
				throw new BadInputException("resume: " + dir + " was trained with another network, preprocessing, " +
					"sampling or augmentation (" + configFile + "); use the same options, or another output folder");
			}
		}
		final AddedPaths added = AddedPaths.in(dir);
		try {
			Files.createDirectories(configFile.getParent());
			AtomicFiles.writeString(configFile, JsonFiles.pretty(config.toJson()));
		}
		catch (final java.io.IOException e) {
			added.remove();
			throw new BadInputException("output " + dir + ": cannot create (" + AtomicFiles.reason(e) + ")", e);
		}
		catch (final BadInputException e) {
			added.remove();
			throw e;
		}
		return latest;
	}

	private boolean holdsTraining() {
		for (final String name : List.of(ModelDirectory.MODEL_JSON, ModelDirectory.SAVED_MODEL, Checkpoints.FOLDER,
			History.FILE_NAME))
		{
			if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) return true;
		}
		return false;
	}

	/** Loads {@code init}'s weights after checking its digest and that its architecture is this one's. */
	private void initialiseFrom(final TrainingGraph graph, final Path init) {
		final UNetConfig theirs;
		try (LoadedModel model = ModelDirectory.load(init)) {
			theirs = UNetConfig.fromJson(model.card().architecture());
		}
		final UNetConfig ours = config.network();
		if (theirs.levels() != ours.levels() || theirs.baseFilters() != ours.baseFilters() || theirs.norm() != ours
			.norm() || theirs.classes() != ours.classes())
		{
			throw new BadInputException("init_model " + init + ": its network (levels " + theirs.levels() + ", base " +
				theirs.baseFilters() + ", " + theirs.norm().key() + " norm, " + theirs.classes() + " classes) is not the " +
				"one to train (levels " + ours.levels() + ", base " + ours.baseFilters() + ", " + ours.norm().key() +
				" norm, " + ours.classes() + " classes)");
		}
		graph.initialiseFrom(init.resolve(ModelDirectory.SAVED_MODEL));
	}

	private TrainingResult epochs(final TrainingGraph graph, final int completed) {
		final List<Batch> validation = validationBatches();
		final int steps = config.iterationsPerEpoch();
		if (completed >= config.maxEpochs()) return finish(StopReason.MAX_EPOCHS);
		try (PatchProducer producer = PatchProducer.builder(run.training(), new Augmenter(config.augmentation()),
			new PatchSampler(config.sampling(), config.network().patch()), run.seed()).batchSize(config.network().batchSize())
			.iterationsPerEpoch(steps).epochs(completed, config.maxEpochs() - completed).threads(run.producerThreads())
			.progress(run.progress()).start())
		{
			for (int epoch = completed + 1; epoch <= config.maxEpochs(); epoch++) {
				final long epochStart = System.nanoTime();
				final double rate = schedule.learningRate();
				final Mean loss = new Mean(), tversky = new Mean(), crossEntropy = new Mean(), dice = new Mean();
				StopReason early = null;
				for (int step = 1; step <= steps; step++) {
					run.progress().checkCancelled();
					final TrainingGraph.Values v = graph.train(producer.next(), rate);
					loss.add(v.loss(), 1);
					tversky.add(v.tversky(), 1);
					crossEntropy.add(v.crossEntropy(), 1);
					dice.add(v.softDice(), 1);
					final double stepSeconds = (System.nanoTime() - epochStart) / 1e9 / step;
					final double left = secondsLeft(epoch, step, stepSeconds);
					run.listener().stepDone(epoch, step, steps, loss.value(), rate, left);
					if (step % REPORT_EVERY == 0 || step == steps) report(epoch, step, steps, loss.value(), rate, left);
					early = earlyEnd(stepSeconds);
					if (early != null) break;
				}
				final long validationStart = System.nanoTime();
				final Mean valLoss = new Mean(), valDice = new Mean();
				for (final Batch b : validation) {
					run.progress().checkCancelled();
					final TrainingGraph.Values v = graph.evaluate(b);
					valLoss.add(v.loss(), b.size());
					valDice.add(v.softDice(), b.size());
				}
				final History.Row row = new History.Row(epoch, rate, loss.value(), tversky.value(), crossEntropy.value(), dice
					.value(), valLoss.value(), valDice.value(), (System.nanoTime() - epochStart) / 1e9);
				final boolean improved = isBest(row);
				history.append(row);
				schedule.update(config.plateauMonitor().valueIn(row));
				final boolean stop = stopping.shouldStop(config.stoppingMonitor().valueIn(row));
				if (improved) graph.export(dir, card("training, epoch " + epoch + " of at most " + config.maxEpochs()));
				Checkpoints.save(graph.session(), dir, new TrainingState(epoch, run.seed(), schedule.state(), stopping
					.state()));
				TrainingCurves.write(history, dir.resolve(CURVES));
				epochEndSeconds = (System.nanoTime() - validationStart) / 1e9;
				run.listener().epochDone(history, improved);
				if (early != null) return finish(early);
				if (stop) return finish(StopReason.EARLY_STOPPING);
			}
		}
		return finish(StopReason.MAX_EPOCHS);
	}

	/** Whether training should end after this step: on request, or when the time left is needed to close the epoch. */
	private StopReason earlyEnd(final double stepSeconds) {
		if (run.listener().finishRequested()) return StopReason.FINISH_REQUESTED;
		final double closing = Math.max(epochEndSeconds, 2 * stepSeconds);
		if (System.nanoTime() + (long) ((stepSeconds + closing) * 1e9) > deadlineNanos) return StopReason.TIME_LIMIT;
		return null;
	}

	private double secondsLeft(final int epoch, final int step, final double stepSeconds) {
		final long stepsLeft = (long) (config.maxEpochs() - epoch) * config.iterationsPerEpoch() + config
			.iterationsPerEpoch() - step;
		final double byEpochs = stepsLeft * stepSeconds;
		if (deadlineNanos == Long.MAX_VALUE) return byEpochs;
		return Math.min(byEpochs, Math.max(0, (deadlineNanos - System.nanoTime()) / 1e9));
	}

	private void report(final int epoch, final int step, final int steps, final double loss, final double rate,
		final double secondsLeft)
	{
		run.progress().report(String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, learning rate %.0e, %s left", epoch,
			config.maxEpochs(), loss, rate, duration(secondsLeft)), step, steps);
	}

	private static String duration(final double seconds) {
		if (seconds < 90) return Math.round(seconds) + " s";
		if (seconds < 90 * 60) return Math.round(seconds / 60) + " min";
		return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
	}

	private List<Batch> validationBatches() {
		final List<Batch> batches = new ArrayList<>();
		if (run.validation().isEmpty()) return batches;
		for (int pass = 0; pass < config.validationPatchesPerCase(); pass++) {
			batches.addAll(ValidationPatches.batches(run.validation(), config.network().patch(), run.seed(), pass,
				config.network().batchSize()));
		}
		return batches;
	}

	/** Whether {@code row} beats every earlier epoch on the selection loss (and is finite). */
	private boolean isBest(final History.Row row) {
		final double value = selectionLoss(row);
		if (!Double.isFinite(value)) return false;
		return selected().map(best -> value < best.value()).orElse(true);
	}

	private double selectionLoss(final History.Row row) {
		return run.validation().isEmpty() ? row.loss() : row.valLoss();
	}

	private Optional<History.Best> selected() {
		return run.validation().isEmpty() ? history.bestTraining() : history.bestValidation();
	}

	private TrainingResult finish(final StopReason reason) {
		final Optional<History.Best> best = selected();
		if (best.isPresent() && Files.isRegularFile(dir.resolve(ModelDirectory.MODEL_JSON))) {
			ModelDirectory.rewriteCard(dir, card(reason.description()));
		}
		return new TrainingResult(dir, history, best, reason);
	}

	/** The model card of the model selected so far, with the training's provenance. */
	private ModelCard card(final String status) {
		final JsonObject training = config.trainingJson();
		training.add("sampling", config.sampling().toJson());
		for (final String key : run.provenance().keySet()) training.add(key, run.provenance().get(key).deepCopy());
		training.addProperty("seed", run.seed());
		training.addProperty("epochs_run", history.rows().size());
		training.addProperty("status", status);
		final Optional<History.Best> best = selected();
		best.ifPresent(b -> training.addProperty("selected_epoch", b.epoch()));
		training.addProperty("selection", run.validation().isEmpty() ? "lowest training loss (no validation cases)" :
			"lowest validation loss");
		history.bestValidation().ifPresent(b -> training.add("best_val_loss", best(b)));
		history.bestTraining().ifPresent(b -> training.add("best_loss", best(b)));
		if (run.initModel() != null) training.addProperty("init_model", run.initModel().toAbsolutePath().toString());
		return ModelCard.builder().architecture(config.network().toJson()).preprocessing(config.preprocessing())
			.augmentation(config.augmentation().toJson()).training(training).build();
	}

	private static JsonObject best(final History.Best b) {
		final JsonObject o = new JsonObject();
		o.addProperty("epoch", b.epoch());
		o.addProperty("value", b.value());
		return o;
	}

	/** A running mean, weighted; NaN while empty. */
	private static final class Mean {

		private double sum;
		private double weight;

		void add(final double value, final double w) {
			sum += value * w;
			weight += w;
		}

		double value() {
			return weight == 0 ? Double.NaN : sum / weight;
		}
	}
}
