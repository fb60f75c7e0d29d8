package covidunet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import covidunet.BadInputException;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.VoxelStatistics;

/**
 * {@code info --input F}: one JSON object describing a NIfTI file (docs/cli.md,
 * "info"), computed from the file every time by streaming its voxels once. Needs neither
 * TensorFlow nor a SciJava context, so it starts fast.
 */
public final class InfoSubcommand {

	private InfoSubcommand() {}

	/**
	 * Prints the JSON object for the file {@code options.get("input")} to {@code out}.
	 *
	 * @throws BadInputException if the option is missing, an unknown option is given, or the
	 *           file cannot be read as a NIfTI-1 volume
	 */
	public static void run(final Map<String, String> options, final PrintStream out) {
		for (final String key : options.keySet()) {
			if (!key.equals("input")) throw new BadInputException("unknown option --" + key + " for 'info'");
		}
		final String input = options.get("input");
		if (input == null || input.isEmpty()) throw new BadInputException("missing --input for 'info'");
		final VoxelStatistics statistics = new VoxelStatistics();
		final NiftiHeader header = NiftiReader.readSlices(Path.of(input), statistics);
		out.println(format(describe(header, statistics.summary())));
	}

	/** One member per line, each value compact: readable, and still one JSON object. */
	static String format(final JsonObject json) {
		final Gson gson = new GsonBuilder().serializeNulls().create();
		final StringJoiner members = new StringJoiner(",\n", "{\n", "\n}");
		for (final Map.Entry<String, JsonElement> member : json.entrySet()) {
			members.add("  " + gson.toJson(member.getKey()) + ": " + gson.toJson(member.getValue()));
		}
		return members.toString();
	}

	/** The {@code info} object of a file with this header and these statistics. */
	static JsonObject describe(final NiftiHeader header, final VoxelStatistics.Summary summary) {
		final Geometry geometry = header.geometry();
		final JsonObject json = new JsonObject();
		json.add("dims", longs(geometry.dims()));
		json.addProperty("datatype", header.datatype().numpyName());
		json.add("spacing", doubles(geometry.spacing()));
		json.addProperty("qform_code", geometry.qformCode());
		json.addProperty("sform_code", geometry.sformCode());
		json.add("affine", matrix(geometry.affine()));
		json.addProperty("orientation", geometry.orientation());
		json.add("min", number(summary.min()));
		json.add("max", number(summary.max()));
		json.add("mean", number(summary.mean()));
		json.addProperty("nan_count", summary.nanCount());
		json.addProperty("inf_count", summary.infiniteCount());
		json.add("labels", labels(summary));
		json.addProperty("descrip", header.descrip());
		return json;
	}

	private static JsonElement labels(final VoxelStatistics.Summary summary) {
		if (summary.labels() == null) return JsonNull.INSTANCE;
		final JsonObject labels = new JsonObject();
		summary.labels().forEach((value, count) -> labels.addProperty(format(value), count));
		return labels;
	}

	private static String format(final double value) {
		return value == Math.rint(value) && Math.abs(value) < 0x1p53 ? Long.toString((long) value) : Double.toString(value);
	}

	private static JsonArray matrix(final Affine affine) {
		final JsonArray rows = new JsonArray();
		for (final double[] row : affine.toMatrix()) {
			rows.add(doubles(row));
		}
		return rows;
	}

	private static JsonArray longs(final long[] values) {
		final JsonArray array = new JsonArray();
		for (final long v : values) array.add(v);
		return array;
	}

	private static JsonArray doubles(final double[] values) {
		final JsonArray array = new JsonArray();
		for (final double v : values) array.add(v);
		return array;
	}

	private static JsonElement number(final double value) {
		return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
	}
}
