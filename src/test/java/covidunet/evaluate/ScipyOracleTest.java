package covidunet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * Our metrics against {@link ScipyMetrics} on roughened ellipsoid lungs with infection blobs,
 * 0.7 × 0.7 × 2.5 mm voxels, lungs cut by the volume's border, infection in only one of truth and
 * prediction, single-voxel infection, and a right lung in neither. Overlap metrics must agree to
 * 1e-6, HD95 within one voxel diagonal, NSD within 0.02.
 */
class ScipyOracleTest {

	private static final int[] SIZE = { 56, 48, 24 };
	private static final double[] SPACING = { 0.7, 0.7, 2.5 };

	@Test
	void agreesWithScipy(@TempDir final Path folder) throws IOException {
		final List<LabelGrid[]> cases = List.of(
			new LabelGrid[] { truth(1, true, true), prediction(2, true) },
			new LabelGrid[] { truth(3, true, false), prediction(4, true) },
			new LabelGrid[] { truth(5, true, true), prediction(6, false) },
			new LabelGrid[] { tinyInfection(7, 0), tinyInfection(8, 1) });
		final List<Path[]> files = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			final Path truth = folder.resolve(i + "_truth.raw"), prediction = folder.resolve(i + "_prediction.raw");
			Files.write(truth, cases.get(i)[0].labels);
			Files.write(prediction, cases.get(i)[1].labels);
			files.add(new Path[] { truth, prediction });
		}
		final JsonArray scipy = ScipyMetrics.measure(SIZE, SPACING, files);
		final double diagonal = Math.sqrt(0.7 * 0.7 * 2 + 2.5 * 2.5);
		final double[] largest = new double[3];
		for (int i = 0; i < cases.size(); i++) {
			final CaseMetrics ours = CaseMetrics.of(cases.get(i)[0].labels, cases.get(i)[1].labels, SIZE, SPACING);
			for (final EvaluatedClass c : EvaluatedClass.values()) {
				for (final Metric m : Metric.values()) {
					final JsonElement expected = scipy.get(i).getAsJsonObject().getAsJsonObject(c.key()).get(m.key());
					final double value = ours.value(c, m);
					final String where = "case " + i + " " + c.key() + " " + m.key();
					if (expected.isJsonNull()) {
						assertTrue(Double.isNaN(value), where + ": " + value + ", SciPy NaN");
						continue;
					}
					final double difference = Math.abs(value - expected.getAsDouble());
					final int kind = m == Metric.HD95 ? 1 : m == Metric.NSD ? 2 : 0;
					largest[kind] = Math.max(largest[kind], difference);
					assertEquals(expected.getAsDouble(), value, new double[] { 1e-6, diagonal, 0.02 }[kind], where);
				}
			}
		}
		System.out.println(String.format(Locale.ROOT, "SciPy oracle, largest differences: overlap %.2g, " +
			"HD95 %.2g mm, NSD %.2g", largest[0], largest[1], largest[2]));
	}

	private static LabelGrid truth(final long seed, final boolean rightLung, final boolean infection) {
		final SyntheticMasks masks = new SyntheticMasks(SIZE, SPACING, seed)
			.ellipsoid(new double[] { 11, 17, 30 }, new double[] { 9, 13, 35 }, 0.1, 1);
		if (rightLung) masks.ellipsoid(new double[] { 28, 17, 28 }, new double[] { 9, 14, 33 }, 0.1, 2);
		if (infection) masks.infection(new double[] { 9, 20, 20 }, 5).infection(new double[] { 30, 12, 40 }, 4);
		return masks.grid();
	}

	private static LabelGrid prediction(final long seed, final boolean infection) {
		final SyntheticMasks masks = new SyntheticMasks(SIZE, SPACING, seed)
			.ellipsoid(new double[] { 11.6, 16.5, 31 }, new double[] { 9.5, 12.5, 34 }, 0.15, 1)
			.ellipsoid(new double[] { 27.5, 17.5, 27 }, new double[] { 8.5, 14.5, 34 }, 0.15, 2);
		if (infection) {
			masks.infection(new double[] { 9.5, 20.5, 22 }, 5.5).infection(new double[] { 31, 12, 38 }, 3)
				.infection(new double[] { 28, 25.2, 15 }, 0.5);
		}
		return masks.grid();
	}

	/** A left lung only, with one infection voxel in slice 6 + {@code shift}. */
	private static LabelGrid tinyInfection(final long seed, final int shift) {
		return truth(seed, false, false).set(15, 24, 6 + shift, 3);
	}
}
