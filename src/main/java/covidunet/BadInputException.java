package covidunet;

/**
 * A problem with what the user gave: a file that cannot be read as what it should be, a wrong
 * shape, an impossible parameter. The message is one line that names the file or parameter and
 * says what is wrong; the launcher prints it as {@code error: <message>} and exits with code 2.
 */
public class BadInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** @param message one line naming the file or parameter and what is wrong with it */
	public BadInputException(final String message) {
		super(message);
	}

	/**
	 * @param message one line naming the file or parameter and what is wrong with it
	 * @param cause the low-level failure, shown only with {@code --debug}
	 */
	public BadInputException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
