package covidunet.model.published;

import java.nio.file.Path;

/**
 * A Keras HDF5 file of a record: a file of the record, or one inside an archive of it.
 *
 * @param path where it is in the record: the file's key, or the archive's key, {@code /} and the
 *          path inside the archive (e.g. {@code models.zip/fold_3/model.best.hdf5})
 * @param file where it is (or will be) on disk
 * @param url where it came from: the file's URL, or the archive's URL, {@code !/} and the path
 *          inside the archive (as Java's {@code jar:} URLs name entries)
 */
public record ModelFile(String path, Path file, String url) {

	/** The last part of the path: the file's own name. */
	public String name() {
		return path.substring(path.lastIndexOf('/') + 1);
	}
}
