/**
 * The bridge between the pipeline's images (ImgLib2 volumes, training batches) and TensorFlow
 * tensors in NDHWC order: {@link covidunet.model.tensor.ImageTensors}. It replaces
 * imagej-tensorflow, which Fiji plugins used for this but which works only with TensorFlow 1.x and
 * is not on Maven Central.
 */
package covidunet.model.tensor;
