package covidunet.model;

/**
 * A device as TensorFlow lists it for a session.
 *
 * @param name the full name, e.g. {@code /job:localhost/replica:0/task:0/device:GPU:0}
 * @param type {@code CPU}, {@code GPU}, …
 * @param memoryBytes the memory TensorFlow may use on it (meaningless for a CPU)
 */
public record DeviceInfo(String name, String type, long memoryBytes) {

	/** The name without its job and task, e.g. {@code GPU:0}. */
	public String shortName() {
		final int at = name.lastIndexOf("device:");
		return at < 0 ? name : name.substring(at + "device:".length());
	}

	/** Whether this is a GPU. */
	public boolean isGpu() {
		return "GPU".equals(type);
	}
}
