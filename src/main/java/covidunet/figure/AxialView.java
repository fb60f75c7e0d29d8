package covidunet.figure;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Orientation;

/**
 * How a volume's axial slices are shown in the radiological convention, whatever the volume's
 * orientation: the patient's anterior at the top, the patient's left on the image's right (as if
 * looking up from the feet), square display pixels. The voxel axes are matched to the world axes
 * they run closest to (see {@link Orientation#worldAxes}), so an oblique volume is shown without
 * resampling its obliquity away.
 */
final class AxialView {

	/** Voxel axes along the world's x (display columns), y (rows) and z (slices). */
	final int columnAxis, rowAxis, sliceAxis;
	/** Display size in pixels. */
	final int width, height;
	private final boolean flipColumns, flipRows;
	private final double columnStep, rowStep;
	private final long columns, rows;

	/**
	 * @param pixelMm the display pixel's size in mm; 0 for the smaller in-plane voxel size
	 */
	AxialView(final Geometry geometry, final double pixelMm) {
		final Affine affine = geometry.affine();
		final int[] world = Orientation.worldAxes(affine);
		final int[] voxelAxis = new int[3];
		for (int v = 0; v < 3; v++) voxelAxis[world[v]] = v;
		columnAxis = voxelAxis[0];
		rowAxis = voxelAxis[1];
		sliceAxis = voxelAxis[2];
		// Columns run towards the patient's left (world −x), rows towards posterior (world −y).
		flipColumns = affine.get(0, columnAxis) > 0;
		flipRows = affine.get(1, rowAxis) > 0;
		final double[] spacing = geometry.spacing();
		final double pixel = pixelMm > 0 ? pixelMm : Math.min(spacing[columnAxis], spacing[rowAxis]);
		columns = geometry.dim(columnAxis);
		rows = geometry.dim(rowAxis);
		columnStep = pixel / spacing[columnAxis];
		rowStep = pixel / spacing[rowAxis];
		width = (int) Math.max(1, Math.round(columns / columnStep));
		height = (int) Math.max(1, Math.round(rows / rowStep));
	}

	/** The number of axial slices. */
	long slices(final Geometry geometry) {
		return geometry.dim(sliceAxis);
	}

	/** The voxel shown at display pixel (x, y) of axial slice {@code slice}, into {@code position}. */
	void voxel(final int x, final int y, final long slice, final long[] position) {
		final long c = Math.min(columns - 1, (long) ((x + 0.5) * columnStep));
		final long r = Math.min(rows - 1, (long) ((y + 0.5) * rowStep));
		position[columnAxis] = flipColumns ? columns - 1 - c : c;
		position[rowAxis] = flipRows ? rows - 1 - r : r;
		position[sliceAxis] = slice;
	}
}
