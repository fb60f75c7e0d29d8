/**
 * Sliding-window inference: a volume is cut into overlapping windows of the model's size
 * ({@link covidunet.predict.WindowGrid}), the windows go to a
 * {@link covidunet.predict.WindowModel} a batch at a time, and their class probabilities are
 * blended back into one {@link covidunet.predict.ProbabilityMap} with
 * {@link covidunet.predict.ImportanceWeights} ({@link covidunet.predict.SlidingWindow}).
 * Only {@link covidunet.predict.WindowModel#tensorFlow} touches TensorFlow.
 */
package covidunet.predict;
