package covidunet.phantom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nibabel, run by {@code /usr/bin/python3}, as an independent reader: one process reads
 * the given files and prints, per file, its shape, dtype, orientation codes and the sorted
 * distinct values (for uint8) or the value range.
 */
final class Nibabel {

	private static final String PYTHON = "/usr/bin/python3";

	private static final String SCRIPT = String.join("\n",
		"import sys",
		"import numpy as np",
		"import nibabel as nib",
		"for path in sys.argv[1:]:",
		"    img = nib.load(path)",
		"    a = np.asanyarray(img.dataobj)",
		"    codes = ''.join(nib.aff2axcodes(img.affine))",
		"    values = ','.join(str(v) for v in np.unique(a)) if a.dtype == np.uint8 and a.max() < 4 else '%d..%d' % (a.min(), a.max())",
		"    print('%s %s %s %s %s' % (path, 'x'.join(str(s) for s in a.shape), a.dtype, codes, values))");

	private Nibabel() {}

	/** Skips the calling test, with the reason, when nibabel cannot be run. */
	static void assumeAvailable() {
		String reason = null;
		try {
			final Process p = new ProcessBuilder(PYTHON, "-c", "import nibabel").redirectErrorStream(true).start();
			final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) reason = out;
		}
		catch (final IOException e) {
			reason = e.getMessage();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			reason = "interrupted";
		}
		final String why = reason;
		Assumptions.assumeTrue(why == null, () -> "nibabel not installed: " + why);
	}

	/** One line per file: path, shape (AxBxC), dtype, orientation codes, values. */
	static List<String> describe(final List<Path> files) throws IOException, InterruptedException {
		final List<String> command = new ArrayList<>(List.of(PYTHON, "-c", SCRIPT));
		for (final Path f : files) command.add(f.toString());
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IOException("nibabel failed: " + out);
		}
		return out.lines().toList();
	}
}
