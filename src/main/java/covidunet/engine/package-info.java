/**
 * Where the TensorFlow work of a command runs. In Fiji, TensorFlow Java 1.1, its natives and
 * protobuf 4 are not on the class path (CSBDeep, StarDist and N2V put TensorFlow 1.15 and
 * protobuf 3 there): {@link covidunet.engine.ChildEngine} runs the command in a child JVM whose
 * class path is the plugin jar and the engine folder, passing progress, training events, cancel
 * and finish requests, text outputs and one-line errors back and forth
 * ({@link covidunet.engine.EngineMessages}); the launcher, the cluster scripts and the tests keep
 * TensorFlow in their own JVM ({@link covidunet.engine.TensorFlowEngine}).
 */
package covidunet.engine;
