package covidunet;

/**
 * The user asked long work to stop (see {@link Progress#checkCancelled()}). Work that ends this
 * way leaves no partial output behind.
 */
public class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** @param message one line saying what was cancelled */
	public CancelledException(final String message) {
		super(message);
	}
}
