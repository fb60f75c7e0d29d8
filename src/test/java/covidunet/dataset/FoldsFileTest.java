package covidunet.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.BadInputException;

class FoldsFileTest {

	@TempDir
	Path dir;

	private final Folds folds = FoldSplitter.split(TestDatasets.realKinds(), 5, 7);

	private String failure(final Path json) {
		return assertThrows(BadInputException.class, () -> Folds.read(json)).getMessage();
	}

	private List<String> files() throws IOException {
		try (Stream<Path> list = Files.list(dir)) {
			return list.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void aWrittenSplitReadsBackEqual() {
		final Path json = dir.resolve("folds.json");
		folds.write(json, false);
		assertEquals(folds, Folds.read(json));
		final Folds small = FoldSplitter.split(TestDatasets.hu("a", "b"), 2, -5);
		small.write(json, true);
		assertEquals(small, Folds.read(json));
	}

	@Test
	void theJsonIsTheDocumentedFormat() throws IOException {
		final Path json = dir.resolve("folds.json");
		folds.write(json, false);
		final JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		assertEquals("covid-unet folds", root.get("format").getAsString());
		assertEquals(1, root.get("format_version").getAsInt());
		assertEquals(7, root.get("seed").getAsLong());
		assertFalse(root.has("benchmark_set"));
		assertEquals(5, root.get("k").getAsInt());
		assertEquals(20, root.getAsJsonObject("kinds").size());
		assertEquals("hu", root.getAsJsonObject("kinds").get("coronacases_001").getAsString());
		assertEquals("rescaled_0_255", root.getAsJsonObject("kinds").get("radiopaedia_7_85703_0").getAsString());
		final JsonArray list = root.getAsJsonArray("folds");
		assertEquals(5, list.size());
		for (int f = 0; f < 5; f++) {
			final JsonObject fold = list.get(f).getAsJsonObject();
			assertEquals(f, fold.get("fold").getAsInt());
			assertEquals(16, fold.getAsJsonArray("train").size());
			assertEquals(folds.fold(f).validation().get(0), fold.getAsJsonArray("validation").get(0).getAsString());
		}
	}

	@Test
	void theCsvListsEachFoldAndCase() throws IOException {
		final Path json = dir.resolve("split.JSON");
		folds.write(json, false);
		assertEquals(dir.resolve("split.csv"), Folds.csvPath(json));
		final List<String> lines = Files.readAllLines(dir.resolve("split.csv"));
		assertEquals("fold,case,role,kind", lines.get(0));
		assertEquals(1 + 5 * 20, lines.size());
		final List<String> expected = new ArrayList<>();
		for (final Fold fold : folds.folds()) {
			for (final String id : folds.cases()) {
				expected.add(fold.index() + "," + id + "," + (fold.validation().contains(id) ? "validation" : "train") + "," +
					folds.kinds().get(id).key());
			}
		}
		assertEquals(expected, lines.subList(1, lines.size()));
		assertTrue(lines.contains("0,coronacases_001," + (folds.fold(0).validates("coronacases_001") ? "validation" : "train") + ",hu"));
		assertEquals(20, lines.stream().filter(l -> l.contains(",validation,")).count());
	}

	@Test
	void anExistingOutputIsKeptWithoutOverwrite() throws IOException {
		final Path json = Files.writeString(dir.resolve("folds.json"), "old");
		assertEquals(json + " exists; give --overwrite true to replace it",
			assertThrows(BadInputException.class, () -> folds.write(json, false)).getMessage());
		assertEquals("old", Files.readString(json));
		assertEquals(List.of("folds.json"), files());

		Files.delete(json);
		final Path csv = Files.writeString(dir.resolve("folds.csv"), "old csv");
		assertEquals(csv + " exists; give --overwrite true to replace it",
			assertThrows(BadInputException.class, () -> folds.write(json, false)).getMessage());
		assertEquals(List.of("folds.csv"), files());
		Files.writeString(json, "old");
		assertEquals(json + " and " + csv + " exist; give --overwrite true to replace them",
			assertThrows(BadInputException.class, () -> Folds.checkOutput(json, false)).getMessage());

		folds.write(json, true);
		assertEquals(folds, Folds.read(json));
		assertTrue(Files.readString(csv).startsWith("fold,case,role,kind\n"));
		assertEquals(List.of("folds.csv", "folds.json"), files());
	}

	@Test
	void aFailedWriteLeavesNothing() throws IOException {
		final Path blocker = Files.writeString(dir.resolve("file"), "");
		final Path json = blocker.resolve("folds.json");
		assertEquals(json + ": cannot write the folds (" + blocker + " exists)",
			assertThrows(BadInputException.class, () -> folds.write(json, false)).getMessage());
		assertEquals(List.of("file"), files());
		folds.write(dir.resolve("new/sub/folds.json"), false);
		assertEquals(folds, Folds.read(dir.resolve("new/sub/folds.json")));
	}

	@Test
	void theOutputMustBeAJsonFile() throws IOException {
		assertEquals(dir.resolve("folds.txt") + ": the folds file's name must end in .json",
			assertThrows(BadInputException.class, () -> folds.write(dir.resolve("folds.txt"), false)).getMessage());
		final Path folder = Files.createDirectories(dir.resolve("f.json"));
		assertEquals(folder + ": is a folder, not a folds file",
			assertThrows(BadInputException.class, () -> folds.write(folder, true)).getMessage());
	}

	@Test
	void badFoldsFilesAreNamed() throws IOException {
		final Path json = dir.resolve("folds.json");
		assertEquals(json + ": cannot read (no such file)", failure(json));
		Files.writeString(json, "{\"format\": ");
		assertTrue(failure(json).startsWith(json + ": not valid JSON ("), failure(json));
		Files.writeString(json, "[1, 2]");
		assertEquals(json + ": not a JSON object", failure(json));
		Files.writeString(json, "{\"format\": \"other\"}");
		assertEquals(json + ": not a folds file (its format is not 'covid-unet folds')", failure(json));

		folds.write(json, true);
		final String good = Files.readString(json);
		Files.writeString(json, good.replace("\"format_version\": 1", "\"format_version\": 2"));
		assertEquals(json + ": format_version 2 is not supported (this version reads 1)", failure(json));
		Files.writeString(json, good.replace("\"k\": 5", "\"k\": 4"));
		assertEquals(json + ": k is 4 but there are 5 folds", failure(json));
		Files.writeString(json, good.replace("\"coronacases_001\": \"hu\"", "\"coronacases_001\": \"HU\""));
		assertTrue(failure(json).startsWith(json + ": kinds: coronacases_001: unknown intensity kind 'HU'"), failure(json));
		Files.writeString(json, good.replace("\"seed\": 7", "\"seed\": 7.5"));
		assertEquals(json + ": the top level: 'seed' is not an integer", failure(json));
		Files.writeString(json, good.replace("\"validation\"", "\"val\""));
		assertEquals(json + ": fold 0 has no 'validation'", failure(json));
		final JsonObject root = JsonParser.parseString(good).getAsJsonObject();
		root.getAsJsonArray("folds").get(2).getAsJsonObject().getAsJsonArray("train").remove(0);
		Files.writeString(json, root.toString());
		assertTrue(failure(json).startsWith(json + ": fold 2 lacks "), failure(json));
	}
}
