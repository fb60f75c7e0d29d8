package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Debian's nibabel, run by {@code /usr/bin/python3}, as an independent NIfTI-1 writer and
 * reader. Calls are batched: one Python process writes or reads many files. Paths travel as
 * arguments and in JSON files, never through a shell.
 */
final class NibabelOracle {

	private static final String PYTHON = "/usr/bin/python3";
	private static final String SCRIPT = script();
	private static String unavailable;
	private static boolean probed;

	private NibabelOracle() {}

	/** Whether nibabel can be run (probed once). */
	static synchronized boolean available() {
		if (!probed) {
			probed = true;
			unavailable = probe();
		}
		return unavailable == null;
	}

	/** Skips the calling test, with the reason, when nibabel cannot be run. */
	static void assumeAvailable() {
		Assumptions.assumeTrue(available(), () -> "nibabel not installed: " + unavailable);
	}

	/**
	 * Writes one file per spec with nibabel (see {@code nibabel_oracle.py}): each spec gives
	 * {@code path}, {@code shape}, {@code dtype} and optionally {@code byteorder},
	 * {@code zooms}, {@code qform}/{@code qform_code}, {@code sform}/{@code sform_code},
	 * {@code slope}/{@code inter}, {@code units}, {@code extension}, {@code specials},
	 * {@code seed}, {@code descrip}.
	 */
	static void write(final Path workDir, final List<Map<String, Object>> specs) throws IOException {
		final Path specFile = Files.createTempFile(workDir, "specs", ".json");
		Files.writeString(specFile, new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(specs));
		run(List.of("write", specFile.toString()));
	}

	/** nibabel's view of each file: header fields, affines and scaled voxel values. */
	static List<Reading> read(final Path workDir, final List<Path> files) throws IOException {
		final JsonArray requests = new JsonArray();
		final List<Path> raws = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			final Path raw = workDir.resolve("oracle-values-" + i + ".raw");
			raws.add(raw);
			final JsonObject request = new JsonObject();
			request.addProperty("path", files.get(i).toString());
			request.addProperty("raw", raw.toString());
			requests.add(request);
		}
		final Path requestFile = Files.createTempFile(workDir, "requests", ".json");
		final Path resultFile = Files.createTempFile(workDir, "results", ".json");
		Files.writeString(requestFile, requests.toString());
		run(List.of("read", requestFile.toString(), resultFile.toString()));
		final JsonArray results = JsonParser.parseString(Files.readString(resultFile)).getAsJsonArray();
		assertEquals(files.size(), results.size(), "nibabel's answers");
		final List<Reading> readings = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raws.get(i))).order(ByteOrder.LITTLE_ENDIAN);
			final double[] values = new double[bytes.remaining() / 8];
			bytes.asDoubleBuffer().get(values);
			Files.delete(raws.get(i));
			readings.add(new Reading(results.get(i).getAsJsonObject(), values));
		}
		return readings;
	}

	/** nibabel's reading of one file. */
	static final class Reading {

		private final JsonObject json;
		private final double[] values;

		Reading(final JsonObject json, final double[] values) {
			this.json = json;
			this.values = values;
		}

		/** The data shape (2 to 4 sizes). */
		long[] shape() {
			final JsonArray a = json.getAsJsonArray("shape");
			final long[] shape = new long[a.size()];
			for (int i = 0; i < shape.length; i++) shape[i] = a.get(i).getAsLong();
			return shape;
		}

		/** The shape as a volume: the first three sizes, 1 where the file has fewer. */
		long[] volumeDims() {
			final long[] shape = shape();
			final long[] dims = { 1, 1, 1 };
			for (int d = 0; d < Math.min(3, shape.length); d++) dims[d] = shape[d];
			return dims;
		}

		double[] zooms() {
			return doubles(json.getAsJsonArray("zooms"));
		}

		double[] pixdim() {
			return doubles(json.getAsJsonArray("pixdim"));
		}

		String dtype() {
			return json.get("dtype").getAsString();
		}

		String byteorder() {
			return json.get("byteorder").getAsString();
		}

		int qformCode() {
			return json.get("qform_code").getAsInt();
		}

		int sformCode() {
			return json.get("sform_code").getAsInt();
		}

		/** {@code header.get_qform()}, 4×4. */
		double[][] qform() {
			return matrix(json.getAsJsonArray("qform"));
		}

		/** {@code header.get_sform()}, 4×4. */
		double[][] sform() {
			return matrix(json.getAsJsonArray("sform"));
		}

		/** {@code img.affine}, 4×4. */
		double[][] affine() {
			return matrix(json.getAsJsonArray("affine"));
		}

		/** {@code get_slope_inter()}'s slope, NaN for None. */
		double slope() {
			return json.get("slope").isJsonNull() ? Double.NaN : json.get("slope").getAsDouble();
		}

		/** {@code get_slope_inter()}'s intercept, NaN for None. */
		double inter() {
			return json.get("inter").isJsonNull() ? Double.NaN : json.get("inter").getAsDouble();
		}

		double voxOffset() {
			return json.get("vox_offset").getAsDouble();
		}

		String descrip() {
			return json.get("descrip").getAsString();
		}

		String xyzUnits() {
			return json.get("xyz_units").getAsString();
		}

		int extensions() {
			return json.get("extensions").getAsInt();
		}

		/** {@code np.asarray(img.dataobj)} as float64, x fastest. */
		double[] values() {
			return values;
		}

		@Override
		public String toString() {
			return json.toString();
		}

		private static double[] doubles(final JsonArray a) {
			final double[] v = new double[a.size()];
			for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsDouble();
			return v;
		}

		private static double[][] matrix(final JsonArray rows) {
			final double[][] m = new double[rows.size()][];
			for (int r = 0; r < m.length; r++) m[r] = doubles(rows.get(r).getAsJsonArray());
			return m;
		}
	}

	/** A spec for {@link #write}: path, dtype and shape, then key/value pairs. */
	static Map<String, Object> spec(final Path path, final String dtype, final int[] shape,
		final Object... keyValues)
	{
		final Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("path", path.toString());
		spec.put("dtype", dtype);
		spec.put("shape", shape);
		for (int i = 0; i < keyValues.length; i += 2) {
			spec.put((String) keyValues[i], keyValues[i + 1]);
		}
		return spec;
	}

	private static void run(final List<String> arguments) throws IOException {
		final List<String> command = new ArrayList<>(List.of(PYTHON, "-c", SCRIPT));
		command.addAll(arguments);
		final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("nibabel oracle timed out");
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted while waiting for nibabel");
		}
		if (process.exitValue() != 0) {
			fail("nibabel oracle " + arguments.get(0) + " failed (exit " + process.exitValue() + "):\n" + output);
		}
	}

	private static String probe() {
		if (!Files.isExecutable(Path.of(PYTHON))) return "no " + PYTHON;
		try {
			final Process process = new ProcessBuilder(PYTHON, "-c", "import nibabel, numpy")
				.redirectErrorStream(true).start();
			final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return "importing nibabel timed out";
			}
			return process.exitValue() == 0 ? null : PYTHON + " cannot import nibabel: " + lastLine(output);
		}
		catch (final IOException e) {
			return "cannot run " + PYTHON + ": " + e.getMessage();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private static String lastLine(final String text) {
		final String[] lines = text.split("\n");
		return lines[lines.length - 1];
	}

	private static String script() {
		try (InputStream in = NibabelOracle.class.getResourceAsStream("nibabel_oracle.py")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new IllegalStateException("cannot load nibabel_oracle.py", e);
		}
	}
}
