package covidunet.io.nifti;

import java.nio.file.Path;
import java.util.Arrays;

import covidunet.BadInputException;

/**
 * A child JVM's main: reads each file named on the command line with {@link NiftiReader#read}
 * and prints one line per file, {@code value <dims>} or {@code bad <message>}; anything else
 * thrown (an {@link OutOfMemoryError} above all) prints {@code unexpected <throwable>}.
 */
public final class ReadEachFile {

	private ReadEachFile() {}

	/** @param args the files to read */
	public static void main(final String[] args) {
		for (final String name : args) {
			try {
				System.out.println("value " + Arrays.toString(NiftiReader.read(Path.of(name)).geometry().dims()));
			}
			catch (final BadInputException e) {
				System.out.println("bad " + e.getMessage());
			}
			catch (final Throwable e) {
				System.out.println("unexpected " + e);
			}
		}
	}
}
