package covidunet.sample;

import java.util.Arrays;

/**
 * The foreground voxels of one case, for drawing one of them uniformly: the running count of
 * foreground voxels at the start of each x row. Small (one int per row) where a list of the voxels
 * would take megabytes per case; a draw is a binary search over the rows and a scan of one row.
 */
final class ForegroundIndex {

	private final byte[] labels;
	private final int nx;
	private final int ny;
	private final Foreground foreground;
	/** {@code before[r]}: foreground voxels in the rows before row r = y + ny·z; one more entry for the total. */
	private final int[] before;

	ForegroundIndex(final byte[] labels, final int[] size, final Foreground foreground) {
		this.labels = labels;
		this.nx = size[0];
		this.ny = size[1];
		this.foreground = foreground;
		final int rows = size[1] * size[2];
		before = new int[rows + 1];
		if (labels == null) return;
		int count = 0;
		for (int r = 0; r < rows; r++) {
			before[r] = count;
			final int offset = r * nx;
			for (int x = 0; x < nx; x++) {
				if (foreground.contains(labels[offset + x])) count++;
			}
		}
		before[rows] = count;
	}

	/** The number of foreground voxels. */
	int count() {
		return before[before.length - 1];
	}

	/**
	 * The foreground voxel of this rank, in x-fastest order.
	 *
	 * @param rank from 0 to {@link #count()} − 1
	 * @return its x, y, z
	 */
	int[] voxel(final int rank) {
		int row = Arrays.binarySearch(before, rank);
		if (row < 0) row = -row - 2;
		else while (before[row + 1] == rank) row++;
		int left = rank - before[row];
		final int offset = row * nx;
		for (int x = 0;; x++) {
			if (foreground.contains(labels[offset + x]) && left-- == 0) return new int[] { x, row % ny, row / ny };
		}
	}
}
