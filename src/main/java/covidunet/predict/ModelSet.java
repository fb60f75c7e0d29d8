package covidunet.predict;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;
import covidunet.io.Sha256;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;

/**
 * The models a segmentation uses: one model directory, or a folder of {@code fold_k} model
 * directories whose softmax outputs are averaged (an ensemble). The members must agree on the
 * classes, the preprocessing and the patch size. Closing the set closes every model.
 */
public final class ModelSet implements AutoCloseable {

	private static final Pattern FOLD = Pattern.compile("fold_([0-9]{1,4})");

	private final Path dir;
	private final List<LoadedModel> models;
	private final String digest;

	private ModelSet(final Path dir, final List<LoadedModel> models) {
		this.dir = dir;
		this.models = List.copyOf(models);
		if (models.size() == 1) {
			digest = models.get(0).digest();
		}
		else {
			final StringBuilder digests = new StringBuilder("covid-unet ensemble");
			for (final LoadedModel m : models) digests.append('\n').append(m.digest());
			digest = Sha256.ofText(digests.toString());
		}
	}

	/**
	 * Loads a model directory, or every {@code fold_k} model directory of a folder (in fold order).
	 *
	 * @param threads TensorFlow's intra-op threads per model, or 0 for its default
	 * @throws BadInputException one line naming the folder or the member that is wrong
	 */
	public static ModelSet load(final Path dir, final int threads) {
		final Path root = dir.toAbsolutePath().normalize();
		if (Files.isDirectory(root) && !Files.exists(root.resolve(ModelDirectory.MODEL_JSON))) {
			final List<Path> folds = folds(root);
			if (!folds.isEmpty()) return loadAll(root, folds, threads);
		}
		return loadAll(root, List.of(root), threads);
	}

	private static ModelSet loadAll(final Path root, final List<Path> dirs, final int threads) {
		final List<LoadedModel> loaded = new ArrayList<>();
		try {
			for (final Path d : dirs) loaded.add(ModelDirectory.load(d, threads));
			final ModelCard first = loaded.get(0).card();
			for (final LoadedModel m : loaded) {
				final ModelCard card = m.card();
				if (!card.classes().equals(first.classes()) || !card.preprocessing().equals(first.preprocessing()) ||
					!Arrays.equals(card.patchSize(), first.patchSize()))
				{
					throw new BadInputException("model " + root + ": " + m.dir().getFileName() + " differs from " + loaded
						.get(0).dir().getFileName() + " in its classes, preprocessing or patch size; an ensemble needs " +
						"them equal");
				}
			}
			return new ModelSet(root, loaded);
		}
		catch (final RuntimeException e) {
			loaded.forEach(LoadedModel::close);
			throw e;
		}
	}

	private static List<Path> folds(final Path root) {
		final List<Path> found = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
			for (final Path p : entries) {
				if (Files.isDirectory(p) && FOLD.matcher(p.getFileName().toString()).matches()) found.add(p);
			}
		}
		catch (final IOException e) {
			throw new BadInputException("model " + root + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
		found.sort(Comparator.comparingInt(ModelSet::foldIndex));
		return found;
	}

	private static int foldIndex(final Path p) {
		final Matcher m = FOLD.matcher(p.getFileName().toString());
		return m.matches() ? Integer.parseInt(m.group(1)) : -1;
	}

	/** The folder given. */
	public Path dir() {
		return dir;
	}

	/** The models, in fold order. */
	public List<LoadedModel> models() {
		return models;
	}

	/** The first model's card (the members agree on classes, preprocessing and patch). */
	public ModelCard card() {
		return models.get(0).card();
	}

	/**
	 * The set's SHA-256: the model's SavedModel digest, or for an ensemble the SHA-256 of
	 * "covid-unet ensemble" and the members' digests, one per line, in fold order.
	 */
	public String digest() {
		return digest;
	}

	@Override
	public void close() {
		models.forEach(LoadedModel::close);
	}
}
