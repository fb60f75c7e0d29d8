/**
 * The model directory of docs/formats.md: a TensorFlow SavedModel in {@code saved_model/} and its
 * description in {@code model.json} ({@link covidunet.model.io.ModelCard}), which carries a
 * SHA-256 digest over every file of the SavedModel ({@link covidunet.model.io.SavedModelDigest}).
 * {@link covidunet.model.io.ModelDirectory} exports and loads such directories.
 */
package covidunet.model.io;
