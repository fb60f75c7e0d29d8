package covidunet.model.keras;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

import covidunet.BadInputException;

/**
 * What a Keras 2.x HDF5 model file (written by {@code model.save}) holds, read with a pure-Java
 * HDF5 reader: the root attribute {@code model_config} (the graph as JSON), {@code keras_version}
 * and {@code backend}, and the weights under {@code model_weights/<layer>/<weight name>}, listed
 * by the attributes {@code layer_names} and {@code weight_names} (split into {@code name0},
 * {@code name1}, … where Keras had to, as its {@code hdf5_format} does for long lists). The
 * optimizer's state is not read.
 */
final class KerasFile {

	/**
	 * One weight array of a layer.
	 *
	 * @param name its Keras name, e.g. {@code conv3d/kernel:0}
	 * @param shape its shape, in Keras' order
	 * @param values its values, C order (last axis fastest)
	 */
	record Weight(String name, int[] shape, float[] values) {

		/** The weight's last part of its name without the suffix: {@code kernel}, {@code bias}, {@code gamma}… */
		String role() {
			final String last = name.substring(name.lastIndexOf('/') + 1);
			final int colon = last.indexOf(':');
			return colon < 0 ? last : last.substring(0, colon);
		}
	}

	private static final String MODEL_CONFIG = "model_config", KERAS_VERSION = "keras_version", BACKEND = "backend",
		MODEL_WEIGHTS = "model_weights", LAYER_NAMES = "layer_names", WEIGHT_NAMES = "weight_names";

	private final Path file;
	private final JsonObject modelConfig;
	private final String kerasVersion;
	private final String backend;
	private final Map<String, List<Weight>> weights;

	private KerasFile(final Path file, final JsonObject modelConfig, final String kerasVersion, final String backend,
		final Map<String, List<Weight>> weights)
	{
		this.file = file;
		this.modelConfig = modelConfig;
		this.kerasVersion = kerasVersion;
		this.backend = backend;
		this.weights = weights;
	}

	/**
	 * Reads a Keras model file.
	 *
	 * @throws BadInputException one line naming the file if it is missing, not HDF5, truncated or
	 *           damaged, holds weights only, or is no Keras model
	 */
	static KerasFile read(final Path file) {
		if (!Files.isRegularFile(file)) {
			throw new BadInputException(file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
		}
		checkHdf5(file);
		try (HdfFile hdf = new HdfFile(file)) {
			final String config = text(hdf, MODEL_CONFIG);
			if (config == null) {
				if (hdf.getAttribute(LAYER_NAMES) != null) {
					throw new BadInputException(file + ": holds weights only (Keras save_weights), not a model; " +
						"save the model with model.save");
				}
				throw new BadInputException(file + ": an HDF5 file but not a Keras model (no '" + MODEL_CONFIG +
					"' attribute)");
			}
			final JsonObject json = parse(file, config);
			final String version = text(hdf, KERAS_VERSION);
			final String back = text(hdf, BACKEND);
			return new KerasFile(file, json, version == null ? "unknown" : version, back == null ? "unknown" : back,
				weights(file, hdf));
		}
		catch (final BadInputException e) {
			throw e;
		}
		catch (final RuntimeException | OutOfMemoryError e) {
			throw damaged(file, e);
		}
	}

	/** The file. */
	Path file() {
		return file;
	}

	/** The graph, as {@code model_config} holds it. */
	JsonObject modelConfig() {
		return modelConfig.deepCopy();
	}

	/** The Keras version that wrote the file, or {@code unknown}. */
	String kerasVersion() {
		return kerasVersion;
	}

	/** The backend that wrote the file (e.g. {@code tensorflow}), or {@code unknown}. */
	String backend() {
		return backend;
	}

	/** The weights of a layer, in the order Keras lists them; empty for a layer without weights. */
	List<Weight> weights(final String layer) {
		return weights.getOrDefault(layer, List.of());
	}

	/**
	 * Refuses a file without the HDF5 signature at its start (Keras writes no user block), and one
	 * shorter than its superblock says: HDF5 writes its end-of-file address there.
	 */
	private static void checkHdf5(final Path file) {
		final byte[] signature = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };
		try (FileChannel channel = FileChannel.open(file)) {
			final ByteBuffer start = ByteBuffer.allocate(signature.length);
			channel.read(start, 0);
			if (!Arrays.equals(start.array(), signature)) {
				throw new BadInputException(file + ": not an HDF5 file (no HDF5 signature), so not a Keras model file");
			}
			final Superblock superblock = Superblock.readSuperblock(channel, 0);
			final long end = superblock.getBaseAddressByte() + superblock.getEndOfFileAddress();
			final long size = channel.size();
			if (size < end) {
				throw new BadInputException(file + ": truncated (" + size + " of the " + end +
					" bytes its HDF5 superblock declares)");
			}
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + reason(e) + ")", e);
		}
		catch (final BadInputException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw damaged(file, e);
		}
	}

	private static JsonObject parse(final Path file, final String config) {
		try {
			final JsonElement e = JsonParser.parseString(config);
			if (!e.isJsonObject()) throw new BadInputException(file + ": '" + MODEL_CONFIG + "' is not a JSON object");
			return e.getAsJsonObject();
		}
		catch (final JsonParseException e) {
			throw new BadInputException(file + ": '" + MODEL_CONFIG + "' is not JSON (" + reason(e) + ")", e);
		}
	}

	private static Map<String, List<Weight>> weights(final Path file, final HdfFile hdf) {
		final Map<String, List<Weight>> all = new LinkedHashMap<>();
		final Node group = hdf.getChild(MODEL_WEIGHTS);
		if (group == null) return all;
		for (final String layer : texts(group, LAYER_NAMES)) {
			final List<Weight> list = new ArrayList<>();
			final Node layerGroup = hdf.getByPath(MODEL_WEIGHTS + "/" + layer);
			for (final String name : texts(layerGroup, WEIGHT_NAMES)) {
				final Node node = hdf.getByPath(MODEL_WEIGHTS + "/" + layer + "/" + name);
				if (!(node instanceof Dataset d)) {
					throw new BadInputException(file + ": weight " + layer + "/" + name + " is not an array");
				}
				list.add(new Weight(name, d.getDimensions(), floats(file, layer + "/" + name, d.getDataFlat())));
			}
			all.put(layer, List.copyOf(list));
		}
		return all;
	}

	private static float[] floats(final Path file, final String name, final Object data) {
		if (data instanceof float[] f) return f;
		if (data instanceof double[] d) {
			final float[] f = new float[d.length];
			for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
			return f;
		}
		throw new BadInputException(file + ": weight " + name + " holds " + (data == null ? "nothing" : data.getClass()
			.getSimpleName()) + ", not floating-point numbers");
	}

	/** A string attribute of the file's root, or null if there is none. */
	private static String text(final HdfFile hdf, final String name) {
		final Attribute a = hdf.getAttribute(name);
		if (a == null) return null;
		final Object data = a.getData();
		if (data instanceof String s) return s;
		if (data instanceof String[] s && s.length == 1) return s[0];
		return null;
	}

	/**
	 * A list of strings stored as one attribute, or split over {@code name0}, {@code name1}, … An
	 * absent or empty attribute is an empty list.
	 */
	private static List<String> texts(final Node node, final String name) {
		final List<String> values = new ArrayList<>();
		if (node.getAttribute(name) != null) {
			addTexts(node.getAttribute(name), values);
			return values;
		}
		for (int chunk = 0; node.getAttribute(name + chunk) != null; chunk++) {
			addTexts(node.getAttribute(name + chunk), values);
		}
		return values;
	}

	private static void addTexts(final Attribute a, final List<String> values) {
		if (a.isEmpty()) return;
		final Object data = a.getData();
		if (data instanceof String s) values.add(s);
		else if (data instanceof String[] array) values.addAll(Arrays.asList(array));
	}

	private static BadInputException damaged(final Path file, final Throwable e) {
		return new BadInputException(file + ": cannot read the HDF5 file (truncated or damaged: " + reason(e) + ")", e);
	}

	/** The first line of an exception's message, or its class where it has none. */
	static String reason(final Throwable e) {
		final String message = e.getMessage();
		if (message == null || message.isBlank()) return e.getClass().getSimpleName();
		return message.strip().lines().findFirst().orElse(e.getClass().getSimpleName());
	}
}
