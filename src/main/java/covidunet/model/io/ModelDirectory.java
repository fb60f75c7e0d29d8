package covidunet.model.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.types.TFloat32;

import com.google.protobuf.CodedOutputStream;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;
import covidunet.io.FileTrees;
import covidunet.model.SessionThreads;

/**
 * Exports and loads model directories (docs/formats.md, Model directory): {@value #MODEL_JSON} and
 * {@value #SAVED_MODEL}{@code /}, beside which the trainer keeps {@code checkpoints/},
 * {@code history.tsv} and curves. The SavedModel has one signature, {@value #SIGNATURE}, with
 * input {@value #INPUT} (float32, NDHWC) and output {@value #OUTPUT} (the softmax, NDHWC).
 * <p>
 * Export never leaves a half-written model where a complete one is expected: a new directory is
 * assembled in a hidden folder beside the target and renamed into place; in an existing
 * directory the new SavedModel is written to a hidden folder inside it, then swapped in by
 * renaming folders, and {@code model.json} is replaced atomically last. Should the process die
 * between those renames, {@link #load} refuses the directory (a missing {@code saved_model} or a
 * digest mismatch) rather than use a mixture, and {@link #recover} (which a resumed training calls,
 * and every export does first) puts back the SavedModel the card describes and removes the
 * leftovers. One export at a time per directory.
 */
public final class ModelDirectory {

	/** The model card's file name. */
	public static final String MODEL_JSON = "model.json";

	/** The SavedModel's folder name. */
	public static final String SAVED_MODEL = "saved_model";

	/** The SavedModel signature's key. */
	public static final String SIGNATURE = "serving_default";

	/** The signature's input name. */
	public static final String INPUT = "x";

	/** The signature's output name. */
	public static final String OUTPUT = "probs";

	private static final String GRAPH_FILE = "saved_model.pb";

	private static final String STAGED = "." + SAVED_MODEL + ".export-", OLD = "." + SAVED_MODEL + ".old-";

	private ModelDirectory() {}

	/**
	 * Exports a model: the SavedModel of {@code session} with the signature {@code x → probs}, and
	 * {@code card} with the SavedModel's digest as {@code model.json}. A directory that does not
	 * exist is created (with its parents); an existing one may hold anything but a model
	 * (e.g. the trainer's {@code checkpoints/}), or a model if {@code overwrite}; what else it
	 * holds is kept.
	 *
	 * @param dir the model directory
	 * @param session the session holding the trained variables
	 * @param x the input, float32 NDHWC
	 * @param probs the softmax output, float32 NDHWC
	 * @param card the model's description; its digest, if any, is replaced
	 * @param overwrite whether a model already in {@code dir} may be replaced
	 * @return the card as written, with the digest
	 * @throws BadInputException one line naming the directory if it is a file, already holds a
	 *           model and {@code overwrite} is false, or cannot be written
	 */
	public static ModelCard export(final Path dir, final Session session, final Operand<TFloat32> x,
		final Operand<TFloat32> probs, final ModelCard card, final boolean overwrite)
	{
		Objects.requireNonNull(session, "session");
		Objects.requireNonNull(card, "card");
		final Path target = dir.toAbsolutePath().normalize();
		final SessionFunction function = SessionFunction.create(Signature.builder().key(SIGNATURE).input(INPUT, x)
			.output(OUTPUT, probs).build(), session);
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target)) {
			throw new BadInputException("model " + target + ": exists and is not a folder");
		}
		if (!Files.isDirectory(target)) return exportNew(target, function, card);
		if (!overwrite && holdsModel(target)) {
			throw new BadInputException("model " + target + ": already holds a model (" + MODEL_JSON + " or " +
				SAVED_MODEL + "/); choose another folder or allow overwriting");
		}
		return exportInto(target, function, card);
	}

	/**
	 * Loads a model directory: reads {@code model.json}, checks the SavedModel against its digest,
	 * and loads the SavedModel.
	 *
	 * @return the model, to be closed by the caller
	 * @throws BadInputException one line naming what is missing or wrong: the directory,
	 *           {@code model.json} (missing, not a card, newer format), {@code saved_model/}
	 *           (missing, altered or incomplete, not loadable)
	 */
	public static LoadedModel load(final Path dir) {
		return load(dir, 0);
	}

	/**
	 * Loads a model directory as {@link #load(Path)}, its session limited to {@code threads}
	 * TensorFlow intra-op threads (0: TensorFlow's default).
	 */
	public static LoadedModel load(final Path dir, final int threads) {
		final Path root = dir.toAbsolutePath().normalize();
		if (!Files.exists(root)) throw new BadInputException("model " + root + ": no such folder");
		if (!Files.isDirectory(root)) throw new BadInputException("model " + root + ": not a folder");
		final Path json = root.resolve(MODEL_JSON);
		if (!Files.isRegularFile(json)) {
			throw new BadInputException("model " + root + ": no " + MODEL_JSON + " (not a model directory, or its export did not finish)");
		}
		final ModelCard card = ModelCard.read(json);
		final Path savedModel = root.resolve(SAVED_MODEL);
		if (!Files.isDirectory(savedModel)) {
			throw new BadInputException("model " + root + ": no " + SAVED_MODEL + "/ folder (incomplete model directory)");
		}
		final String digest = SavedModelDigest.of(savedModel);
		if (!digest.equals(card.savedModelSha256().orElseThrow())) {
			throw new BadInputException("model " + root + ": " + SAVED_MODEL + " does not match the digest in " +
				MODEL_JSON + " (altered or incomplete)");
		}
		final SavedModelBundle bundle;
		try {
			final SavedModelBundle.Loader loader = SavedModelBundle.loader(savedModel.toString()).withTags(
				SavedModelBundle.DEFAULT_TAG);
			if (threads > 0) loader.withConfigProto(SessionThreads.config(threads));
			bundle = loader.load();
		}
		catch (final TensorFlowException e) {
			throw new BadInputException("model " + root + ": TensorFlow cannot load " + SAVED_MODEL + " (" +
				firstLine(e.getMessage()) + ")", e);
		}
		try {
			return new LoadedModel(root, bundle, card, digest);
		}
		catch (final RuntimeException e) {
			bundle.close();
			throw e;
		}
	}

	/**
	 * Replaces the card of an exported model (e.g. to record how its training ended) without
	 * touching the SavedModel: the new card gets the SavedModel's digest, after checking that the
	 * SavedModel still matches the digest of the card it replaces. Atomic.
	 *
	 * @return the card as written
	 * @throws BadInputException one line naming the directory if it holds no complete model or
	 *           cannot be written
	 */
	public static ModelCard rewriteCard(final Path dir, final ModelCard card) {
		final Path root = dir.toAbsolutePath().normalize();
		final Path json = root.resolve(MODEL_JSON);
		if (!Files.isRegularFile(json)) throw new BadInputException("model " + root + ": no " + MODEL_JSON);
		final String digest = SavedModelDigest.of(root.resolve(SAVED_MODEL));
		if (!digest.equals(ModelCard.read(json).savedModelSha256().orElseThrow())) {
			throw new BadInputException("model " + root + ": " + SAVED_MODEL + " does not match the digest in " +
				MODEL_JSON + " (altered or incomplete)");
		}
		final ModelCard written = card.withSavedModelSha256(digest);
		written.write(json);
		return written;
	}

	private static boolean holdsModel(final Path dir) {
		return Files.exists(dir.resolve(MODEL_JSON), LinkOption.NOFOLLOW_LINKS) ||
			Files.exists(dir.resolve(SAVED_MODEL), LinkOption.NOFOLLOW_LINKS);
	}

	private static ModelCard exportNew(final Path dir, final SessionFunction function, final ModelCard card) {
		final Path staging = dir.resolveSibling("." + dir.getFileName() + ".export-" + AtomicFiles.randomSuffix());
		try {
			Files.createDirectories(dir.getParent());
			Files.createDirectory(staging);
			final ModelCard written = card.withSavedModelSha256(saveModel(function, staging.resolve(SAVED_MODEL)));
			written.write(staging.resolve(MODEL_JSON));
			Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
			return written;
		}
		catch (final IOException e) {
			throw cannotWrite(dir, e);
		}
		finally {
			deleteQuietly(staging);
		}
	}

	private static ModelCard exportInto(final Path dir, final SessionFunction function, final ModelCard card) {
		final String suffix = AtomicFiles.randomSuffix();
		final Path staged = dir.resolve(STAGED + suffix), old = dir.resolve(OLD + suffix);
		final Path current = dir.resolve(SAVED_MODEL);
		try {
			recover(dir);
			final ModelCard written = card.withSavedModelSha256(saveModel(function, staged));
			final boolean replacing = Files.exists(current, LinkOption.NOFOLLOW_LINKS);
			if (replacing) Files.move(current, old, StandardCopyOption.ATOMIC_MOVE);
			try {
				Files.move(staged, current, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final IOException e) {
				if (replacing) Files.move(old, current, StandardCopyOption.ATOMIC_MOVE);
				throw e;
			}
			written.write(dir.resolve(MODEL_JSON));
			FileTrees.delete(old);
			return written;
		}
		catch (final IOException e) {
			throw cannotWrite(dir, e);
		}
		finally {
			deleteQuietly(staged);
		}
	}

	/**
	 * Writes the SavedModel to {@code folder}, which must not exist, and returns its digest. The
	 * graph file is rewritten with deterministic protobuf serialisation (map entries sorted by
	 * key): TensorFlow writes node attributes in hash order, which differs between exports of the
	 * same graph, and the digest should identify the model, not the export.
	 */
	private static String saveModel(final SessionFunction function, final Path folder) throws IOException {
		SavedModelBundle.exporter(folder.toString()).withFunction(function).export();
		final Path graph = folder.resolve(GRAPH_FILE);
		if (!Files.isRegularFile(graph)) throw new IOException("TensorFlow wrote no " + GRAPH_FILE + " to " + folder);
		final SavedModel model = SavedModel.parseFrom(Files.readAllBytes(graph));
		final byte[] bytes = new byte[model.getSerializedSize()];
		final CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		out.useDeterministicSerialization();
		model.writeTo(out);
		out.checkNoSpaceLeft();
		Files.write(graph, bytes);
		return SavedModelDigest.of(folder);
	}

	/**
	 * Repairs what an interrupted export left in a model directory (the process died between its
	 * renames): if {@code saved_model/} is missing or does not match the card's digest while the
	 * SavedModel the export had set aside does, that one is put back (the one it replaced, if any,
	 * moved aside first); then the hidden leftovers of exports are deleted. A directory without
	 * leftovers is not touched.
	 *
	 * @throws BadInputException naming the directory if it cannot be read or repaired
	 */
	public static void recover(final Path dir) {
		final Path root = dir.toAbsolutePath().normalize();
		try {
			final List<Path> leftovers = leftovers(root);
			if (leftovers.isEmpty()) return;
			restoreSetAside(root, leftovers);
			for (final Path entry : leftovers(root)) FileTrees.delete(entry);
		}
		catch (final IOException e) {
			throw cannotWrite(root, e);
		}
	}

	private static void restoreSetAside(final Path root, final List<Path> leftovers) throws IOException {
		final Path json = root.resolve(MODEL_JSON);
		if (!Files.isRegularFile(json)) return;
		final String described = ModelCard.read(json).savedModelSha256().orElse("");
		final Path current = root.resolve(SAVED_MODEL);
		if (Files.isDirectory(current) && SavedModelDigest.of(current).equals(described)) return;
		for (final Path aside : leftovers) {
			if (aside.getFileName().toString().startsWith(OLD) && SavedModelDigest.of(aside).equals(described)) {
				if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
					final Path mismatched = root.resolve(STAGED + AtomicFiles.randomSuffix());
					Files.move(current, mismatched, StandardCopyOption.ATOMIC_MOVE);
				}
				Files.move(aside, current, StandardCopyOption.ATOMIC_MOVE);
				return;
			}
		}
	}

	private static List<Path> leftovers(final Path dir) throws IOException {
		final List<Path> found = new ArrayList<>();
		if (!Files.isDirectory(dir)) return found;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, e -> {
			final String name = e.getFileName().toString();
			return name.startsWith(STAGED) || name.startsWith(OLD);
		}))
		{
			for (final Path entry : entries) found.add(entry);
		}
		return found;
	}

	private static void deleteQuietly(final Path folder) {
		try {
			FileTrees.delete(folder);
		}
		catch (final IOException e) {
			// The export's own outcome is what to report; a hidden leftover is removed next time.
		}
	}

	private static BadInputException cannotWrite(final Path dir, final IOException e) {
		return new BadInputException("model " + dir + ": cannot write (" + firstLine(AtomicFiles.reason(e)) + ")", e);
	}

	private static String firstLine(final String message) {
		if (message == null) return "no reason given";
		return message.strip().lines().findFirst().orElse("no reason given");
	}
}
