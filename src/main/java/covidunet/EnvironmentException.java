package covidunet;

/**
 * The installation cannot do what was asked, and the user must fix it rather than the input: the
 * TensorFlow natives do not load, an old TensorFlow 1.x jar shadows the one this plugin needs, a
 * GPU was requested but none is usable. The message is one line that names the problem and what
 * to do; the launcher prints it as {@code error: <message>} and exits with code 1 (it is not bad
 * input, and not a bug either, so it carries no "internal" prefix).
 */
public class EnvironmentException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** @param message one line naming what is missing or broken and how to fix it */
	public EnvironmentException(final String message) {
		super(message);
	}

	/**
	 * @param message one line naming what is missing or broken and how to fix it
	 * @param cause the low-level failure, shown only with {@code --debug}
	 */
	public EnvironmentException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
