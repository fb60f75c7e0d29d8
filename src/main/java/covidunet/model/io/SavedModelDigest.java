package covidunet.model.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import covidunet.BadInputException;
import covidunet.io.AtomicFiles;
import covidunet.io.Sha256;

/**
 * The SHA-256 digest over every file of a SavedModel folder, as recorded in {@code model.json}.
 * <p>
 * The scheme, so that other tools can verify a model:
 * <ol>
 * <li>List every regular file below the folder, recursively. Each file is named by its path
 * relative to the folder, with {@code /} between components (e.g. {@code saved_model.pb},
 * {@code variables/variables.index}). Folders themselves are not hashed, so an empty folder
 * changes nothing; anything that is neither a folder nor a regular file (a link, a device) is
 * refused.</li>
 * <li>Sort the names by their UTF-8 bytes, compared as unsigned bytes.</li>
 * <li>Feed one SHA-256 with, for each file in that order: the name's UTF-8 bytes, one zero byte,
 * the file's length in bytes as an unsigned 64-bit big-endian integer, then the file's bytes.</li>
 * <li>Write the digest as 64 lower-case hexadecimal digits.</li>
 * </ol>
 * In Python: {@code h = hashlib.sha256(); for name in sorted(names, key=str.encode): data =
 * open(root / name, 'rb').read(); h.update(name.encode() + b'\0' + len(data).to_bytes(8, 'big') +
 * data)}, then {@code h.hexdigest()}.
 */
public final class SavedModelDigest {

	private SavedModelDigest() {}

	/**
	 * The digest of a SavedModel folder (see the class description).
	 *
	 * @throws BadInputException naming the folder if it cannot be read or holds something other
	 *           than folders and regular files
	 */
	public static String of(final Path folder) {
		final MessageDigest sha = Sha256.newDigest();
		final byte[] buffer = new byte[1 << 16];
		for (final String name : sortedNames(folder)) {
			final Path file = folder.resolve(name);
			try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
				sha.update(name.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(file)).array());
				for (int n; (n = in.read(buffer)) >= 0;) sha.update(buffer, 0, n);
			}
			catch (final IOException e) {
				throw new BadInputException(file + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
			}
		}
		return Sha256.hex(sha);
	}

	private static List<String> sortedNames(final Path folder) {
		final List<String> names = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (final Path path : (Iterable<Path>) paths::iterator) {
				if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) continue;
				if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
					throw new BadInputException(path + ": not a regular file; a SavedModel holds only folders and files");
				}
				final List<String> parts = new ArrayList<>();
				for (final Path part : folder.relativize(path)) parts.add(part.toString());
				names.add(String.join("/", parts));
			}
		}
		catch (final IOException e) {
			throw cannotList(folder, e);
		}
		catch (final UncheckedIOException e) {
			throw cannotList(folder, e.getCause());
		}
		names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(
			StandardCharsets.UTF_8)));
		return names;
	}

	private static BadInputException cannotList(final Path folder, final IOException e) {
		return new BadInputException(folder + ": cannot list (" + AtomicFiles.reason(e) + ")", e);
	}
}
