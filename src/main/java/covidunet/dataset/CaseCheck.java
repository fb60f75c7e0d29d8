package covidunet.dataset;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import covidunet.BadInputException;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;

/**
 * The second step of {@link Dataset#open}: checks one case's files by their headers alone. Each
 * file must be a single-file NIfTI-1 volume (an image of one slice is refused); an image and its
 * mask must have the same dims and the same geometry: the eight corner voxels of the grid,
 * mapped to world coordinates by each file's {@link Geometry#affine()}, lie at most
 * {@value #ABSOLUTE_TOLERANCE_MM} mm plus {@value #RELATIVE_TOLERANCE} of the grid's diagonal
 * (in mm) apart. For a 512×512×300 grid of 0.7 × 0.7 × 1 mm that is about 0.06 mm, a tenth of a
 * voxel: far above the float rounding with which tools rewrite a transform, far below any real
 * misalignment.
 */
final class CaseCheck {

	/** The fixed part of the geometry tolerance, in mm. */
	static final double ABSOLUTE_TOLERANCE_MM = 1e-3;

	/** The part of the geometry tolerance proportional to the grid's diagonal. */
	static final double RELATIVE_TOLERANCE = 1e-4;

	private CaseCheck() {}

	/**
	 * Checks a case, adding a sentence per problem (each starting with the case id) to
	 * {@code problems}.
	 *
	 * @param image the image file, or null if the case has none
	 * @param mask the mask file, or null if the case has none
	 * @return whether the case has no problem
	 */
	static boolean check(final String id, final Path image, final Path mask, final List<String> problems) {
		final int before = problems.size();
		if (image == null) problems.add(id + " has a mask but no image");
		if (mask == null) problems.add(id + " has no mask");
		final NiftiHeader imageHeader = image == null ? null : header(id, "image", image, problems);
		final NiftiHeader maskHeader = mask == null ? null : header(id, "mask", mask, problems);
		if (imageHeader != null && imageHeader.geometry().dim(2) < 2) {
			problems.add(id + ": image is a 2-D image (" + dimsText(imageHeader.geometry().dims()) +
				", one slice); a case needs a volume");
		}
		if (imageHeader != null && maskHeader != null) {
			compare(id, imageHeader.geometry(), maskHeader.geometry(), problems);
		}
		return problems.size() == before;
	}

	private static NiftiHeader header(final String id, final String role, final Path file,
		final List<String> problems)
	{
		try {
			final NiftiHeader header = NiftiReader.readHeader(file);
			if (header.isSingleFile()) return header;
			problems.add(id + ": " + role + " is the header of a .hdr/.img pair, not a single-file NIfTI-1");
		}
		catch (final BadInputException e) {
			final String prefix = file + ": ";
			final String message = e.getMessage();
			problems.add(id + ": " + role + ": " + (message.startsWith(prefix) ? message.substring(prefix.length()) : message));
		}
		return null;
	}

	private static void compare(final String id, final Geometry image, final Geometry mask,
		final List<String> problems)
	{
		final long[] dims = image.dims();
		if (!Arrays.equals(dims, mask.dims())) {
			problems.add(id + ": image " + dimsText(dims) + " but mask " + dimsText(mask.dims()));
			return;
		}
		final double gap = cornerGap(image.affine(), mask.affine(), dims);
		if (gap > tolerance(image)) {
			problems.add(String.format(Locale.ROOT,
				"%s: mask geometry differs from the image's (grid corners up to %.3g mm apart; image %s, mask %s)", id,
				gap, image.orientation(), mask.orientation()));
		}
	}

	/** The largest distance in mm between the world positions of the grid's corner voxels. */
	static double cornerGap(final Affine a, final Affine b, final long[] dims) {
		double gap = 0;
		for (int corner = 0; corner < 8; corner++) {
			final double x = (corner & 1) == 0 ? 0 : dims[0] - 1;
			final double y = (corner & 2) == 0 ? 0 : dims[1] - 1;
			final double z = (corner & 4) == 0 ? 0 : dims[2] - 1;
			final double[] p = a.apply(x, y, z);
			final double[] q = b.apply(x, y, z);
			gap = Math.max(gap, Math.sqrt(square(p[0] - q[0]) + square(p[1] - q[1]) + square(p[2] - q[2])));
		}
		return gap;
	}

	/** The geometry tolerance in mm for a grid. */
	static double tolerance(final Geometry geometry) {
		final double[] spacing = geometry.spacing();
		double diagonal = 0;
		for (int d = 0; d < 3; d++) diagonal += square(geometry.dim(d) * spacing[d]);
		return ABSOLUTE_TOLERANCE_MM + RELATIVE_TOLERANCE * Math.sqrt(diagonal);
	}

	private static double square(final double v) {
		return v * v;
	}

	private static String dimsText(final long[] dims) {
		return dims[0] + "x" + dims[1] + "x" + dims[2];
	}
}
