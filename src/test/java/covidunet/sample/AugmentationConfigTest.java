package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.BadInputException;
import covidunet.sample.AugmentationConfig.Operation;
import covidunet.sample.AugmentationConfig.Range;

class AugmentationConfigTest {

	@Test
	void referenceHoldsPipelineValues() {
		final AugmentationConfig c = AugmentationConfig.reference();
		assertEquals(0.5, c.mirrorProbability());
		for (final Operation o : Operation.values()) {
			if (o != Operation.MIRROR && o != Operation.SCAN_END) assertEquals(0.15, c.probability(o), o.key());
		}
		assertEquals(0, c.scanEndProbability(), "not in the reference");
		assertEquals(new Range(0.3, 3), c.contrastFactor());
		assertEquals(new Range(0.5, 2), c.brightnessFactor());
		assertEquals(new Range(0.7, 1.5), c.gamma());
		assertEquals(new Range(0, 0.05), c.noiseSigma());
		assertEquals(new Range(0, 900), c.elasticAlpha());
		assertEquals(new Range(9, 13), c.elasticSigma());
		assertEquals(15, c.rotationDegrees());
		assertEquals(new Range(0.85, 1.25), c.scale());
	}

	@Test
	void noneAndWithOnlySetProbabilities() {
		final AugmentationConfig none = AugmentationConfig.none();
		for (final Operation o : Operation.values()) assertEquals(0, none.probability(o), o.key());
		assertEquals(AugmentationConfig.reference().scale(), none.scale());
		final AugmentationConfig spatial = none.withOnly(Operation.ELASTIC, Operation.SCALING);
		for (final Operation o : Operation.values()) {
			assertEquals(o == Operation.ELASTIC || o == Operation.SCALING ? 1 : 0, spatial.probability(o), o.key());
		}
		assertEquals(0.3, none.withProbability(Operation.GAMMA, 0.3).gammaProbability());
	}

	@Test
	void jsonRoundTrip() {
		final AugmentationConfig c = AugmentationConfig.reference().withProbability(Operation.NOISE, 0.25);
		final JsonObject json = c.toJson();
		assertEquals("[0.3,3.0]", json.getAsJsonObject("contrast").get("factor").toString());
		assertEquals(c, AugmentationConfig.fromJson(JsonParser.parseString(json.toString())));
		assertEquals(AugmentationConfig.none(), AugmentationConfig.fromJson(AugmentationConfig.none().toJson()));
		final JsonObject before = c.withProbability(Operation.SCAN_END, 0.3).toJson();
		assertEquals(0.3, AugmentationConfig.fromJson(before).scanEndProbability());
		before.remove("scan_end");
		assertEquals(0, AugmentationConfig.fromJson(before).scanEndProbability(), "written before scan ends existed");
	}

	@Test
	void refusesParametersOutOfBoundsNamingThem() {
		assertBad("contrast.probability is 1.5", json -> json.getAsJsonObject("contrast").addProperty("probability",
			1.5));
		assertBad("elastic.sigma is [13.0, 9.0]", json -> json.getAsJsonObject("elastic").add("sigma",
			JsonParser.parseString("[13, 9]")));
		assertBad("elastic.sigma is [0.0, 9.0]", json -> json.getAsJsonObject("elastic").add("sigma",
			JsonParser.parseString("[0, 9]")));
		assertBad("scaling.scale is [1.1, 1.25], must satisfy", json -> json.getAsJsonObject("scaling").add("scale",
			JsonParser.parseString("[1.1, 1.25]")));
		assertBad("rotation.degrees is 200.0", json -> json.getAsJsonObject("rotation").addProperty("degrees", 200));
		assertBad("noise has no 'sigma'", json -> json.getAsJsonObject("noise").remove("sigma"));
		assertBad("gamma has an unknown member 'gama'", json -> json.getAsJsonObject("gamma").addProperty("gama", 1));
		assertBad("the configuration has no 'mirror'", json -> json.remove("mirror"));
		assertBad("brightness.factor is not a pair", json -> json.getAsJsonObject("brightness").addProperty("factor", 2));
		final BadInputException e = assertThrows(BadInputException.class, () -> AugmentationConfig.reference()
			.withProbability(Operation.MIRROR, Double.NaN));
		assertTrue(e.getMessage().startsWith("augmentation: mirror.probability is NaN"), e.getMessage());
	}

	private static void assertBad(final String expected, final java.util.function.Consumer<JsonObject> edit) {
		final JsonObject json = AugmentationConfig.reference().toJson();
		edit.accept(json);
		final BadInputException e = assertThrows(BadInputException.class, () -> AugmentationConfig.fromJson(json));
		assertTrue(e.getMessage().startsWith("augmentation: " + expected), e.getMessage());
		assertFalse(e.getMessage().contains("\n"));
	}
}
