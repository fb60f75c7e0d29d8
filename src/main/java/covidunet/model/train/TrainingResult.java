package covidunet.model.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a training produced.
 *
 * @param modelDir the model directory
 * @param history the history, every epoch including those of earlier runs that were resumed
 * @param selected the epoch whose weights were exported, and its selection loss; empty if no
 *          epoch had a finite loss (then no model was exported)
 * @param reason why the training ended
 */
public record TrainingResult(Path modelDir, History history, Optional<History.Best> selected, StopReason reason) {}
