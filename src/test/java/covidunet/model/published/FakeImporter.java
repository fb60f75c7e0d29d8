package covidunet.model.published;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.keras.KerasImport;

/**
 * An importer for the transport tests: a "model file" is any text; its model directory holds a
 * {@code model.json} with that text. A text starting with {@code bad}, or one of {@link #refused},
 * is refused, as the real importer refuses a file that is no Keras model; a {@link Progress} that
 * is cancelled cancels.
 */
final class FakeImporter implements FoldImporter {

	/** One import. */
	record Call(String content, Path output, KerasImport.Origin origin) {}

	final List<Call> calls = new ArrayList<>();

	/** Contents refused besides those starting with {@code bad}. */
	final Set<String> refused = new HashSet<>();

	@Override
	public ModelCard importFile(final Path hdf5, final Path output, final KerasImport.Origin origin,
		final Progress progress)
	{
		progress.checkCancelled();
		try {
			final String content = Files.readString(hdf5, StandardCharsets.UTF_8);
			calls.add(new Call(content, output, origin));
			if (content.startsWith("bad") || refused.contains(content)) {
				throw new BadInputException(hdf5 + ": not a Keras model file (fake)");
			}
			Files.createDirectories(output);
			Files.writeString(output.resolve(ModelDirectory.MODEL_JSON), "{\"fake\": \"" + content + "\"}");
			return null;
		}
		catch (final IOException exc) {
			throw new UncheckedIOException(exc);
		}
	}

	/** The contents imported, in order. */
	List<String> contents() {
		return calls.stream().map(Call::content).toList();
	}
}
