package covidunet.dataset.download;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import covidunet.BadInputException;

/**
 * A list of full SHA-256 digests in {@code sha256sum}'s format, one file a line: 64 hex digits,
 * then two spaces (or a space and {@code *}), then the file name; blank lines are skipped. A name
 * with folders ({@code dl/Lung_Mask.zip}) counts by its last part. It is given with
 * {@code --checksums} and replaces the digest prefixes the project knows.
 */
public final class Checksums {

	/** The largest list accepted, in bytes: a checksum list is small. */
	public static final long MAX_SIZE = 1 << 20;

	private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

	private Checksums() {}

	/**
	 * Reads a list.
	 *
	 * @return the digests by file name, in the list's order
	 * @throws BadInputException naming {@code --checksums} and the file if it cannot be read, is
	 *           not in the format above, or gives two digests for one name
	 */
	public static Map<String, ExpectedDigest> read(final Path file) {
		final String option = "--checksums " + file;
		final List<String> lines;
		try {
			if (Files.size(file) > MAX_SIZE) {
				throw new BadInputException(option + ": larger than " + MAX_SIZE + " bytes, not a checksum list");
			}
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (final CharacterCodingException exc) {
			throw new BadInputException(option + ": not a text file", exc);
		}
		catch (final IOException exc) {
			throw new BadInputException(option + ": cannot read it (" + exc + ")", exc);
		}
		final Map<String, ExpectedDigest> digests = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			final String line = lines.get(i).strip();
			if (line.isEmpty()) continue;
			final Matcher m = LINE.matcher(line);
			if (!m.matches()) {
				throw new BadInputException(option + ": line " + (i + 1) +
					" is not '<sha256>  <file name>' (sha256sum's format)");
			}
			final String path = m.group(2);
			final String name = path.substring(path.lastIndexOf('/') + 1);
			final ExpectedDigest digest = new ExpectedDigest(m.group(1), option);
			final ExpectedDigest before = digests.putIfAbsent(name, digest);
			if (before != null && !before.hex().equals(digest.hex())) {
				throw new BadInputException(option + ": two different digests for " + name);
			}
		}
		return digests;
	}

	/**
	 * The files with the digests of the list where it names them; the others keep theirs.
	 *
	 * @param option the option the list came from, for the message
	 * @throws BadInputException naming the option if the list names none of the files
	 */
	public static List<DatasetFile> apply(final List<DatasetFile> files,
		final Map<String, ExpectedDigest> digests, final String option)
	{
		final List<DatasetFile> applied = new ArrayList<>();
		boolean any = false;
		for (final DatasetFile file : files) {
			final ExpectedDigest digest = digests.get(file.name());
			any |= digest != null;
			applied.add(digest == null ? file : file.withDigest(digest));
		}
		if (!any && !files.isEmpty()) {
			throw new BadInputException(option + ": lists none of the files to download (" +
				String.join(", ", files.stream().map(DatasetFile::name).toList()) + ")");
		}
		return applied;
	}
}
