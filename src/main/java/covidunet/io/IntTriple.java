package covidunet.io;

import covidunet.BadInputException;

/** Three integers written {@code X,Y,Z}, as options such as {@code --patch} and {@code --overlap} take them. */
public final class IntTriple {

	private IntTriple() {}

	/**
	 * Parses {@code X,Y,Z} (blanks around the numbers allowed).
	 *
	 * @param key the option's name, for messages
	 * @throws BadInputException {@code key: '…' must be X,Y,Z} or {@code … three integers X,Y,Z}
	 */
	public static int[] parse(final String key, final String text) {
		final String[] parts = text.split(",");
		if (parts.length != 3) throw new BadInputException(key + ": '" + text + "' must be X,Y,Z");
		final int[] values = new int[3];
		for (int i = 0; i < 3; i++) {
			try {
				values[i] = Integer.parseInt(parts[i].trim());
			}
			catch (final NumberFormatException e) {
				throw new BadInputException(key + ": '" + text + "' must be three integers X,Y,Z", e);
			}
		}
		return values;
	}
}
