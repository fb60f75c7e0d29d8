package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.BadInputException;
import covidunet.cli.InfoSubcommand;

/** {@code info}'s JSON object against nibabel's reading of the same files. */
class InfoTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "example_ct.nii.gz", "example_ct_sm.nii.gz", "example_seg.nii.gz" })
	void realFixturesAgreeWithNibabel(final String name) throws IOException {
		assertAgreesWithNibabel(Checks.realData().resolve(name));
	}

	@Test
	void scaledBigEndianFileAgreesWithNibabel() throws IOException {
		NibabelOracle.assumeAvailable();
		final Path file = dir.resolve("scaled.nii");
		NibabelOracle.write(dir, List.of(NibabelOracle.spec(file, "int16", new int[] { 7, 6, 5 }, "seed", 3,
			"slope", 0.5, "inter", -1024.0, "byteorder", ">")));
		final JsonObject json = assertAgreesWithNibabel(file);
		assertEquals("int16", json.get("datatype").getAsString());
	}

	@Test
	void optionsAreChecked() {
		assertThrows(BadInputException.class, () -> InfoSubcommand.run(Map.of(), System.out));
		final BadInputException e = assertThrows(BadInputException.class,
			() -> InfoSubcommand.run(Map.of("input", "x.nii", "output", "y"), System.out));
		assertTrue(e.getMessage().contains("--output"), e.getMessage());
	}

	private JsonObject assertAgreesWithNibabel(final Path file) throws IOException {
		NibabelOracle.assumeAvailable();
		final NibabelOracle.Reading oracle = NibabelOracle.read(dir, List.of(file)).get(0);
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		InfoSubcommand.run(Map.of("input", file.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		final JsonObject json = JsonParser.parseString(bytes.toString(StandardCharsets.UTF_8)).getAsJsonObject();

		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
		final Map<String, Long> counts = new TreeMap<>();
		boolean integers = true;
		for (final double v : oracle.values()) {
			min = Math.min(min, v);
			max = Math.max(max, v);
			sum += v;
			counts.merge(Long.toString((long) v), 1L, Long::sum);
			integers &= v == Math.rint(v);
		}
		assertEquals(oracle.dtype(), json.get("datatype").getAsString());
		for (int d = 0; d < 3; d++) {
			assertEquals(oracle.volumeDims()[d], json.getAsJsonArray("dims").get(d).getAsLong(), "dims");
			assertEquals(oracle.zooms()[d], json.getAsJsonArray("spacing").get(d).getAsDouble(), 1e-6, "spacing");
		}
		assertEquals(oracle.qformCode(), json.get("qform_code").getAsInt());
		assertEquals(oracle.sformCode(), json.get("sform_code").getAsInt());
		final double[][] affine = oracle.sformCode() > 0 ? oracle.sform() : oracle.qform();
		for (int r = 0; r < 4; r++) {
			for (int c = 0; c < 4; c++) {
				assertEquals(affine[r][c], json.getAsJsonArray("affine").get(r).getAsJsonArray().get(c).getAsDouble(), 1e-4,
					"affine[" + r + "][" + c + "]");
			}
		}
		assertEquals(min, json.get("min").getAsDouble(), 1e-9, "min");
		assertEquals(max, json.get("max").getAsDouble(), 1e-9, "max");
		assertEquals(sum / oracle.values().length, json.get("mean").getAsDouble(), 1e-9 * Math.max(1, Math.abs(max)), "mean");
		assertEquals(0, json.get("nan_count").getAsLong());
		if (integers && counts.size() <= VoxelStatistics.MAX_LABELS) {
			final Map<String, Long> labels = new TreeMap<>();
			json.getAsJsonObject("labels").entrySet().forEach(e -> labels.put(e.getKey(), e.getValue().getAsLong()));
			assertEquals(counts, labels, "labels");
		}
		else {
			assertTrue(json.get("labels").isJsonNull(), "labels of an image with fractional or many values");
		}
		return json;
	}
}
