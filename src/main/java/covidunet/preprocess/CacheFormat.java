package covidunet.preprocess;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.io.Affine;
import covidunet.io.Geometry;

/**
 * The bytes of one cache file (big-endian):
 *
 * <pre>
 * magic "CUNETPC\n" · int format version · int n · n bytes of JSON header (id, key, grid,
 * both transforms with their codes, quantisation minimum and step, whether labels follow)
 * · int payload length · int compressed length · compressed payload (raw deflate)
 * · int CRC-32 of every byte before it
 * </pre>
 *
 * The payload holds the image quantised to 16 bits, {@code q = round((v − min)/step)} with
 * {@code step = max(sd/1024, (max − min)/65535)} where sd is the volume's standard deviation (1
 * for a z-scored volume): a voxel comes back within {@code step/2}, plus float rounding, of its
 * value. For a CT z-scored with an sd of some 400 HU that is about 0.2 HU, far below scanner
 * noise and the 5.9 HU steps of 0–255 images, while the 4 noise bits a step of range/65535
 * would keep make the file a third larger. The levels are stored as differences along the
 * flat array (mod 2¹⁶), split into a plane of high bytes and a plane of low bytes, which
 * deflate compresses better than interleaved samples; then the labels, one byte each.
 */
final class CacheFormat {

	/** Bumped whenever the bytes or the preprocessing code change what a key stands for. */
	static final int VERSION = 1;

	/** The deflate level: 1 (fastest); higher levels gain a few per cent at several times the time. */
	static final int LEVEL = Deflater.BEST_SPEED;

	private static final byte[] MAGIC = "CUNETPC\n".getBytes(StandardCharsets.US_ASCII);
	private static final int LEVELS = 65535;

	/** The file is not a complete, intact cache file of the expected key. */
	static final class Corrupt extends Exception {

		private static final long serialVersionUID = 1L;

		Corrupt(final String message) {
			super(message);
		}
	}

	private CacheFormat() {}

	/** Quantisation steps per standard deviation of the volume. */
	private static final int STEPS_PER_SD = 1024;

	/** The largest difference between a voxel and its value after a round trip through the cache. */
	static double errorBound(final float[] image) {
		final float[] range = range(image);
		return step(image, range) / 2 + Math.ulp(Math.max(Math.abs(range[0]), Math.abs(range[1])));
	}

	/** The quantisation step of an image whose minimum and maximum are {@code range}. */
	private static double step(final float[] image, final float[] range) {
		return Math.max(MeanSd.of(image).sd() / STEPS_PER_SD, (range[1] - (double) range[0]) / LEVELS);
	}

	/** The cache file's bytes for a case under a key. */
	static byte[] encode(final PreprocessedCase c, final String key) {
		final float[] image = c.imageArray();
		final float[] range = range(image);
		final double min = range[0];
		final double step = step(image, range);
		final JsonObject header = header(c, key, min, step);
		final int n = image.length;
		final byte[] payload = new byte[2 * n + (c.hasLabels() ? n : 0)];
		int previous = 0;
		for (int i = 0; i < n; i++) {
			final int q = step > 0 ? (int) Math.max(0, Math.min(LEVELS, Math.round((image[i] - min) / step))) : 0;
			final int delta = (q - previous) & 0xffff;
			payload[i] = (byte) (delta >>> 8);
			payload[n + i] = (byte) delta;
			previous = q;
		}
		if (c.hasLabels()) System.arraycopy(c.labelArray(), 0, payload, 2 * n, n);
		try {
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length / 4 + 1024);
			final DataOutputStream out = new DataOutputStream(bytes);
			out.write(MAGIC);
			out.writeInt(VERSION);
			final byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
			out.writeInt(json.length);
			out.write(json);
			final byte[] compressed = deflate(payload);
			out.writeInt(payload.length);
			out.writeInt(compressed.length);
			out.write(compressed);
			out.flush();
			final CRC32 crc = new CRC32();
			crc.update(bytes.toByteArray());
			out.writeInt((int) crc.getValue());
			return bytes.toByteArray();
		}
		catch (final IOException e) {
			throw new IllegalStateException("writing to memory failed", e);
		}
	}

	/**
	 * The case in a cache file's bytes.
	 *
	 * @throws Corrupt if the bytes are truncated, fail their checksum, are of another format
	 *           version or key, or do not decode
	 */
	static PreprocessedCase decode(final byte[] file, final String key) throws Corrupt {
		if (file.length < MAGIC.length + 20) throw new Corrupt("truncated: " + file.length + " bytes");
		final ByteBuffer in = ByteBuffer.wrap(file);
		final CRC32 crc = new CRC32();
		crc.update(file, 0, file.length - 4);
		if ((int) crc.getValue() != in.getInt(file.length - 4)) throw new Corrupt("checksum mismatch");
		final byte[] magic = new byte[MAGIC.length];
		in.get(magic);
		if (!Arrays.equals(magic, MAGIC)) throw new Corrupt("not a cache file");
		final int version = in.getInt();
		if (version != VERSION) throw new Corrupt("format version " + version + ", expected " + VERSION);
		try {
			final byte[] json = new byte[in.getInt()];
			in.get(json);
			final JsonObject header = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
			if (!key.equals(header.get("key").getAsString())) throw new Corrupt("stored under another key");
			final int payloadLength = in.getInt();
			final byte[] compressed = new byte[in.getInt()];
			in.get(compressed);
			if (in.remaining() != 4) throw new Corrupt("trailing bytes");
			return toCase(header, inflate(compressed, payloadLength));
		}
		catch (final RuntimeException e) {
			throw new Corrupt("malformed: " + e);
		}
	}

	private static PreprocessedCase toCase(final JsonObject header, final byte[] payload) throws Corrupt {
		final Geometry geometry = new Geometry(longs(header.getAsJsonArray("dims")), doubles(header.getAsJsonArray(
			"spacing")), Affine.ofRows(doubles(header.getAsJsonArray("qform"))), header.get("qform_code").getAsInt(),
			Affine.ofRows(doubles(header.getAsJsonArray("sform"))), header.get("sform_code").getAsInt());
		final boolean hasLabels = header.get("labels").getAsBoolean();
		final long voxels = geometry.voxelCount();
		if (payload.length != voxels * (hasLabels ? 3 : 2)) throw new Corrupt("payload does not fit the grid");
		final int n = (int) voxels;
		final double min = header.get("min").getAsDouble();
		final double step = header.get("step").getAsDouble();
		final float[] image = new float[n];
		int q = 0;
		for (int i = 0; i < n; i++) {
			q = (q + ((payload[i] & 0xff) << 8 | payload[n + i] & 0xff)) & 0xffff;
			image[i] = (float) (min + q * step);
		}
		final byte[] labels = hasLabels ? Arrays.copyOfRange(payload, 2 * n, 3 * n) : null;
		return new PreprocessedCase(header.get("id").getAsString(), geometry, image, labels);
	}

	private static JsonObject header(final PreprocessedCase c, final String key, final double min, final double step) {
		final Geometry g = c.geometry();
		final JsonObject h = new JsonObject();
		h.addProperty("id", c.id());
		h.addProperty("key", key);
		final JsonArray dims = new JsonArray();
		for (final long d : g.dims()) dims.add(d);
		h.add("dims", dims);
		h.add("spacing", array(g.spacing()));
		h.add("qform", array(rows(g.qform())));
		h.addProperty("qform_code", g.qformCode());
		h.add("sform", array(rows(g.sform())));
		h.addProperty("sform_code", g.sformCode());
		h.addProperty("min", min);
		h.addProperty("step", step);
		h.addProperty("labels", c.hasLabels());
		return h;
	}

	private static float[] range(final float[] image) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : image) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		return new float[] { min, max };
	}

	private static byte[] deflate(final byte[] payload) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 4 + 64);
		final Deflater deflater = new Deflater(LEVEL, true);
		try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater, 1 << 16)) {
			stream.write(payload);
		}
		finally {
			deflater.end();
		}
		return out.toByteArray();
	}

	private static byte[] inflate(final byte[] compressed, final int length) throws Corrupt {
		final Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(compressed);
			final byte[] out = new byte[length];
			int done = 0;
			while (done < length && !inflater.finished()) {
				final int n = inflater.inflate(out, done, length - done);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
				done += n;
			}
			if (done != length) throw new Corrupt("payload ends after " + done + " of " + length + " bytes");
			return out;
		}
		catch (final DataFormatException e) {
			throw new Corrupt("payload does not inflate: " + e.getMessage());
		}
		finally {
			inflater.end();
		}
	}

	private static double[] rows(final Affine a) {
		final double[] rows = new double[12];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 4; c++) rows[4 * r + c] = a.get(r, c);
		}
		return rows;
	}

	private static JsonArray array(final double[] values) {
		final JsonArray a = new JsonArray();
		for (final double v : values) a.add(v);
		return a;
	}

	private static double[] doubles(final JsonArray a) {
		final double[] out = new double[a.size()];
		for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsDouble();
		return out;
	}

	private static long[] longs(final JsonArray a) {
		final long[] out = new long[a.size()];
		int i = 0;
		for (final JsonElement e : a) out[i++] = e.getAsLong();
		return out;
	}
}
