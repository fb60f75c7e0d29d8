package covidunet.model.keras;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

import com.google.gson.JsonObject;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.io.Sha256;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.preprocess.PreprocessConfig;
import covidunet.preprocess.Reorientation;

/**
 * Imports a Keras 2.x HDF5 model file (written by {@code model.save}) as an ordinary model
 * directory: the graph is rebuilt in TensorFlow from the file's own {@code model_config}
 * ({@link KerasLayers} lists the layers it rebuilds; any other is refused), its weights loaded,
 * and the result exported with a {@code model.json} whose inference recipe reproduces the
 * published MIScnn pipeline ({@link #PUBLISHED_PREPROCESSING}, windows of
 * {@value #WINDOW_X} × {@value #WINDOW_Y} × {@value #WINDOW_Z} overlapping by 80 × 80 × 30,
 * plainly averaged) and whose training provenance records where the file came from.
 */
public final class KerasImport {

	/**
	 * The published pipeline's preprocessing: clip to −1250…250 HU, min–max to 0–255, resample
	 * to 1.58 × 1.58 × 2.70 mm (cubic), z-score; the voxel axes as stored (MIScnn did not
	 * reorient) and 0–255 images taken as they are (MIScnn only clipped them).
	 */
	public static final PreprocessConfig PUBLISHED_PREPROCESSING = PreprocessConfig.REFERENCE.toBuilder().orientation(
		Reorientation.AS_STORED).mapBack0255(false).build();

	/** The published pipeline's window, x, y, z. */
	public static final int WINDOW_X = 160, WINDOW_Y = 160, WINDOW_Z = 80;

	/** The published pipeline's blending of overlapping windows: their plain mean. */
	public static final String BLENDING = "average";

	/**
	 * Where an imported file came from, recorded in the card's training provenance.
	 *
	 * @param record the Zenodo record id, or null
	 * @param fold the cross-validation fold, or null
	 * @param url where the file was downloaded from, or null
	 */
	public record Origin(String record, Integer fold, String url) {

		/** Nothing known beyond the file itself. */
		public static final Origin NONE = new Origin(null, null, null);
	}

	private KerasImport() {}

	/** Whether a model card's {@code architecture} is that of a model this importer made. */
	public static boolean isImported(final JsonObject architecture) {
		return architecture.has("type") && architecture.get("type").isJsonPrimitive() && KerasSummary.TYPE.equals(
			architecture.get("type").getAsString());
	}

	/**
	 * Imports {@code hdf5} into the model directory {@code output}, which must not hold a model.
	 *
	 * @return the card written
	 * @throws BadInputException one line naming the file (and the layer) if it is not a Keras
	 *           model this importer supports, or naming the output if it holds a model or cannot
	 *           be written; nothing is left behind
	 * @throws covidunet.CancelledException if cancelled; nothing is left behind
	 */
	public static ModelCard importFile(final Path hdf5, final Path output, final Origin origin,
		final Progress progress)
	{
		final Path file = hdf5.toAbsolutePath().normalize();
		progress.report("reading " + file.getFileName(), 0, 1);
		final KerasFile keras = KerasFile.read(file);
		final String sha256 = sha256(file, progress);
		progress.checkCancelled();
		try (KerasNetwork net = rebuild(keras, progress)) {
			progress.checkCancelled();
			final int[] window = window(net.summary());
			probe(keras, net, window);
			final ModelCard card = ModelCard.builder().architecture(net.summary().toJson(window)).classes(classes(keras,
				net.summary().classes())).preprocessing(PUBLISHED_PREPROCESSING).overlap(overlap(window))
				.blending(BLENDING).training(provenance(keras, sha256, origin)).build();
			progress.report("writing the model directory " + output, 0, 1);
			return ModelDirectory.export(output, net.session(), net.input(), net.probs(), card, false);
		}
	}

	/**
	 * The file's network; a configuration that breaks the rebuilding in a way the checks did not
	 * name (a value of an unexpected JSON type, tensors TensorFlow cannot combine) is refused in
	 * one line naming the file.
	 */
	private static KerasNetwork rebuild(final KerasFile keras, final Progress progress) {
		try {
			return KerasNetwork.build(keras, 0, progress);
		}
		catch (final BadInputException | CancelledException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw new BadInputException(keras.file() + ": cannot rebuild the model from its model_config (" + KerasFile
				.reason(e) + ")", e);
		}
	}

	/** The published window, each side rounded up to a multiple of what the network divides by. */
	static int[] window(final KerasSummary summary) {
		final int[] published = { WINDOW_X, WINDOW_Y, WINDOW_Z };
		final int[] d = summary.divisor();
		final int[] w = new int[3];
		for (int a = 0; a < 3; a++) w[a] = (published[a] + d[a] - 1) / d[a] * d[a];
		return w;
	}

	/** The published overlap (80, 80, 30) for the published window, else the project's default. */
	private static int[] overlap(final int[] window) {
		if (Arrays.equals(window, new int[] { WINDOW_X, WINDOW_Y, WINDOW_Z })) return new int[] { 80, 80, 30 };
		return ModelCard.defaultOverlap(window);
	}

	private static List<String> classes(final KerasFile keras, final int count) {
		if (count == ModelCard.CLASSES.size()) return ModelCard.CLASSES;
		if (count < 2) {
			throw new BadInputException(keras.file() + ": the model has " + count +
				" output channel; a segmentation needs 2 or more");
		}
		return IntStream.range(0, count).mapToObj(c -> "class_" + c).toList();
	}

	/**
	 * Runs the network once on a small window of zeros, so that a graph TensorFlow cannot run, or
	 * whose output is not a softmax over the input's voxels, is refused at import and not when
	 * segmenting.
	 */
	private static void probe(final KerasFile keras, final KerasNetwork net, final int[] window) {
		final int[] d = net.summary().divisor();
		final int[] size = { Math.min(window[0], 2 * d[0]), Math.min(window[1], 2 * d[1]), Math.min(window[2], 2 * d[2]) };
		final Shape in = Shape.of(1, size[2], size[1], size[0], 1);
		final Shape expected = Shape.of(1, size[2], size[1], size[0], net.summary().classes());
		try (TFloat32 out = net.run(new float[Math.toIntExact(in.size())], in)) {
			if (!out.shape().equals(expected)) {
				throw new BadInputException(keras.file() + ": for an input of " + size[0] + " × " + size[1] + " × " + size[2] +
					" voxels the model returns " + out.shape() + ", not one value per voxel and class " + expected +
					" (z, y, x order); it cannot segment");
			}
		}
		catch (final TensorFlowException e) {
			throw new BadInputException(keras.file() + ": TensorFlow cannot run the rebuilt model on " + size[0] + " × " +
				size[1] + " × " + size[2] + " voxels (" + KerasFile.reason(e) + ")", e);
		}
	}

	private static JsonObject provenance(final KerasFile keras, final String sha256, final Origin origin) {
		final JsonObject from = new JsonObject();
		from.addProperty("format", "Keras HDF5");
		from.addProperty("file", keras.file().getFileName().toString());
		from.addProperty("sha256", sha256);
		from.addProperty("keras_version", keras.kerasVersion());
		from.addProperty("backend", keras.backend());
		if (origin.record() != null) from.addProperty("record", "zenodo:" + origin.record());
		if (origin.fold() != null) from.addProperty("fold", origin.fold());
		if (origin.url() != null) from.addProperty("url", origin.url());
		final JsonObject training = new JsonObject();
		training.add("imported_from", from);
		training.addProperty("recipe", "the published MIScnn pipeline: clip -1250..250 HU, min-max to 0..255, " +
			"resample to 1.58 x 1.58 x 2.70 mm (cubic), z-score, voxel axes as stored, " + WINDOW_X + " x " + WINDOW_Y +
			" x " + WINDOW_Z + " windows overlapping by 80 x 80 x 30, plain average");
		return training;
	}

	private static String sha256(final Path file, final Progress progress) {
		try {
			return Sha256.of(file, "checksum of " + file.getFileName(), progress);
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
		}
	}
}
