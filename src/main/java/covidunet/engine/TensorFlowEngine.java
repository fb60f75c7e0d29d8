package covidunet.engine;

import java.util.Locale;

import covidunet.BadInputException;

/**
 * Where a command's TensorFlow work runs. TensorFlow Java 1.1, its natives and protobuf 4 share
 * the package names of TensorFlow 1.15 and protobuf 3, which CSBDeep, StarDist, N2V and DenoiSeg
 * put on Fiji's class path; so in Fiji they are not on the class path at all, and the work runs in
 * a child JVM ({@link ChildEngine}) whose class path is the plugin jar and the engine folder. Where
 * TensorFlow Java is on the plugin's own class path (the launcher, the cluster scripts, the tests)
 * it runs in this JVM, as before.
 * <p>
 * The system property {@value #MODE_PROPERTY} overrides the choice: {@code auto} (the default),
 * {@code inline} (this JVM) or {@code child}.
 * </p>
 */
public final class TensorFlowEngine {

	/** The system property that chooses the engine: {@code auto}, {@code inline} or {@code child}. */
	public static final String MODE_PROPERTY = "covidunet.engine";

	/** A class of TensorFlow Java 1.x (through JavaCPP) that TensorFlow 1.15's jars do not have. */
	static final String TENSORFLOW_JAVA_CLASS = "org.tensorflow.internal.c_api.global.tensorflow";

	private TensorFlowEngine() {}

	/** Whether TensorFlow work runs in a child JVM rather than in this one. */
	public static boolean isolated() {
		final String mode = System.getProperty(MODE_PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
		switch (mode) {
			case "inline":
				return false;
			case "child":
				return true;
			case "auto":
			case "":
				return !visible(TensorFlowEngine.class.getClassLoader());
			default:
				throw new BadInputException("system property " + MODE_PROPERTY + "=" + mode +
					": not auto, inline or child");
		}
	}

	/** Whether TensorFlow Java 1.x can be loaded through {@code loader} (without loading it). */
	static boolean visible(final ClassLoader loader) {
		return loader != null && loader.getResource(TENSORFLOW_JAVA_CLASS.replace('.', '/') + ".class") != null;
	}
}
