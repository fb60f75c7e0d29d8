package covidunet.model;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Facts from the TensorFlow runtime itself. Every method loads the TensorFlow natives (a few
 * seconds the first time, when JavaCPP unpacks them into its cache); a failure to load shows as a
 * {@link LinkageError}.
 */
public final class TensorFlowRuntime {

	private TensorFlowRuntime() {}

	/** The version of the TensorFlow C library, e.g. {@code 2.18.0}. */
	public static String version() {
		return TensorFlow.version();
	}

	/** The version of the TensorFlow Java API jar, e.g. {@code 1.1.0}, or {@code null}. */
	public static String javaApiVersion() {
		try (InputStream in = TensorFlow.class.getResourceAsStream(
			"/META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties"))
		{
			if (in == null) return null;
			final Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (final IOException exc) {
			return null;
		}
	}

	/**
	 * The folder the TensorFlow natives were loaded from (JavaCPP's cache, or the library path),
	 * or {@code null} if JavaCPP does not say.
	 */
	public static Path nativesFolder() {
		version();
		for (final Map.Entry<String, String> lib : Loader.getLoadedLibraries().entrySet()) {
			if (lib.getKey().startsWith("jnitensorflow") && lib.getValue() != null) {
				return Path.of(lib.getValue()).getParent();
			}
		}
		return null;
	}

	/**
	 * The devices a session uses, as TensorFlow lists them for a new session with the default
	 * configuration (GPU memory grows on demand, so listing does not reserve it).
	 */
	public static List<DeviceInfo> devices() {
		version();
		final byte[] config = ConfigProto.newBuilder()
			.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true)).build().toByteArray();
		try (PointerScope scope = new PointerScope()) {
			final TF_Status status = TF_Status.newStatus();
			final TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
			TF_SetConfig(options, new BytePointer(config), config.length, status);
			status.throwExceptionIfNotOK();
			final TF_Session session = TF_Session.newSession(TF_Graph.newGraph(), options, status);
			status.throwExceptionIfNotOK();
			final TF_DeviceList list = TF_SessionListDevices(session, status);
			status.throwExceptionIfNotOK();
			try {
				final List<DeviceInfo> devices = new ArrayList<>();
				for (int i = 0; i < TF_DeviceListCount(list); i++) {
					devices.add(new DeviceInfo(TF_DeviceListName(list, i, status).getString(),
						TF_DeviceListType(list, i, status).getString(),
						TF_DeviceListMemoryBytes(list, i, status)));
					status.throwExceptionIfNotOK();
				}
				return devices;
			}
			finally {
				TF_DeleteDeviceList(list);
			}
		}
	}
}
