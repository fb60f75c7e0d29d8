/**
 * The training loss of the segmentation network, built into TensorFlow graphs: soft Tversky plus
 * categorical cross-entropy ({@link covidunet.model.loss.SegmentationLoss}), the soft Dice metric
 * ({@link covidunet.model.loss.SoftDice}) and one-hot labels ({@link covidunet.model.loss.Labels}).
 */
package covidunet.model.loss;
