package covidunet.dataset.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import covidunet.io.CsvTable;
import covidunet.testing.Python;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** NumPy's and nibabel's measurements of cases, to check {@code explore}'s table against. */
final class NumpyExplore {

	private static final String SCRIPT = String.join("\n",
		"import sys, json, numpy as np, nibabel as nib",
		"out = {}",
		"for i in range(1, len(sys.argv), 3):",
		"  cid, image, mask = sys.argv[i:i + 3]",
		"  ct = nib.load(image); d = np.asarray(ct.get_fdata()); m = np.asarray(nib.load(mask).get_fdata())",
		"  ml = float(np.prod(ct.header.get_zooms()[:3])) / 1000",
		"  v = [int((m == c).sum()) for c in range(4)]",
		"  out[cid] = {'dims': list(d.shape[:3]), 'min': float(d.min()), 'max': float(d.max()), 'mean': float(d.mean()),",
		"    'voxels': v, 'ml': [x * ml for x in v],",
		"    'kind': '0-255' if d.min() >= 0 and d.max() <= 255 else 'HU',",
		"    'infection_percent': 100.0 * v[3] / max(1, v[1] + v[2] + v[3])}",
		"print(json.dumps(out))");

	private NumpyExplore() {}

	/** NumPy's numbers per case id, for cases given as {@code id → [image, mask]}. */
	static JsonObject measure(final Map<String, Path[]> cases) {
		final List<String> args = new ArrayList<>();
		cases.forEach((id, files) -> {
			args.add(id);
			args.add(files[0].toString());
			args.add(files[1].toString());
		});
		return JsonParser.parseString(Python.lastLine(SCRIPT, args.toArray(String[]::new))).getAsJsonObject();
	}

	/** Asserts that each row of {@code explore}'s table agrees with NumPy's numbers. */
	static void assertTableAgrees(final Path table, final JsonObject numpy) throws java.io.IOException {
		final List<String> lines = Files.readAllLines(table);
		assertEquals(String.join(",", ExplorationTable.COLUMNS), lines.get(0));
		assertEquals(numpy.size(), lines.size() - 1, "one row per case");
		for (final String line : lines.subList(1, lines.size())) {
			final String[] cells = line.split(",");
			final JsonObject expected = numpy.getAsJsonObject(cells[0]);
			final String where = cells[0] + ": ";
			assertEquals(expected.get("kind").getAsString(), cells[1], where + "kind");
			for (int d = 0; d < 3; d++) {
				assertEquals(expected.getAsJsonArray("dims").get(d).getAsLong(), Long.parseLong(cells[2 + d]), where + "dims");
			}
			assertEquals(CsvTable.format(expected.get("min").getAsDouble()), cells[9], where + "min");
			assertEquals(CsvTable.format(expected.get("max").getAsDouble()), cells[10], where + "max");
			assertEquals(expected.get("mean").getAsDouble(), Double.parseDouble(cells[11]),
				1e-5 * Math.max(1, Math.abs(expected.get("mean").getAsDouble())), where + "mean");
			for (int c = 0; c < 4; c++) {
				assertEquals(expected.getAsJsonArray("voxels").get(c).getAsLong(), Long.parseLong(cells[12 + c]),
					where + "voxels of class " + c);
			}
			for (int c = 1; c < 4; c++) {
				final double ml = expected.getAsJsonArray("ml").get(c).getAsDouble();
				assertEquals(ml, Double.parseDouble(cells[15 + c]), 1e-5 * Math.max(1, ml), where + "mL of class " + c);
			}
			assertEquals(expected.get("infection_percent").getAsDouble(), Double.parseDouble(cells[20]), 1e-4,
				where + "infection share");
		}
	}
}
