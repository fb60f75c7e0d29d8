package covidunet.preprocess;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.CaseFiles;
import covidunet.dataset.IntensityKind;
import covidunet.io.AtomicFiles;
import covidunet.io.OutputChecks;

/**
 * Preprocessed cases on disk, each stored once in a compact file ({@link CacheFormat}: the
 * image quantised to 16 bits per voxel with a per-volume offset and step, the labels as bytes,
 * deflated, with a CRC-32) named {@code <key>.case}, where the key is the SHA-256 over the cache
 * format version, the case id, the image file's SHA-256, the mask file's SHA-256, the intensity
 * kind and the configuration's {@linkplain PreprocessConfig#canonicalJson() canonical JSON}.
 * <p>
 * A changed input or parameter gives another key, hence a new file; the old file stays until
 * {@link #prune} removes it. A file that is truncated, fails its checksum or does not decode is
 * not trusted: the case is preprocessed again and the file replaced. Files are written
 * atomically; several threads or processes may share a folder (the last identical write wins).
 * <p>
 * A case comes back the same whether it was cached or just computed: {@link #load} always
 * returns the values as stored, within half a quantisation step of the exact ones: at most
 * 1/2048 of the volume's standard deviation (of a z-scored volume: 0.00049, about 0.2 HU for a
 * chest CT), unless its range exceeds 64 standard deviations, when the step is range/65535.
 */
public final class CaseCache {

	/** The file name ending of cache files. */
	public static final String SUFFIX = ".case";

	private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\" + SUFFIX);

	private final Path folder;
	private final AtomicLong hits = new AtomicLong();
	private final AtomicLong misses = new AtomicLong();
	private final AtomicLong rebuilt = new AtomicLong();

	private CaseCache(final Path folder) {
		this.folder = folder;
	}

	/**
	 * Opens a cache in {@code folder}, creating it if needed.
	 *
	 * @throws BadInputException naming the parameter {@code cache} if the folder cannot be created
	 */
	public static CaseCache open(final Path folder) {
		try {
			Files.createDirectories(folder);
		}
		catch (final IOException e) {
			throw new BadInputException("cache: cannot create " + folder + " (" + AtomicFiles.reason(e) + ")", e);
		}
		return new CaseCache(folder.toAbsolutePath().normalize());
	}

	/**
	 * Opens a cache in {@code folder} for the cases of the dataset in {@code dataset}.
	 *
	 * @throws BadInputException naming the parameter {@code cache} if the folder is the dataset
	 *           folder or inside it (inputs are never modified), or cannot be created
	 */
	public static CaseCache open(final Path folder, final Path dataset) {
		if (OutputChecks.resolved(folder).startsWith(OutputChecks.resolved(dataset))) {
			throw new BadInputException("cache: " + folder + " is inside the dataset " + dataset +
				"; choose a cache folder outside it");
		}
		return open(folder);
	}

	/** The folder holding the cache files. */
	public Path folder() {
		return folder;
	}

	/**
	 * The key of a case: SHA-256 (hex) over the cache format version, the id, the image's and
	 * the mask's SHA-256 (streamed; remembered in memory per path, size and modification time),
	 * the kind and the configuration.
	 *
	 * @throws BadInputException naming a file that cannot be read
	 */
	public String key(final CaseFiles files, final IntensityKind kind, final PreprocessConfig config,
		final Progress progress)
	{
		final String image = FileDigests.sha256(files.image(), progress);
		final String mask = files.mask() == null ? "none" : FileDigests.sha256(files.mask(), progress);
		return FileDigests.sha256("covid-unet preprocessed case, format " + CacheFormat.VERSION + "\n" + files.id() +
			"\n" + image + "\n" + mask + "\n" + kind.key() + "\n" + config.canonicalJson());
	}

	/**
	 * The preprocessed case: read from the cache if it holds an intact file for the current
	 * inputs and parameters, else preprocessed from the files and stored.
	 *
	 * @param progress told what happens; asked whether to stop before preprocessing
	 * @throws BadInputException as {@link Preprocessor#preprocess(CaseFiles, IntensityKind,
	 *           PreprocessConfig)}, or naming the cache file if it cannot be written
	 * @throws covidunet.CancelledException if cancelled
	 */
	public PreprocessedCase load(final CaseFiles files, final IntensityKind kind, final PreprocessConfig config,
		final Progress progress)
	{
		config.validate();
		final String key = key(files, kind, config, progress);
		final Path file = folder.resolve(key + SUFFIX);
		boolean corrupt = false;
		try {
			final PreprocessedCase cached = CacheFormat.decode(Files.readAllBytes(file), key);
			hits.incrementAndGet();
			progress.report("cached " + files.id(), 1, 1);
			return cached;
		}
		catch (final NoSuchFileException e) {
			misses.incrementAndGet();
		}
		catch (final IOException | CacheFormat.Corrupt e) {
			corrupt = true;
			rebuilt.incrementAndGet();
		}
		progress.checkCancelled();
		progress.report((corrupt ? "rebuilding damaged cache of " : "preprocessing ") + files.id(), 0, 1);
		final byte[] bytes = CacheFormat.encode(Preprocessor.preprocess(files, kind, config), key);
		AtomicFiles.write(file, out -> out.write(bytes));
		progress.report("preprocessed " + files.id(), 1, 1);
		try {
			return CacheFormat.decode(bytes, key);
		}
		catch (final CacheFormat.Corrupt e) {
			throw new IllegalStateException("a cache file just encoded does not decode: " + e.getMessage(), e);
		}
	}

	/** The bytes used by the cache files in the folder. */
	public long diskUsage() {
		return usage(folder).bytes();
	}

	/**
	 * A cache folder and what it holds, for users with a disk quota, e.g.
	 * {@code ~/.cache/covid-unet (3 preprocessed cases, 41.2 MB; move it with --cache)}.
	 *
	 * @throws BadInputException naming the parameter {@code cache} if the folder cannot be listed
	 */
	public static String describe(final Path folder) {
		final Usage usage = usage(folder);
		return folder + " (" + usage.cases() + " preprocessed cases, " + String.format(Locale.ROOT, "%.1f MB", usage
			.bytes() / 1e6) + "; move it with --cache)";
	}

	/**
	 * The cases stored in a cache folder and the bytes they use, without creating or changing
	 * anything (an absent folder holds nothing).
	 *
	 * @throws BadInputException naming the parameter {@code cache} if the folder cannot be listed
	 */
	public static Usage usage(final Path folder) {
		if (!Files.isDirectory(folder)) return new Usage(0, 0);
		long files = 0, bytes = 0;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (final Path f : entries) {
				if (!isCacheFile(f)) continue;
				files++;
				bytes += size(f);
			}
		}
		catch (final IOException e) {
			throw new BadInputException("cache: cannot list " + folder + " (" + AtomicFiles.reason(e) + ")", e);
		}
		return new Usage(files, bytes);
	}

	/**
	 * What a cache folder holds.
	 *
	 * @param cases the number of cached cases
	 * @param bytes their size on disk
	 */
	public record Usage(long cases, long bytes) {}

	/**
	 * Deletes every cache file whose key is not in {@code keep}; other files in the folder are
	 * left alone.
	 *
	 * @return the bytes freed
	 * @throws BadInputException naming the folder if it cannot be listed or a file deleted
	 */
	public long prune(final Set<String> keep) {
		long freed = 0;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
			for (final Path f : files) {
				final String name = f.getFileName().toString();
				if (isCacheFile(f) && !keep.contains(name.substring(0, name.length() - SUFFIX.length()))) {
					final long size = size(f);
					if (Files.deleteIfExists(f)) freed += size;
				}
			}
		}
		catch (final IOException e) {
			throw new BadInputException("cache: cannot prune " + folder + " (" + AtomicFiles.reason(e) + ")", e);
		}
		return freed;
	}

	/** Loads that found an intact cache file. */
	public long hits() {
		return hits.get();
	}

	/** Loads that found no cache file and preprocessed the case. */
	public long misses() {
		return misses.get();
	}

	/** Loads that found a damaged cache file and preprocessed the case again. */
	public long rebuilt() {
		return rebuilt.get();
	}

	private static boolean isCacheFile(final Path f) {
		return NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f);
	}

	private static long size(final Path f) {
		try {
			return Files.size(f);
		}
		catch (final IOException e) {
			return 0;
		}
	}
}
