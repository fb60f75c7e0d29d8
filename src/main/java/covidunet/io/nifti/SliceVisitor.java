package covidunet.io.nifti;

/**
 * Receives a NIfTI-1 volume slice by slice from {@link NiftiReader#readSlices}, so that
 * statistics over big files need no more memory than a slice.
 */
@FunctionalInterface
public interface SliceVisitor {

	/**
	 * Called once, before the first slice, with the checked header; its
	 * {@link NiftiHeader#slope()} and {@link NiftiHeader#intercept()} turn stored values into
	 * the volume's values.
	 */
	default void header(final NiftiHeader header) {}

	/**
	 * Called for z = 0, 1, … in order with one slice's stored (unscaled) values, x fastest: a
	 * new primitive array of the header's datatype (see {@link NiftiDatatype}; unsigned values
	 * lie in the signed array of their width) that the visitor may keep.
	 *
	 * @param z the slice index
	 * @param voxels {@code byte[]}, {@code short[]}, {@code int[]}, {@code long[]},
	 *          {@code float[]} or {@code double[]} of {@code dims[0] * dims[1]} values
	 */
	void slice(int z, Object voxels);
}
