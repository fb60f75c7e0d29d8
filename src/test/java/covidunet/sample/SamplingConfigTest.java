package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
		assertArrayEquals(new int[] { 160, 160, 80 }, c.patchSize());
		assertEquals(0.0, c.foregroundFraction());
		assertEquals(Foreground.LUNGS_OR_INFECTION, c.foreground());
		assertEquals(160 * 160 * 80, c.patchVoxels());
	}

	@Test
	void jsonRoundTrip() {
		final SamplingConfig c = SamplingConfig.DEFAULT.withPatchSize(96, 64, 32).withForegroundFraction(0.33)
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
		assertMessage("patch_size", () -> SamplingConfig.DEFAULT.withPatchSize(160, 0, 80));
		assertMessage("patch_size", () -> SamplingConfig.DEFAULT.withPatchSize(160, 80));
		assertMessage("foreground_fraction", () -> SamplingConfig.DEFAULT.withForegroundFraction(1.5));
		assertMessage("foreground_fraction", () -> SamplingConfig.DEFAULT.withForegroundFraction(Double.NaN));
		assertMessage("foreground", () -> fromJson("{\"foreground\": \"liver\"}"));
		assertMessage("patch_size", () -> fromJson("{\"patch_size\": [1.5, 2, 3]}"));
		assertMessage("patch_size", () -> fromJson("{\"patch_size\": \"big\"}"));
		assertMessage("foreground_fraction", () -> fromJson("{\"foreground_fraction\": \"a third\"}"));
		assertMessage("patch_sise", () -> fromJson("{\"patch_sise\": [1, 2, 3]}"));
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
