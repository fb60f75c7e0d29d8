package covidunet.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.BadInputException;

class PreprocessConfigTest {

	private static final PreprocessConfig REF = PreprocessConfig.REFERENCE;

	@Test
	void theDefaultsAreTheReferences() {
		assertEquals(-1250, REF.clipLow());
		assertEquals(250, REF.clipHigh());
		assertEquals(0, REF.rescaleLow());
		assertEquals(255, REF.rescaleHigh());
		assertTrue(REF.zScore());
		assertArrayEquals(new double[] { 1.58, 1.58, 2.70 }, REF.targetSpacing());
		assertEquals(ImageInterpolation.CUBIC, REF.imageInterpolation());
		assertEquals(LabelInterpolation.LINEAR_PER_LABEL, REF.labelInterpolation());
		assertEquals("RAS", REF.orientation());
		assertTrue(REF.mapBack0255());
		assertEquals(RescaleRange.VOLUME, REF.rescaleRange());
		REF.validate();
	}

	@Test
	void jsonRoundTripsEveryParameter() {
		final PreprocessConfig changed = REF.toBuilder().clip(-1000, 400).rescale(0, 1).zScore(false)
			.targetSpacing(1, 1, 2).imageInterpolation(ImageInterpolation.LINEAR)
			.labelInterpolation(LabelInterpolation.NEAREST).orientation("LPS").mapBack0255(false)
			.rescaleRange(RescaleRange.WINDOW).build();
		for (final PreprocessConfig c : new PreprocessConfig[] { REF, changed }) {
			final String text = c.toJson().toString();
			final PreprocessConfig back = PreprocessConfig.fromJson(JsonParser.parseString(text).getAsJsonObject());
			assertEquals(c, back);
			assertEquals(c.canonicalJson(), back.canonicalJson());
		}
		assertNotEquals(REF, changed);
		assertEquals("{\"clip_low\":-1250.0,\"clip_high\":250.0,\"rescale_low\":0.0,\"rescale_high\":255.0," +
			"\"z_score\":true,\"target_spacing\":[1.58,1.58,2.7],\"image_interpolation\":\"cubic\"," +
			"\"label_interpolation\":\"linear_per_label\",\"orientation\":\"RAS\",\"map_back_0_255\":true," +
			"\"rescale_range\":\"volume\"}", REF.canonicalJson());
	}

	@Test
	void aConfigurationWithoutTheRescaleRangeRescalesTheVolumesRange() {
		final JsonObject older = REF.toBuilder().rescaleRange(RescaleRange.WINDOW).build().toJson();
		older.remove("rescale_range");
		assertEquals(REF, PreprocessConfig.fromJson(older));
		final JsonObject badRange = REF.toJson();
		badRange.addProperty("rescale_range", "scan");
		assertMessage("preprocessing: rescale_range 'scan' is not one of volume, window", badRange);
	}

	@Test
	void theSpacingCannotBeChangedFromOutside() {
		final double[] spacing = { 1, 2, 3 };
		final PreprocessConfig c = REF.toBuilder().targetSpacing(spacing).build();
		spacing[0] = 9;
		c.targetSpacing()[1] = 9;
		assertArrayEquals(new double[] { 1, 2, 3 }, c.targetSpacing());
	}

	@Test
	void missingUnknownAndMistypedKeysAreNamed() {
		final JsonObject missing = REF.toJson();
		missing.remove("clip_high");
		assertMessage("preprocessing: missing 'clip_high'", missing);
		final JsonObject unknown = REF.toJson();
		unknown.addProperty("sharpen", true);
		assertMessage("preprocessing: unknown key 'sharpen'", unknown);
		final JsonObject mistyped = REF.toJson();
		mistyped.addProperty("z_score", "yes");
		assertMessage("preprocessing: 'z_score' must be true or false", mistyped);
		final JsonObject badChoice = REF.toJson();
		badChoice.addProperty("image_interpolation", "quintic");
		assertMessage("preprocessing: image_interpolation 'quintic' is not one of cubic, linear", badChoice);
		final JsonObject badSpacing = REF.toJson();
		badSpacing.add("target_spacing", JsonParser.parseString("[1, 2]"));
		assertMessage("target_spacing: 2 values; expected 3 (x, y, z)", badSpacing);
	}

	@Test
	void impossibleValuesAreRefusedNamingTheParameter() {
		assertTrue(invalid(REF.toBuilder().clip(250, -1250).build()).startsWith("clip_low, clip_high: "));
		assertTrue(invalid(REF.toBuilder().clip(0, 0).build()).startsWith("clip_low, clip_high: "));
		assertTrue(invalid(REF.toBuilder().clip(Double.NaN, 0).build()).startsWith("clip_low, clip_high: "));
		assertTrue(invalid(REF.toBuilder().rescale(1, 1).build()).startsWith("rescale_low, rescale_high: "));
		assertTrue(invalid(REF.toBuilder().targetSpacing(1.58, 0, 2.7).build()).startsWith("target_spacing: "));
		assertTrue(invalid(REF.toBuilder().targetSpacing(1.58, -1, 2.7).build()).startsWith("target_spacing: "));
		assertTrue(invalid(REF.toBuilder().targetSpacing(1.58, Double.POSITIVE_INFINITY, 2.7).build()).startsWith(
			"target_spacing: "));
		for (final String code : new String[] { "RAX", "RRS", "ras", "RA", "RASL", "LIP" }) {
			if (code.equals("LIP")) {
				REF.toBuilder().orientation(code).build().validate();
				continue;
			}
			assertTrue(invalid(REF.toBuilder().orientation(code).build()).startsWith("orientation: '" + code + "'"), code);
		}
	}

	private static String invalid(final PreprocessConfig c) {
		return assertThrows(BadInputException.class, c::validate).getMessage();
	}

	private static void assertMessage(final String expected, final JsonObject o) {
		assertEquals(expected, assertThrows(BadInputException.class, () -> PreprocessConfig.fromJson(o)).getMessage());
	}
}
