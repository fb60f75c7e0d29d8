package covidunet.predict;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import net.imglib2.type.numeric.integer.UnsignedByteType;

import covidunet.dataset.MaskReader;
import covidunet.io.Volume;

/**
 * The volumes clinicians read from a segmentation (docs/formats.md, Labels): the lung
 * volume is labels 1 + 2 + 3; the infection share is label 3 over labels 1 + 2 + 3; per side,
 * each infection voxel counts for the lung whose label is nearest to it ({@link InfectionSides}).
 * Volumes in millilitres (voxel volume = the product of the spacings, mm³ / 1000).
 *
 * @param leftMl left lung, its infection included
 * @param rightMl right lung, its infection included
 * @param infectionMl infection, both sides
 * @param infectionLeftMl infection counted for the left lung
 * @param infectionRightMl infection counted for the right lung
 */
public record Volumetrics(double leftMl, double rightMl, double infectionMl, double infectionLeftMl,
	double infectionRightMl)
{

	/** The CSV header, matching {@link #csvRow(String)}. */
	public static final List<String> COLUMNS = List.of("case", "lung_left_ml", "lung_right_ml", "lung_ml",
		"infection_ml", "infection_percent", "infection_left_ml", "infection_left_percent", "infection_right_ml",
		"infection_right_percent");

	private static final int LEFT = 1, RIGHT = 2, INFECTION = 3;

	/** Both lungs, infection included: labels 1 + 2 + 3. */
	public double lungMl() {
		return leftMl + rightMl;
	}

	/** Infection as a percentage of the lung volume (NaN without lungs). */
	public double infectionPercent() {
		return percent(infectionMl, lungMl());
	}

	/** Left-lung infection as a percentage of the left lung (NaN without a left lung). */
	public double infectionLeftPercent() {
		return percent(infectionLeftMl, leftMl);
	}

	/** Right-lung infection as a percentage of the right lung (NaN without a right lung). */
	public double infectionRightPercent() {
		return percent(infectionRightMl, rightMl);
	}

	private static double percent(final double part, final double whole) {
		return whole > 0 ? 100 * part / whole : Double.NaN;
	}

	/** One CSV row (numbers with 3 decimals, NaN as empty) for case {@code id}. */
	public List<String> csvRow(final String id) {
		return List.of(id, number(leftMl), number(rightMl), number(lungMl()), number(infectionMl), number(
			infectionPercent()), number(infectionLeftMl), number(infectionLeftPercent()), number(infectionRightMl), number(
				infectionRightPercent()));
	}

	private static String number(final double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
	}

	/** The volumetrics of a label volume (labels 0–3, as {@code segment} writes). */
	public static Volumetrics of(final Volume<UnsignedByteType> labels) {
		final long[] d = labels.geometry().dims();
		final int nx = (int) d[0], ny = (int) d[1], nz = (int) d[2];
		final byte[] l = MaskReader.voxels("labels", labels);
		final double[] s = labels.geometry().spacing();
		final double ml = s[0] * s[1] * s[2] / 1000;
		final long[] count = new long[4];
		for (final byte b : l) {
			if (b >= 0 && b < 4) count[b]++;
		}
		final long[] side = InfectionSides.count(l, new int[] { nx, ny, nz }, s);
		return new Volumetrics((count[LEFT] + side[0]) * ml, (count[RIGHT] + side[1]) * ml, count[INFECTION] * ml,
			side[0] * ml, side[1] * ml);
	}

	@Override
	public String toString() {
		return Arrays.toString(csvRow("").toArray());
	}
}
