package covidunet.model.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;
import covidunet.dataset.download.ExpectedDigest;
import covidunet.dataset.download.LocalServer;

/** The records API's two JSON shapes, and what is refused. */
class RecordJsonTest {

	private static final URI URL = URI.create("https://zenodo.org/api/records/3902293");

	private LocalServer server;
	private TestRecord current;
	private TestRecord legacy;

	@BeforeEach
	void start() throws IOException {
		server = new LocalServer();
		current = new TestRecord(TestRecord.Shape.CURRENT).file("fold_0.hdf5", "zero".getBytes()).file("pred.zip",
			"zip".getBytes());
		legacy = new TestRecord(TestRecord.Shape.LEGACY).file("fold_0.hdf5", "zero".getBytes()).file("pred.zip",
			"zip".getBytes());
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private static PublishedRecord parse(final JsonObject json) {
		return RecordJson.parse(json.toString().getBytes(StandardCharsets.UTF_8), URL);
	}

	private void assertNotRecord(final String why, final Consumer<JsonObject> change) {
		final JsonObject json = current.json(server);
		change.accept(json);
		assertEquals(URL + ": not a Zenodo record (" + why + ")", assertThrows(BadInputException.class,
			() -> parse(json)).getMessage());
	}

	@Test
	void theCurrentShape() {
		final PublishedRecord record = parse(current.json(server));
		assertEquals("3902293", record.id());
		assertEquals("1.0", record.version());
		assertEquals("cc-by-4.0", record.licenceId());
		assertEquals("Creative Commons Attribution 4.0 International", record.licenceTitle());
		assertEquals("Zenodo record 3902293, \"COVID-19 segmentation via MIScnn: models, predictions, visualizations " +
			"and evaluation\" (version 1.0), licence cc-by-4.0 (Creative Commons Attribution 4.0 International)", record
				.describe());
		assertEquals(List.of(new RecordFile("fold_0.hdf5", 4, ExpectedDigest.md5(TestRecord.md5("zero".getBytes()),
			"Zenodo's records API, " + URL), URI.create(server.baseUrl() + "/api/records/3902293/files/fold_0.hdf5/content")),
			new RecordFile("pred.zip", 3, ExpectedDigest.md5(TestRecord.md5("zip".getBytes()), "Zenodo's records API, " +
				URL), URI.create(server.baseUrl() + "/api/records/3902293/files/pred.zip/content"))), record.files());
	}

	@Test
	void theLegacyShape() {
		final PublishedRecord record = parse(legacy.json(server));
		assertEquals("CC-BY-4.0", record.licenceId());
		assertNull(record.licenceTitle());
		assertEquals(URI.create(server.baseUrl() + "/" + legacy.path("pred.zip")), record.files().get(1).url());
		assertEquals("Zenodo record 3902293, \"COVID-19 segmentation via MIScnn: models, predictions, visualizations " +
			"and evaluation\" (version 1.0), licence CC-BY-4.0", record.describe());
	}

	@Test
	void contentAndRelativeLinksAndAPlainLicence() {
		final JsonObject json = current.json(server);
		final JsonObject file = json.getAsJsonArray("files").get(0).getAsJsonObject();
		file.getAsJsonObject("links").addProperty("content", "/api/records/3902293/files/fold_0.hdf5/content");
		file.getAsJsonObject("links").addProperty("self", "https://zenodo.org/api/records/3902293/files/fold_0.hdf5");
		json.getAsJsonObject("metadata").addProperty("license", "cc-by-4.0");
		json.getAsJsonObject("metadata").remove("version");
		final PublishedRecord record = parse(json);
		assertEquals(URI.create("https://zenodo.org/api/records/3902293/files/fold_0.hdf5/content"), record.files().get(0)
			.url());
		assertEquals("cc-by-4.0", record.licenceId());
		assertFalse(record.describe().contains("version"));
		json.getAsJsonObject("metadata").remove("license");
		assertEquals("Zenodo record 3902293, \"COVID-19 segmentation via MIScnn: models, predictions, visualizations " +
			"and evaluation\", licence: not stated in the record", parse(json).describe());
	}

	@Test
	void whatIsNotARecord() {
		assertEquals(URL + ": not a Zenodo record (not JSON)", assertThrows(BadInputException.class, () -> RecordJson
			.parse("<html>Zenodo is down</html>".getBytes(), URL)).getMessage());
		assertEquals(URL + ": not a Zenodo record (not a JSON object)", assertThrows(BadInputException.class,
			() -> RecordJson.parse("[1, 2]".getBytes(), URL)).getMessage());
		assertEquals(URL + ": not a Zenodo record (not UTF-8 text)", assertThrows(BadInputException.class,
			() -> RecordJson.parse(new byte[] { '{', (byte) 0xff, '}' }, URL)).getMessage());
		assertNotRecord("no 'files' list", j -> j.remove("files"));
		assertNotRecord("no 'files' list", j -> j.addProperty("files", "none"));
		assertNotRecord("no 'metadata' object", j -> j.remove("metadata"));
		assertNotRecord("no text 'metadata.title'", j -> j.getAsJsonObject("metadata").remove("title"));
		assertNotRecord("no 'id'", j -> j.remove("id"));
		assertNotRecord("file 1 is not an object", j -> j.getAsJsonArray("files").set(0, new JsonPrimitive(
			"fold_0.hdf5")));
		assertNotRecord("files[0].checksum 'sha256:00' is not md5:<32 hex digits> ('fold_0.hdf5')", j -> file(j, 0)
			.addProperty("checksum", "sha256:00"));
		assertNotRecord("no text 'files[1].checksum'", j -> file(j, 1).remove("checksum"));
		assertNotRecord("files[0].size is missing or negative ('fold_0.hdf5')", j -> file(j, 0).remove("size"));
		assertNotRecord("files[0].size is not a whole number of bytes", j -> file(j, 0).addProperty("size", 1.5));
		assertNotRecord("files[0].key '../x.hdf5' is not a plain file name", j -> file(j, 0).addProperty("key",
			"../x.hdf5"));
		assertNotRecord("no 'files[0].links' object", j -> file(j, 0).remove("links"));
		assertNotRecord("files[0].links.self https://zenodo.org/api/records/3902293/files/other.h5/content does not " +
			"name the file 'fold_0.hdf5'", j -> file(j, 0).getAsJsonObject("links").addProperty("self",
				"https://zenodo.org/api/records/3902293/files/other.h5/content"));
		assertNotRecord("two files named 'fold_0.hdf5'", j -> j.getAsJsonArray("files").set(1, file(j, 0).deepCopy()));
	}

	@Test
	void noFilesOrALinkToPlainHttpElsewhere() {
		final JsonObject empty = current.json(server);
		empty.add("files", new JsonArray());
		assertEquals(URL + ": the record lists no files (are they restricted to some users?)", assertThrows(
			BadInputException.class, () -> parse(empty)).getMessage());
		final JsonObject http = current.json(server);
		file(http, 1).getAsJsonObject("links").addProperty("self", "http://zenodo.org/api/files/b/pred.zip");
		assertEquals(URL + ": the record links 'pred.zip' to http://zenodo.org/api/files/b/pred.zip; refused: only " +
			"https://, or plain http:// to this machine", assertThrows(BadInputException.class, () -> parse(http))
				.getMessage());
	}

	private static JsonObject file(final JsonObject json, final int index) {
		return json.getAsJsonArray("files").get(index).getAsJsonObject();
	}
}
