package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.BadInputException;

class SamplingConfigTest {

	@Test
	void defaultsAreTheReferences() {
		final SamplingConfig c = SamplingConfig.DEFAULT;
		assertEquals(0.0, c.foregroundFraction());
		assertEquals(Foreground.LUNGS_OR_INFECTION, c.foreground());
	}

	@Test
	void jsonRoundTrip() {
		final SamplingConfig c = SamplingConfig.DEFAULT.withForegroundFraction(0.33)
			.withForeground(Foreground.INFECTION);
		final String text = c.toJson().toString();
		assertEquals(c, SamplingConfig.fromJson(JsonParser.parseString(text).getAsJsonObject()));
		assertEquals(SamplingConfig.DEFAULT, SamplingConfig.fromJson(SamplingConfig.DEFAULT.toJson()));
	}

	@Test
	void absentMembersTakeDefaults() {
		final SamplingConfig c = SamplingConfig.fromJson(JsonParser.parseString("{\"foreground_fraction\": 0.5}")
			.getAsJsonObject());
		assertEquals(SamplingConfig.DEFAULT.withForegroundFraction(0.5), c);
	}

	@Test
	void invalidValuesNameTheParameter() {
		assertMessage("foreground_fraction", () -> SamplingConfig.DEFAULT.withForegroundFraction(1.5));
		assertMessage("foreground_fraction", () -> SamplingConfig.DEFAULT.withForegroundFraction(Double.NaN));
		assertMessage("foreground", () -> fromJson("{\"foreground\": \"liver\"}"));
		assertMessage("patch_size", () -> fromJson("{\"patch_size\": [1, 2, 3]}"));
		assertMessage("foreground_fraction", () -> fromJson("{\"foreground_fraction\": \"a third\"}"));
		assertMessage("patch_sise", () -> fromJson("{\"patch_sise\": [1, 2, 3]}"));
	}

	@Test
	void aVersion1PatchSizeIsDroppedWhereItIsTheNetworksAndRefusedWhereNot() {
		final JsonObject v1 = JsonParser.parseString("{\"patch_size\": [96, 96, 48], \"foreground_fraction\": 0.5}")
			.getAsJsonObject();
		final JsonObject rest = SamplingConfig.withoutLegacyPatchSize(v1, new int[] { 96, 96, 48 }, "sampling");
		assertEquals(SamplingConfig.DEFAULT.withForegroundFraction(0.5), SamplingConfig.fromJson(rest));
		assertTrue(v1.has("patch_size"), "the section given is not changed");
		assertEquals("sampling.patch_size [96,96,48] contradicts architecture.patch [160,160,80]; give the patch size " +
			"once, in architecture.patch", assertThrows(BadInputException.class, () -> SamplingConfig
				.withoutLegacyPatchSize(v1, new int[] { 160, 160, 80 }, "sampling")).getMessage());
	}

	private static SamplingConfig fromJson(final String text) {
		final JsonObject json = JsonParser.parseString(text).getAsJsonObject();
		return SamplingConfig.fromJson(json);
	}

	private static void assertMessage(final String parameter, final Runnable action) {
		final BadInputException e = assertThrows(BadInputException.class, action::run);
		assertTrue(e.getMessage().contains(parameter), e.getMessage());
		assertTrue(!e.getMessage().contains("\n"), e.getMessage());
	}
}
