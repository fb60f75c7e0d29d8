package covidunet.model.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;

/**
 * A Keras model's graph as its {@code model_config} describes it: the layers in an order where
 * every layer comes after the layers it takes inputs from, the one input layer and the one output
 * layer. Functional models ({@code Functional}, or {@code Model} before Keras 2.4) are followed
 * through each layer's {@code inbound_nodes}; a {@code Sequential} model is a chain.
 *
 * @param modelClass the model's Keras class
 * @param layers the layers, inputs before the layers that take them
 * @param input the input layer's name
 * @param output the output layer's name
 */
record KerasGraphSpec(String modelClass, List<KerasLayer> layers, String input, String output) {

	/**
	 * Reads the graph of a {@code model_config}.
	 *
	 * @throws BadInputException one line naming the file (and the layer) if the configuration is
	 *           not a model this importer can follow: several inputs or outputs, a layer used
	 *           twice, a cycle or an unknown input
	 */
	static KerasGraphSpec parse(final Path file, final JsonObject modelConfig) {
		final String modelClass = string(file, modelConfig, "class_name");
		final JsonElement config = modelConfig.get("config");
		if (config == null || config.isJsonNull()) throw new BadInputException(file + ": model_config has no 'config'");
		return switch (modelClass) {
			case "Functional", "Model" -> functional(file, modelClass, config.getAsJsonObject());
			case "Sequential" -> sequential(file, config);
			default -> throw new BadInputException(file + ": a Keras " + modelClass +
				" model; only Functional and Sequential models can be imported");
		};
	}

	private static KerasGraphSpec functional(final Path file, final String modelClass, final JsonObject config) {
		final Map<String, KerasLayer> byName = new LinkedHashMap<>();
		for (final JsonElement e : array(file, config, "layers")) {
			final JsonObject o = e.getAsJsonObject();
			final String className = string(file, o, "class_name");
			final JsonObject layerConfig = o.has("config") && o.get("config").isJsonObject() ? o.getAsJsonObject("config")
				: new JsonObject();
			final String name = o.has("name") ? string(file, o, "name") : string(file, layerConfig, "name");
			final List<String> inputs = inbound(file, name, o.has("inbound_nodes") ? o.get("inbound_nodes")
				: new JsonArray());
			if (byName.put(name, new KerasLayer(file, className, name, layerConfig, inputs)) != null) {
				throw new BadInputException(file + ": two layers are named '" + name + "'");
			}
		}
		final String input = single(file, config, "input_layers", "inputs");
		final String output = single(file, config, "output_layers", "outputs");
		return new KerasGraphSpec(modelClass, ordered(file, byName, output), input, output);
	}

	private static KerasGraphSpec sequential(final Path file, final JsonElement config) {
		final JsonArray list = config.isJsonArray() ? config.getAsJsonArray() : array(file, config.getAsJsonObject(),
			"layers");
		final List<KerasLayer> layers = new ArrayList<>();
		String previous = null;
		for (final JsonElement e : list) {
			final JsonObject o = e.getAsJsonObject();
			final String className = string(file, o, "class_name");
			final JsonObject layerConfig = o.getAsJsonObject("config");
			final String name = string(file, layerConfig, "name");
			if (previous == null && !className.equals("InputLayer")) {
				final JsonObject inputConfig = new JsonObject();
				inputConfig.addProperty("name", "input");
				if (layerConfig.has("batch_input_shape")) inputConfig.add("batch_input_shape", layerConfig.get(
					"batch_input_shape"));
				layers.add(new KerasLayer(file, "InputLayer", "input", inputConfig, List.of()));
				previous = "input";
			}
			layers.add(new KerasLayer(file, className, name, layerConfig, previous == null ? List.of() : List.of(
				previous)));
			previous = name;
		}
		if (layers.isEmpty()) throw new BadInputException(file + ": a Sequential model without layers");
		return new KerasGraphSpec("Sequential", layers, layers.get(0).name(), previous);
	}

	/** The names of the layers a layer takes, from Keras 2's {@code [[[name, node, tensor, kwargs], …]]}. */
	private static List<String> inbound(final Path file, final String layer, final JsonElement nodes) {
		final JsonArray array = nodes.getAsJsonArray();
		if (array.size() == 0) return List.of();
		if (array.size() > 1) {
			throw new BadInputException(file + ": layer '" + layer + "' is used " + array.size() +
				" times (a shared layer); only layers used once can be imported");
		}
		final List<String> names = new ArrayList<>();
		final JsonElement node = array.get(0);
		if (!node.isJsonArray()) {
			throw new BadInputException(file + ": layer '" + layer + "' has inbound_nodes in a format other than Keras 2's");
		}
		for (final JsonElement entry : node.getAsJsonArray()) {
			final JsonArray ref = entry.getAsJsonArray();
			if (ref.size() < 3 || ref.get(1).getAsInt() != 0 || ref.get(2).getAsInt() != 0) {
				throw new BadInputException(file + ": layer '" + layer + "' takes " + ref +
					"; only the first output of a layer used once is supported");
			}
			names.add(ref.get(0).getAsString());
		}
		return names;
	}

	/** The one layer {@code key} names (Keras writes {@code [[name, 0, 0]]}, or {@code [name, 0, 0]} for one). */
	private static String single(final Path file, final JsonObject config, final String key, final String what) {
		final JsonArray a = array(file, config, key);
		final JsonArray ref = a.size() > 0 && a.get(0).isJsonArray() ? a : wrap(a);
		if (ref.size() != 1) {
			throw new BadInputException(file + ": a model with " + ref.size() + " " + what +
				"; only models with one input and one output can be imported");
		}
		return ref.get(0).getAsJsonArray().get(0).getAsString();
	}

	private static JsonArray wrap(final JsonArray a) {
		final JsonArray outer = new JsonArray();
		outer.add(a);
		return outer;
	}

	/** The layers the output depends on, each after its inputs (depth-first, in the file's order). */
	private static List<KerasLayer> ordered(final Path file, final Map<String, KerasLayer> byName,
		final String output)
	{
		final List<KerasLayer> order = new ArrayList<>();
		final Map<String, Boolean> state = new LinkedHashMap<>();
		visit(file, byName, output, state, order, null);
		return order;
	}

	private static void visit(final Path file, final Map<String, KerasLayer> byName, final String name,
		final Map<String, Boolean> state, final List<KerasLayer> order, final String from)
	{
		final Boolean s = state.get(name);
		if (Boolean.TRUE.equals(s)) return;
		if (Boolean.FALSE.equals(s)) throw new BadInputException(file + ": the graph has a cycle through layer '" + name + "'");
		final KerasLayer layer = byName.get(name);
		if (layer == null) {
			throw new BadInputException(file + ": layer '" + (from == null ? name : from) + "' takes '" + name +
				"', which is not a layer of the model");
		}
		state.put(name, false);
		for (final String in : layer.inputs()) visit(file, byName, in, state, order, name);
		state.put(name, true);
		order.add(layer);
	}

	private static JsonArray array(final Path file, final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		if (e == null || !e.isJsonArray()) throw new BadInputException(file + ": model_config has no list '" + key + "'");
		return e.getAsJsonArray();
	}

	private static String string(final Path file, final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		if (!(e instanceof JsonPrimitive p) || !p.isString()) {
			throw new BadInputException(file + ": model_config has no name '" + key + "' where one is needed");
		}
		return p.getAsString();
	}
}
