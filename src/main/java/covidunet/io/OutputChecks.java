package covidunet.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import covidunet.BadInputException;

/** Checks that an output never is one of the inputs: inputs are never modified. */
public final class OutputChecks {

	private OutputChecks() {}

	/**
	 * Refuses an output that names the same file or folder as an input, links resolved.
	 *
	 * @param output the output file or folder
	 * @param role what the input is, for the message (e.g. {@code "dataset"})
	 * @param input the input file or folder
	 * @throws BadInputException {@code output <output>: is the <role>; …} if they are the same
	 */
	public static void notInput(final Path output, final String role, final Path input) {
		if (resolved(output).equals(resolved(input))) {
			throw new BadInputException("output " + output + ": is the " + role + "; choose another (inputs are never " +
				"modified)");
		}
	}

	/**
	 * The real path of the nearest existing ancestor with the rest appended, normalised: the same
	 * for two names of one file or folder, whether it exists or not.
	 */
	public static Path resolved(final Path path) {
		Path existing = path.toAbsolutePath().normalize();
		Path rest = Paths.get("");
		while (existing.getParent() != null && !Files.exists(existing)) {
			rest = existing.getFileName().resolve(rest);
			existing = existing.getParent();
		}
		try {
			return existing.toRealPath().resolve(rest).normalize();
		}
		catch (final IOException e) {
			return existing.resolve(rest).normalize();
		}
	}
}
