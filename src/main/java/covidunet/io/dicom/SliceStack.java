package covidunet.io.dicom;

import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import covidunet.BadInputException;
import covidunet.io.Affine;
import covidunet.io.Geometry;

/**
 * The slices of one series in volume order and the geometry they span.
 * <p>
 * Slices are ordered by their position along the slice normal (the cross product of the row and
 * column directions), not by file name, and must be evenly spaced. Voxel (i, j, k) is column i
 * and row j of the k-th slice in that order, so in DICOM's patient coordinates (LPS) it lies at
 * {@code P + i Δc r + j Δr c + k Δz n}: P the first slice's position, r and c the row and column
 * directions, Δc and Δr the spacing between columns and between rows, n the normal and Δz the
 * slice spacing. The geometry's affine is that map in NIfTI's RAS+ world (x and y negated), with
 * code {@link Geometry#CODE_SCANNER}. Positions off the normal line (a tilted gantry) are not
 * modelled: the grid follows the normal. A single slice has its Slice Thickness (or 1 mm) as Δz
 * and, without position or orientation, lies axially at the origin.
 */
final class SliceStack {

	/** How far apart, relative to the mean, the largest and smallest gap between slices may be. */
	private static final double EVEN_SPACING = 0.01;

	private static final double[] AXIAL = { 1, 0, 0, 0, 1, 0 };
	private static final double[] ORIGIN = { 0, 0, 0 };

	private final List<DicomSlice> ordered;
	private final Geometry geometry;

	private SliceStack(final List<DicomSlice> ordered, final Geometry geometry) {
		this.ordered = ordered;
		this.geometry = geometry;
	}

	/**
	 * Orders and places the slices of one series (see {@link SeriesChecks}).
	 *
	 * @param folder the folder, named in errors
	 * @throws BadInputException if two slices share a position or the spacing is uneven
	 */
	static SliceStack of(final Path folder, final List<DicomSlice> slices) {
		final DicomSlice first = slices.get(0);
		if (slices.size() == 1) {
			final double thickness = first.thickness() > 0 ? first.thickness() : 1;
			return new SliceStack(slices, geometry(first, slices.size(), thickness));
		}
		final double[] normal = Vectors.normal(first.orientation());
		final List<DicomSlice> ordered = new ArrayList<>(slices);
		ordered.sort(Comparator.comparingDouble(s -> depth(s, normal)));
		final int last = ordered.size() - 1;
		final double spacing = (depth(ordered.get(last), normal) - depth(ordered.get(0), normal)) / last;
		requireEvenSpacing(folder, ordered, normal, spacing);
		return new SliceStack(ordered, geometry(ordered.get(0), ordered.size(), spacing));
	}

	/** The slices in volume order. */
	List<DicomSlice> ordered() {
		return ordered;
	}

	/** The volume's geometry. */
	Geometry geometry() {
		return geometry;
	}

	private static double depth(final DicomSlice slice, final double[] normal) {
		return Vectors.dot(slice.position(), 0, normal, 0);
	}

	private static void requireEvenSpacing(final Path folder, final List<DicomSlice> ordered,
		final double[] normal, final double spacing)
	{
		int smallest = 0, largest = 0;
		final double[] gaps = new double[ordered.size() - 1];
		for (int n = 0; n < gaps.length; n++) {
			gaps[n] = depth(ordered.get(n + 1), normal) - depth(ordered.get(n), normal);
			if (gaps[n] < gaps[smallest]) smallest = n;
			if (gaps[n] > gaps[largest]) largest = n;
		}
		if (gaps[smallest] <= EVEN_SPACING * spacing) {
			throw new BadInputException(folder + ": " + between(ordered, smallest) +
				" are at the same position; one slice per position is needed");
		}
		if (gaps[largest] - gaps[smallest] > EVEN_SPACING * spacing) {
			throw new BadInputException(folder + ": slices are not evenly spaced (" + mm(gaps[smallest]) +
				" and " + mm(gaps[largest]) + " between " + between(ordered, largest) + "): a missing slice?");
		}
	}

	private static String between(final List<DicomSlice> ordered, final int gap) {
		return ordered.get(gap).file().getFileName() + " and " + ordered.get(gap + 1).file().getFileName();
	}

	private static String mm(final double value) {
		return new DecimalFormat("0.0##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value) + " mm";
	}

	private static Geometry geometry(final DicomSlice first, final int depth, final double spacing) {
		final double[] o = first.orientation() != null ? first.orientation() : AXIAL;
		final double[] p = first.position() != null ? first.position() : ORIGIN;
		final double[] n = Vectors.normal(o);
		final double[] ps = first.pixelSpacing();
		final double[] ras = { -1, -1, 1 };
		final double[] rows = new double[12];
		for (int d = 0; d < 3; d++) {
			rows[4 * d] = ras[d] * o[d] * ps[1];
			rows[4 * d + 1] = ras[d] * o[3 + d] * ps[0];
			rows[4 * d + 2] = ras[d] * n[d] * spacing;
			rows[4 * d + 3] = ras[d] * p[d];
		}
		final long[] dims = { first.columns(), first.rows(), depth };
		return Geometry.fromAffine(dims, Affine.ofRows(rows), Geometry.CODE_SCANNER);
	}
}
