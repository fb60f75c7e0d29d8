package covidunet.model.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.BadInputException;

/** Following a {@code model_config}: order by inputs, Sequential chains, and the graphs refused. */
class KerasGraphSpecTest {

	private static final Path FILE = Path.of("m.hdf5");

	@Test
	void ordersLayersAfterTheirInputsWhateverTheFileOrder() {
		final KerasGraphSpec spec = parse(functional(layer("Add", "add", "conv_b", "conv_a"), layer("Conv3D", "conv_b",
			"conv_a"), layer("Conv3D", "conv_a", "input_1"), input("input_1")), "input_1", "add");
		assertEquals(List.of("input_1", "conv_a", "conv_b", "add"), spec.layers().stream().map(KerasLayer::name)
			.toList());
		assertEquals(List.of("conv_b", "conv_a"), spec.layers().get(3).inputs());
	}

	@Test
	void leavesOutLayersTheOutputDoesNotNeed() {
		final KerasGraphSpec spec = parse(functional(input("input_1"), layer("Conv3D", "head", "input_1"), layer(
			"Conv3D", "unused", "input_1")), "input_1", "head");
		assertEquals(List.of("input_1", "head"), spec.layers().stream().map(KerasLayer::name).toList());
	}

	@Test
	void chainsASequentialModelAndGivesItAnInput() {
		final JsonObject config = JsonParser.parseString("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", " +
			"\"layers\": [{\"class_name\": \"Conv3D\", \"config\": {\"name\": \"c\", \"batch_input_shape\": " +
			"[null, null, null, null, 1]}}, {\"class_name\": \"Softmax\", \"config\": {\"name\": \"s\"}}]}}")
			.getAsJsonObject();
		final KerasGraphSpec spec = KerasGraphSpec.parse(FILE, config);
		assertEquals(List.of("input", "c", "s"), spec.layers().stream().map(KerasLayer::name).toList());
		assertEquals("InputLayer", spec.layers().get(0).className());
		assertEquals("s", spec.output());
	}

	@Test
	void refusesACycle() {
		assertRefused(functional(input("input_1"), layer("Add", "a", "input_1", "b"), layer("Conv3D", "b", "a")),
			"input_1", "a", "the graph has a cycle through layer");
	}

	@Test
	void refusesAnInputThatIsNoLayer() {
		assertRefused(functional(input("input_1"), layer("Conv3D", "c", "missing")), "input_1", "c",
			"layer 'c' takes 'missing', which is not a layer of the model");
	}

	@Test
	void refusesASharedLayer() {
		final String shared = "{\"class_name\": \"Conv3D\", \"config\": {\"name\": \"c\"}, \"name\": \"c\", " +
			"\"inbound_nodes\": [[[\"input_1\", 0, 0, {}]], [[\"input_1\", 0, 0, {}]]]}";
		assertRefused(functional(input("input_1"), shared), "input_1", "c", "layer 'c' is used 2 times");
	}

	@Test
	void refusesTwoOutputs() {
		final JsonObject config = JsonParser.parseString("{\"class_name\": \"Functional\", \"config\": {\"layers\": [" +
			input("input_1") + "], \"input_layers\": [[\"input_1\", 0, 0]], \"output_layers\": [[\"input_1\", 0, 0], " +
			"[\"input_1\", 0, 0]]}}").getAsJsonObject();
		final BadInputException e = assertThrows(BadInputException.class, () -> KerasGraphSpec.parse(FILE, config));
		assertTrue(e.getMessage().contains("a model with 2 outputs"), e.getMessage());
	}

	@Test
	void refusesAnotherModelClass() {
		final JsonObject config = JsonParser.parseString("{\"class_name\": \"MyModel\", \"config\": {}}").getAsJsonObject();
		final BadInputException e = assertThrows(BadInputException.class, () -> KerasGraphSpec.parse(FILE, config));
		assertEquals("m.hdf5: a Keras MyModel model; only Functional and Sequential models can be imported", e
			.getMessage());
	}

	private static void assertRefused(final String layers, final String in, final String out, final String reason) {
		final BadInputException e = assertThrows(BadInputException.class, () -> parse(layers, in, out));
		assertTrue(e.getMessage().startsWith("m.hdf5: ") && e.getMessage().contains(reason), e.getMessage());
	}

	private static KerasGraphSpec parse(final String layers, final String in, final String out) {
		return KerasGraphSpec.parse(FILE, JsonParser.parseString("{\"class_name\": \"Functional\", \"config\": " +
			"{\"name\": \"model\", \"layers\": [" + layers + "], \"input_layers\": [[\"" + in + "\", 0, 0]], " +
			"\"output_layers\": [[\"" + out + "\", 0, 0]]}}").getAsJsonObject());
	}

	private static String functional(final String... layers) {
		return String.join(", ", layers);
	}

	private static String input(final String name) {
		return "{\"class_name\": \"InputLayer\", \"config\": {\"name\": \"" + name + "\", \"batch_input_shape\": " +
			"[null, null, null, null, 1]}, \"name\": \"" + name + "\", \"inbound_nodes\": []}";
	}

	private static String layer(final String className, final String name, final String... inputs) {
		final StringBuilder nodes = new StringBuilder();
		for (final String in : inputs) {
			if (nodes.length() > 0) nodes.append(", ");
			nodes.append("[\"").append(in).append("\", 0, 0, {}]");
		}
		return "{\"class_name\": \"" + className + "\", \"config\": {\"name\": \"" + name + "\"}, \"name\": \"" + name +
			"\", \"inbound_nodes\": [[" + nodes + "]]}";
	}
}
