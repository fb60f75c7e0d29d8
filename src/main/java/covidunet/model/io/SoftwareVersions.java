package covidunet.model.io;

import java.util.Objects;

import org.tensorflow.TensorFlow;

import com.google.gson.JsonObject;

/**
 * The versions of the software that exported a model, recorded in {@code model.json} as
 * {@code "software": {"covid_unet": …, "tensorflow": …, "java": …}}.
 *
 * @param covidUnet this project's version, from the jar manifest ({@code "development"} when
 *          run from classes rather than a jar)
 * @param tensorflow the TensorFlow runtime's version
 * @param java the Java runtime's version
 */
public record SoftwareVersions(String covidUnet, String tensorflow, String java) {

	static final String COVID_UNET = "covid_unet", TENSORFLOW = "tensorflow", JAVA = "java";

	/** Refuses null components. */
	public SoftwareVersions {
		Objects.requireNonNull(covidUnet, "covidUnet");
		Objects.requireNonNull(tensorflow, "tensorflow");
		Objects.requireNonNull(java, "java");
	}

	/** The versions running now (loads the TensorFlow natives). */
	public static SoftwareVersions current() {
		final String version = SoftwareVersions.class.getPackage().getImplementationVersion();
		return new SoftwareVersions(version != null ? version : "development", TensorFlow.version(),
			System.getProperty("java.version"));
	}

	/** The JSON form. */
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty(COVID_UNET, covidUnet);
		o.addProperty(TENSORFLOW, tensorflow);
		o.addProperty(JAVA, java);
		return o;
	}
}
