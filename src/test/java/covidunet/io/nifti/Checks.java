package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;

import covidunet.BadInputException;
import covidunet.io.Affine;
import covidunet.io.Volume;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** Assertions shared by the NIfTI tests. */
final class Checks {

	private Checks() {}

	/** A volume's values as doubles, x fastest. */
	static double[] values(final Volume<?> volume) {
		final double[] values = new double[Math.toIntExact(volume.geometry().voxelCount())];
		int i = 0;
		for (final RealType<?> v : Views.flatIterable(volume.image())) {
			values[i++] = v.getRealDouble();
		}
		return values;
	}

	/**
	 * Asserts equal values, NaN matching NaN, each within {@code relative} of the expected
	 * magnitude (exact when 0).
	 */
	static void assertValues(final double[] expected, final double[] actual, final double relative, final String what) {
		assertEquals(expected.length, actual.length, what + ": number of voxels");
		for (int i = 0; i < expected.length; i++) {
			final double e = expected[i], a = actual[i];
			if (Double.isNaN(e) || Double.isNaN(a) || Double.isInfinite(e)) {
				if (Double.compare(e, a) != 0) fail(what + ": voxel " + i + " is " + a + ", expected " + e);
			}
			else if (Math.abs(e - a) > relative * Math.abs(e)) {
				fail(what + ": voxel " + i + " is " + a + ", expected " + e);
			}
		}
	}

	/** Asserts that a 4×4 matrix's first three rows equal the affine's within {@code tolerance}. */
	static void assertAffine(final double[][] expected, final Affine actual, final double tolerance, final String what) {
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 4; c++) {
				if (Math.abs(expected[r][c] - actual.get(r, c)) > tolerance) {
					fail(what + ": entry (" + r + ", " + c + ") is " + actual.get(r, c) + ", expected " + expected[r][c] +
						"\nexpected " + Arrays.deepToString(expected) + "\nactual   " + actual);
				}
			}
		}
	}

	/** The 4×4 diagonal of three scales. */
	static double[][] diagonal(final double sx, final double sy, final double sz) {
		return new double[][] { { sx, 0, 0, 0 }, { 0, sy, 0, 0 }, { 0, 0, sz, 0 }, { 0, 0, 0, 1 } };
	}

	/**
	 * Asserts that {@code action} fails with a {@link BadInputException} whose one-line message
	 * starts with the file as given and contains each word (case-insensitively).
	 */
	static BadInputException assertBad(final Path file, final Executable action, final String... words) {
		final BadInputException e = assertThrows(BadInputException.class, action);
		final String message = e.getMessage();
		assertTrue(message.startsWith(file.toString() + ": "), () -> "message does not start with the file: " + message);
		assertFalse(message.contains("\n"), () -> "message has several lines: " + message);
		for (final String word : words) {
			assertTrue(message.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
				() -> "message lacks '" + word + "': " + message);
		}
		return e;
	}

	/**
	 * The shared real fixtures, {@code ../shared/data/real} beside the Maven base folder; skips
	 * the test when absent.
	 */
	static Path realData() {
		final Path real = realDataFolder();
		Assumptions.assumeTrue(Files.isDirectory(real), () -> "no shared fixtures at " + real);
		return real;
	}

	/** Where the shared real fixtures are, {@code ../shared/data/real}, whether they exist or not. */
	static Path realDataFolder() {
		final Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
		return base.resolveSibling("shared").resolve("data").resolve("real");
	}
}
