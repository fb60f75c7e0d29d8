package covidunet.model.published;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import covidunet.dataset.download.LocalServer;

/**
 * A Zenodo record for the tests: files by name, described in either JSON shape of the records API
 * and served with its files by a {@link LocalServer} on 127.0.0.1, at the paths Zenodo uses
 * (under the server's {@code /files/} prefix).
 */
final class TestRecord {

	/** The JSON shapes of Zenodo's records API. */
	enum Shape {
		/** InvenioRDM's: {@code links.self} is {@code …/api/records/<id>/files/<key>/content}. */
		CURRENT,
		/** The legacy one: {@code links.self} is {@code …/api/files/<bucket>/<key>}, with a {@code type}. */
		LEGACY
	}

	/** The record's path on the server, below its {@code /files/} prefix. */
	static final String RECORD_PATH = "api/records/" + PublishedModels.RECORD_ID;

	private static final String BUCKET = "0f4f8a6e-1234-4bcd-9abc-0123456789ab";

	final Map<String, byte[]> files = new LinkedHashMap<>();
	private final Shape shape;

	TestRecord(final Shape shape) {
		this.shape = shape;
	}

	/** Adds a file. */
	TestRecord file(final String key, final byte[] content) {
		files.put(key, content);
		return this;
	}

	/** The path of a file's content on the server, below its {@code /files/} prefix. */
	String path(final String key) {
		return shape == Shape.CURRENT ? RECORD_PATH + "/files/" + key + "/content" : "api/files/" + BUCKET + "/" + key;
	}

	/** The record's description as the records API gives it. */
	JsonObject json(final LocalServer server) {
		final JsonObject root = new JsonObject();
		root.addProperty("id", Integer.parseInt(PublishedModels.RECORD_ID));
		final JsonObject metadata = new JsonObject();
		metadata.addProperty("title",
			"COVID-19 segmentation via MIScnn: models, predictions, visualizations and evaluation");
		metadata.addProperty("version", "1.0");
		final JsonObject license = new JsonObject();
		license.addProperty("id", shape == Shape.CURRENT ? "cc-by-4.0" : "CC-BY-4.0");
		if (shape == Shape.CURRENT) license.addProperty("title", "Creative Commons Attribution 4.0 International");
		metadata.add("license", license);
		root.add("metadata", metadata);
		final JsonArray list = new JsonArray();
		for (final Map.Entry<String, byte[]> file : files.entrySet()) {
			final JsonObject f = new JsonObject();
			if (shape == Shape.CURRENT) f.addProperty("id", "f" + list.size());
			f.addProperty("key", file.getKey());
			f.addProperty("size", file.getValue().length);
			f.addProperty("checksum", "md5:" + md5(file.getValue()));
			final JsonObject links = new JsonObject();
			links.addProperty("self", server.baseUrl() + "/" + path(file.getKey()));
			f.add("links", links);
			final String key = file.getKey();
			if (shape == Shape.LEGACY) f.addProperty("type", key.substring(key.lastIndexOf('.') + 1));
			list.add(f);
		}
		root.add("files", list);
		return root;
	}

	/** Serves the description and the files; returns the record's URL. */
	URI serveOn(final LocalServer server) {
		server.serve(RECORD_PATH, json(server).toString().getBytes(StandardCharsets.UTF_8));
		files.forEach((key, content) -> server.serve(path(key), content));
		return url(server);
	}

	/** The record's URL on the server. */
	static URI url(final LocalServer server) {
		return URI.create(server.baseUrl() + "/" + RECORD_PATH);
	}

	/** MD5 as lower-case hex. */
	static String md5(final byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
		}
		catch (final NoSuchAlgorithmException exc) {
			throw new IllegalStateException(exc);
		}
	}
}
