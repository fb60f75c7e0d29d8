/**
 * The trainer's bookkeeping: the learning-rate schedule, early stopping, the per-epoch history
 * and the atomic checkpoints a training resumes from.
 */
package covidunet.model.train;
