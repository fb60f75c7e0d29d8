package covidunet.model.published;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;
import covidunet.dataset.download.ExpectedDigest;
import covidunet.dataset.download.UrlPolicy;

/**
 * Reads the JSON of Zenodo's records API ({@code GET /api/records/<id>}) in either of its two
 * shapes:
 * <ul>
 * <li>the current one (InvenioRDM, since October 2023): {@code files: [{key, size, checksum:
 * "md5:<hex>", links: {self: ".../api/records/<id>/files/<key>/content"}}]};</li>
 * <li>the legacy one: the same, but {@code links: {self: ".../api/files/<bucket>/<key>"}} and a
 * {@code type} per file.</li>
 * </ul>
 * Both have {@code id}, {@code metadata.title}, and optionally {@code metadata.version} and
 * {@code metadata.license} ({@code {id, title}}, or a plain id). A file's content is fetched
 * from its {@code links.content}, else {@code links.download}, else {@code links.self}, resolved
 * against the record's URL; the link's path must end with the file's key (and {@code /content}).
 * Anything else is refused in one line naming the record's URL: this is no guesswork over unknown
 * JSON.
 */
public final class RecordJson {

	private static final Pattern MD5 = Pattern.compile("md5:[0-9a-fA-F]{32}");

	private RecordJson() {}

	/**
	 * Parses a record.
	 *
	 * @param url where the JSON came from: named in messages, and what relative links resolve against
	 * @throws BadInputException {@code <url>: not a Zenodo record (…)} naming what does not fit;
	 *           also if a file's link is not allowed ({@link UrlPolicy}) or the record lists no files
	 */
	public static PublishedRecord parse(final byte[] json, final URI url) {
		final JsonObject root = root(json, url);
		final JsonObject metadata = object(root, "metadata", url, "");
		final String id = id(root, url);
		final String title = text(metadata, "title", url, "metadata.");
		final String version = metadata.has("version") ? text(metadata, "version", url, "metadata.") : null;
		String licenceId = null, licenceTitle = null;
		final JsonElement licence = metadata.get("license");
		if (licence != null && licence.isJsonPrimitive()) {
			licenceId = text(metadata, "license", url, "metadata.");
		}
		else if (licence != null && licence.isJsonObject()) {
			final JsonObject l = licence.getAsJsonObject();
			if (l.has("id")) licenceId = text(l, "id", url, "metadata.license.");
			if (l.has("title") && l.get("title").isJsonPrimitive()) {
				licenceTitle = text(l, "title", url, "metadata.license.");
			}
		}
		else if (licence != null && !licence.isJsonNull()) {
			throw notRecord(url, "metadata.license is neither an object nor a text");
		}
		final JsonElement files = root.get("files");
		if (files == null || !files.isJsonArray()) throw notRecord(url, "no 'files' list");
		final List<RecordFile> list = new ArrayList<>();
		final Set<String> keys = new HashSet<>();
		int index = 0;
		for (final JsonElement file : files.getAsJsonArray()) {
			index++;
			if (!file.isJsonObject()) throw notRecord(url, "file " + index + " is not an object");
			final RecordFile parsed = file(file.getAsJsonObject(), url, "files[" + (index - 1) + "].");
			if (!keys.add(parsed.key())) throw notRecord(url, "two files named '" + parsed.key() + "'");
			list.add(parsed);
		}
		if (list.isEmpty()) {
			throw new BadInputException(url + ": the record lists no files (are they restricted to some users?)");
		}
		return new PublishedRecord(url, id, title, version, licenceId, licenceTitle, list);
	}

	private static JsonObject root(final byte[] json, final URI url) {
		final String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
		}
		catch (final CharacterCodingException exc) {
			throw notRecord(url, "not UTF-8 text");
		}
		final JsonElement root;
		try {
			root = JsonParser.parseString(text);
		}
		catch (final JsonParseException exc) {
			throw notRecord(url, "not JSON");
		}
		if (!root.isJsonObject()) throw notRecord(url, "not a JSON object");
		return root.getAsJsonObject();
	}

	private static String id(final JsonObject root, final URI url) {
		final JsonElement id = root.has("id") ? root.get("id") : root.get("recid");
		if (id == null || !id.isJsonPrimitive()) throw notRecord(url, "no 'id'");
		final String text = id.getAsString().strip();
		if (!text.matches("[0-9A-Za-z_-]{1,64}")) throw notRecord(url, "a strange 'id'");
		return text;
	}

	private static RecordFile file(final JsonObject file, final URI url, final String where) {
		final String key = text(file, "key", url, where);
		if (key.isEmpty() || key.startsWith(".") || key.contains("/") || key.contains("\\") || key.length() > 255 ||
			key.chars().anyMatch(Character::isISOControl))
		{
			throw notRecord(url, where + "key '" + key.replaceAll("\\p{Cntrl}", "?") + "' is not a plain file name");
		}
		final JsonElement size = file.get("size");
		final long bytes;
		try {
			bytes = size == null || !size.isJsonPrimitive() ? -1 : size.getAsJsonPrimitive().getAsBigDecimal()
				.longValueExact();
		}
		catch (final ArithmeticException | NumberFormatException exc) {
			throw notRecord(url, where + "size is not a whole number of bytes");
		}
		if (bytes < 0) throw notRecord(url, where + "size is missing or negative ('" + key + "')");
		final String checksum = text(file, "checksum", url, where);
		if (!MD5.matcher(checksum).matches()) {
			throw notRecord(url, where + "checksum '" + checksum + "' is not md5:<32 hex digits> ('" + key + "')");
		}
		final ExpectedDigest md5 = ExpectedDigest.md5(checksum.substring(4), "Zenodo's records API, " + url);
		return new RecordFile(key, bytes, md5, link(object(file, "links", url, where), key, url, where + "links."));
	}

	private static URI link(final JsonObject links, final String key, final URI url, final String where) {
		final String name = links.has("content") ? "content" : links.has("download") ? "download" : "self";
		final String text = text(links, name, url, where);
		final URI link;
		try {
			link = url.resolve(new URI(text));
		}
		catch (final URISyntaxException | IllegalArgumentException exc) {
			throw notRecord(url, where + name + " is not a URL");
		}
		final String path = link.getPath() == null ? "" : link.getPath();
		if (!path.endsWith("/" + key) && !path.endsWith("/" + key + "/content")) {
			throw notRecord(url, where + name + " " + link + " does not name the file '" + key + "'");
		}
		if (!UrlPolicy.allowed(link)) {
			throw new BadInputException(url + ": the record links '" + key + "' to " + link +
				"; refused: only https://, or plain http:// to this machine");
		}
		return link;
	}

	private static JsonObject object(final JsonObject parent, final String key, final URI url, final String where) {
		final JsonElement value = parent.get(key);
		if (value == null || !value.isJsonObject()) throw notRecord(url, "no '" + where + key + "' object");
		return value.getAsJsonObject();
	}

	private static String text(final JsonObject parent, final String key, final URI url, final String where) {
		final JsonElement value = parent.get(key);
		if (!(value instanceof JsonPrimitive) || !((JsonPrimitive) value).isString()) {
			throw notRecord(url, "no text '" + where + key + "'");
		}
		return value.getAsString().strip().replaceAll("\\s+", " ");
	}

	private static BadInputException notRecord(final URI url, final String why) {
		return new BadInputException(url + ": not a Zenodo record (" + why + ")");
	}
}
