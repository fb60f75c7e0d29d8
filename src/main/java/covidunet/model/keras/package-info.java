/**
 * Keras 2.x HDF5 model files as model directories: {@link covidunet.model.keras.KerasImport}
 * reads a file written by {@code model.save} (its {@code model_config} graph and its weights, with
 * a pure-Java HDF5 reader), rebuilds the network layer by layer in TensorFlow from the file's own
 * graph, and exports it with the published MIScnn pipeline's inference recipe in
 * {@code model.json}. The layers a 3-D U-Net uses are rebuilt; any other is refused by name.
 */
package covidunet.model.keras;
