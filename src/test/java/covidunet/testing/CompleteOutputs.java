package covidunet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.google.gson.JsonParser;

import covidunet.io.nifti.NiftiReader;

/**
 * What a folder holds after an interruption: its visible files (no part of the path below the
 * folder starts with a dot) must each be complete; hidden entries are temporaries.
 */
public final class CompleteOutputs {

	private CompleteOutputs() {}

	/** The visible regular files under {@code root}, by path relative to it. */
	public static Map<String, Path> visible(final Path root) throws IOException {
		final Map<String, Path> files = new TreeMap<>();
		try (Stream<Path> all = Files.walk(root)) {
			for (final Path p : all.toList()) {
				if (Files.isRegularFile(p) && !isHidden(root.relativize(p))) files.put(root.relativize(p).toString(), p);
			}
		}
		return files;
	}

	/** The hidden entries (files or folders whose name starts with a dot) under {@code root}. */
	public static List<String> hidden(final Path root) throws IOException {
		try (Stream<Path> all = Files.walk(root)) {
			return all.filter(p -> !p.equals(root) && p.getFileName().toString().startsWith(".")).map(p -> root
				.relativize(p).toString()).sorted().toList();
		}
	}

	private static boolean isHidden(final Path relative) {
		for (final Path part : relative) {
			if (part.toString().startsWith(".")) return true;
		}
		return false;
	}

	/**
	 * Checks that every visible file under {@code root} is complete for its kind: not empty;
	 * NIfTI read to the last voxel; CSV and TSV rows as long as their header, the last line ended;
	 * JSON parsed; PNG decoded; every frame of a GIF decoded; HTML closed.
	 *
	 * @return the visible files, by path relative to {@code root}
	 */
	public static Map<String, Path> assertComplete(final Path root) throws IOException {
		final Map<String, Path> files = visible(root);
		for (final Map.Entry<String, Path> e : files.entrySet()) {
			final String name = e.getKey();
			final Path file = e.getValue();
			assertTrue(Files.size(file) > 0, name + " is empty");
			if (name.endsWith(".nii.gz") || name.endsWith(".nii")) assertNotNull(NiftiReader.read(file), name);
			else if (name.endsWith(".csv")) table(file, ",", name);
			else if (name.endsWith(".tsv")) table(file, "\t", name);
			else if (name.endsWith(".json")) assertTrue(JsonParser.parseString(Files.readString(file)).isJsonObject(), name);
			else if (name.endsWith(".png")) assertNotNull(ImageIO.read(file.toFile()), name + " does not decode");
			else if (name.endsWith(".gif")) gif(file, name);
			else if (name.endsWith(".html")) assertTrue(Files.readString(file).endsWith("</html>\n"), name + " is cut");
		}
		return files;
	}

	private static void table(final Path file, final String separator, final String name) throws IOException {
		final String text = Files.readString(file, StandardCharsets.UTF_8);
		assertTrue(text.endsWith("\n"), name + ": the last line is cut");
		final List<String> lines = text.lines().toList();
		final int columns = fields(lines.get(0), separator);
		for (int i = 1; i < lines.size(); i++) {
			assertEquals(columns, fields(lines.get(i), separator), name + ": line " + (i + 1) + " is not a whole row");
		}
	}

	/** The fields of a line, separators inside double quotes not counted. */
	private static int fields(final String line, final String separator) {
		int count = 1;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			if (line.charAt(i) == '"') quoted = !quoted;
			else if (!quoted && line.startsWith(separator, i)) count++;
		}
		return count;
	}

	private static void gif(final Path file, final String name) throws IOException {
		final Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
		final ImageReader reader = readers.next();
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			reader.setInput(in);
			final int frames = reader.getNumImages(true);
			assertTrue(frames > 0, name + " has no frame");
			for (int i = 0; i < frames; i++) assertNotNull(reader.read(i), name + ": frame " + i);
		}
		finally {
			reader.dispose();
		}
	}
}
