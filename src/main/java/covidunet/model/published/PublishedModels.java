package covidunet.model.published;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.download.BaseUrl;
import covidunet.dataset.download.DocumentDownload;
import covidunet.dataset.download.FileDownload;
import covidunet.io.AtomicFiles;
import covidunet.io.FileTrees;
import covidunet.io.UserCache;
import covidunet.model.io.ModelDirectory;
import covidunet.model.keras.KerasImport;

/**
 * The five fold models that Müller et al. (2020) published with their paper, in Zenodo record
 * {@value #RECORD_ID} ("the models, predictions, visualizations and evaluation": Keras 2.4 HDF5
 * files written by MIScnn 1.1.9), downloaded and imported as the model directories
 * {@code DIR/fold_0} … {@code DIR/fold_4}, which {@code segment --model DIR} runs as an ensemble.
 * <ol>
 * <li>The record's description is read from Zenodo's records API ({@link RecordJson}) and kept as
 * {@code DIR/}{@value #RECORD_JSON}, for its provenance and licence.</li>
 * <li>The files that hold the models are chosen by their names ({@link FileChoice}), downloaded
 * into {@code DIR/}{@value #DOWNLOADS}{@code /} with resume and checked against the record's
 * size and MD5 ({@link FileDownload}); archives are extracted there safely (zip and tar), into
 * {@code DIR/downloads/extracted/<name>/}.</li>
 * <li>The HDF5 files are mapped to the folds ({@link FoldMapping}), and each fold is imported
 * ({@link FoldImporter}) into the hidden {@code DIR/.fold_k.importing}, renamed to
 * {@code DIR/fold_k} when complete. When every fold is there, the downloads are deleted (they are
 * large).</li>
 * </ol>
 * Running again skips the folds imported already (with all five there, nothing is fetched at all),
 * resumes partial downloads and reuses verified ones. A run that fails on bad input (a wrong
 * digest, a file the importer refuses, an unclear mapping) leaves no fold of the file at fault;
 * if no fold is imported, it removes what it added, except a download with a wrong digest, kept
 * as {@code DIR/downloads/<name>.corrupt} for inspection, and it removes {@code DIR} if it created
 * it and nothing is left. A run cut by the network, or cancelled, keeps its downloads for the next
 * run. One run at a time per folder ({@link FolderLock}).
 */
public final class PublishedModels {

	/** The Zenodo record of the published models. */
	public static final String RECORD_ID = "3902293";

	/** The records API URL of the record. */
	public static final String DEFAULT_URL = "https://zenodo.org/api/records/" + RECORD_ID;

	/** The file, in the output folder, that keeps the record's description as the records API gave it. */
	public static final String RECORD_JSON = "zenodo-record.json";

	/** The subfolder of the output folder where the downloads go until every fold is imported. */
	public static final String DOWNLOADS = "downloads";

	private static final String EXTRACTED = "extracted";

	private final URI recordUrl;
	private final DocumentDownload documents;
	private final FileDownload files;
	private final FoldImporter importer;

	/**
	 * @param recordUrl the records API URL of the record
	 * @param documents how the record's description is fetched
	 * @param files how its files are downloaded
	 * @param importer how a model file becomes a model directory
	 */
	public PublishedModels(final URI recordUrl, final DocumentDownload documents, final FileDownload files,
		final FoldImporter importer)
	{
		this.recordUrl = recordUrl;
		this.documents = documents;
		this.files = files;
		this.importer = importer;
	}

	/**
	 * The published models from Zenodo ({@value #DEFAULT_URL}), or from the records API URL a user
	 * gave, imported with {@link FoldImporter#KERAS}.
	 *
	 * @param baseUrl {@code --base_url}: a records API URL; null or blank for Zenodo's
	 * @throws BadInputException naming {@code --base_url} if it is not an https:// URL (or an
	 *           http:// one to this machine)
	 */
	public static PublishedModels fromOptions(final String baseUrl) {
		final URI url = baseUrl == null || baseUrl.isBlank() ? URI.create(DEFAULT_URL) : BaseUrl.checked(baseUrl,
			"--base_url");
		return new PublishedModels(url, new DocumentDownload(), new FileDownload(), FoldImporter.KERAS);
	}

	/**
	 * Where Segment Volume keeps the published models for the user: {@code models/zenodo-3902293}
	 * in the user's cache folder ({@link UserCache#folder()}).
	 */
	public static Path userFolder() {
		return UserCache.folder().resolve("models").resolve("zenodo-" + RECORD_ID);
	}

	/** The name of fold {@code k}'s model directory: {@code fold_k}. */
	public static String foldName(final int k) {
		return "fold_" + k;
	}

	/** Whether {@code folder} holds the model directories of all five folds (each with its card). */
	public static boolean isComplete(final Path folder) {
		return imported(folder) == FoldMapping.FOLDS;
	}

	/** The number of folds with a model directory (with its card) in {@code folder}. */
	private static int imported(final Path folder) {
		int imported = 0;
		for (int k = 0; k < FoldMapping.FOLDS; k++) {
			if (Files.isRegularFile(folder.resolve(foldName(k)).resolve(ModelDirectory.MODEL_JSON))) imported++;
		}
		return imported;
	}

	/**
	 * Downloads and imports the folds that {@code output} does not hold yet.
	 *
	 * @param output the folder; created if missing
	 * @param progress told of each download (bytes of the total), extraction and import; checked
	 *          for cancellation
	 * @return one line per step: the record and its licence, each download and how it was checked,
	 *         each fold, the removal of the downloads
	 * @throws BadInputException one line naming the file, URL or folder at fault (see the class
	 *           description for what is left)
	 * @throws covidunet.EnvironmentException when the network fails; running again resumes
	 * @throws covidunet.CancelledException when cancelled; finished downloads and folds are kept
	 */
	public List<String> into(final Path output, final Progress progress) {
		final Path dir = output.toAbsolutePath().normalize();
		if (Files.exists(dir) && !Files.isDirectory(dir)) {
			throw new BadInputException(dir + ": exists and is not a folder");
		}
		final List<String> lines = new ArrayList<>();
		if (missing(dir).isEmpty()) {
			deleteTree(dir.resolve(DOWNLOADS));
			lines.add(dir + ": all " + FoldMapping.FOLDS + " folds are imported already; nothing to do" + saved(dir));
			return lines;
		}
		final byte[] json = documents.fetch(recordUrl, "application/json", "a Zenodo record");
		final PublishedRecord record = RecordJson.parse(json, recordUrl);
		final boolean created = !Files.exists(dir);
		try {
			Files.createDirectories(dir);
		}
		catch (final IOException exc) {
			throw new BadInputException(dir + ": cannot create it (" + AtomicFiles.reason(exc) + ")", exc);
		}
		try (FolderLock lock = FolderLock.take(dir)) {
			try {
				run(record, json, dir, lines, progress);
			}
			catch (final BadInputException exc) {
				cleanUp(dir);
				throw exc;
			}
		}
		finally {
			if (created) deleteIfEmpty(dir);
		}
		return lines;
	}

	/** The record the folds in {@code dir} came from, as {@code " (…)"}; empty without its description. */
	private String saved(final Path dir) {
		try {
			return " (" + RecordJson.parse(Files.readAllBytes(dir.resolve(RECORD_JSON)), recordUrl).describe() + ")";
		}
		catch (final IOException | BadInputException exc) {
			return "";
		}
	}

	private void run(final PublishedRecord record, final byte[] json, final Path dir, final List<String> lines,
		final Progress progress)
	{
		final List<Integer> missing = missing(dir);
		final Path saved = dir.resolve(RECORD_JSON);
		AtomicFiles.write(saved, out -> out.write(json));
		lines.add(record.describe() + "; its description is saved as " + saved);
		final Path downloads = dir.resolve(DOWNLOADS);
		final FoldMapping mapping = find(record, downloads, missing, lines, progress);
		lines.addAll(mapping.notes());
		int done = 0;
		for (int k = 0; k < FoldMapping.FOLDS; k++) {
			final Path fold = dir.resolve(foldName(k));
			if (!missing.contains(k)) {
				lines.add(fold + ": imported already, skipped");
				continue;
			}
			final ModelFile source = mapping.folds().get(k);
			progress.report("importing " + foldName(k) + " from " + source.path(), done++, missing.size());
			importFold(k, source, fold, record.id(), progress);
			lines.add(fold + ": imported from " + source.path());
		}
		progress.report("imported " + missing.size() + " of " + FoldMapping.FOLDS + " folds", done, missing.size());
		deleteTree(downloads);
		lines.add(downloads + ": removed, as every fold is imported");
	}

	/** The mapping of the first group of files that holds HDF5 files; downloads what it needs. */
	private FoldMapping find(final PublishedRecord record, final Path downloads, final List<Integer> missing,
		final List<String> lines, final Progress progress)
	{
		final String where = "Zenodo record " + record.id() + " (" + record.url() + ")";
		for (final FileChoice.Group group : FileChoice.groups(record.files())) {
			if (group.onlyHdf5()) {
				final List<ModelFile> candidates = new ArrayList<>();
				for (final RecordFile file : group.files()) {
					candidates.add(new ModelFile(file.key(), downloads.resolve(file.key()), file.url().toString()));
				}
				final FoldMapping mapping = FoldMapping.of(candidates, where);
				for (final int k : missing) {
					download(byKey(group, mapping.folds().get(k).path()), downloads, lines, progress);
				}
				return mapping;
			}
			final List<ModelFile> found = new ArrayList<>();
			for (final RecordFile file : group.files()) {
				final Path downloaded = download(file, downloads, lines, progress);
				if (FileChoice.isHdf5(file.key())) {
					found.add(new ModelFile(file.key(), downloaded, file.url().toString()));
					continue;
				}
				final Path extracted = downloads.resolve(EXTRACTED).resolve(file.key());
				if (!Files.isDirectory(extracted, LinkOption.NOFOLLOW_LINKS)) {
					ArchiveFiles.extract(downloaded, extracted, progress);
				}
				for (final String inside : ArchiveFiles.hdf5Files(extracted)) {
					found.add(new ModelFile(file.key() + "/" + inside, extracted.resolve(inside), file.url() + "!/" +
						inside));
				}
			}
			if (!found.isEmpty()) return FoldMapping.of(found, where);
			lines.add("no HDF5 files in the " + group.description() + " (" + keys(group.files()) + "); looking further");
		}
		throw new BadInputException(where + ": no Keras HDF5 model files (.hdf5, .h5) among its files or in its " +
			"archives (" + keys(record.files()) + ")");
	}

	private static RecordFile byKey(final FileChoice.Group group, final String key) {
		return group.files().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
	}

	private Path download(final RecordFile file, final Path downloads, final List<String> lines,
		final Progress progress)
	{
		final FileDownload.Result result =
			files.fetch(file.url(), downloads.resolve(file.key()), file.md5(), file.size(), progress);
		lines.add(file.key() + ": " + (result.downloaded() ? "downloaded " + size(result.bytesTransferred()) :
			"downloaded before") + "; size and MD5 " + file.md5().hex() + " as the record says; SHA-256 " + result
				.sha256());
		return result.file();
	}

	private void importFold(final int k, final ModelFile source, final Path fold, final String record,
		final Progress progress)
	{
		final Path temporary = fold.resolveSibling("." + fold.getFileName() + ".importing");
		try {
			FileTrees.delete(temporary);
			importer.importFile(source.file(), temporary, new KerasImport.Origin(record, k, source.url()), progress);
			Files.move(temporary, fold, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException exc) {
			throw new BadInputException(fold + ": cannot write (" + AtomicFiles.reason(exc) + ")", exc);
		}
		finally {
			deleteTree(temporary);
		}
	}

	/**
	 * The folds without a model directory in {@code dir}.
	 *
	 * @throws BadInputException naming a {@code fold_k} that exists but holds no model card
	 */
	private static List<Integer> missing(final Path dir) {
		final List<Integer> missing = new ArrayList<>();
		for (int k = 0; k < FoldMapping.FOLDS; k++) {
			final Path fold = dir.resolve(foldName(k));
			if (Files.isRegularFile(fold.resolve(ModelDirectory.MODEL_JSON))) continue;
			if (Files.exists(fold, LinkOption.NOFOLLOW_LINKS)) {
				throw new BadInputException(fold + ": exists but holds no model (no " + ModelDirectory.MODEL_JSON +
					"); move it away to import fold " + k + " again");
			}
			missing.add(k);
		}
		return missing;
	}

	/**
	 * After bad input, where no fold is imported: removes the record's description and the
	 * downloads, except those kept as {@code .corrupt}.
	 */
	private static void cleanUp(final Path dir) {
		if (imported(dir) > 0) return;
		final Path downloads = dir.resolve(DOWNLOADS);
		try {
			Files.deleteIfExists(dir.resolve(RECORD_JSON));
			if (!Files.isDirectory(downloads, LinkOption.NOFOLLOW_LINKS)) return;
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(downloads)) {
				for (final Path entry : entries) {
					if (!entry.getFileName().toString().endsWith(FileDownload.CORRUPT)) FileTrees.delete(entry);
				}
			}
			deleteIfEmpty(downloads);
		}
		catch (final IOException exc) {
			// Best effort: the failure that brought us here is the one to report.
		}
	}

	private static void deleteIfEmpty(final Path dir) {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
			if (entries.iterator().hasNext()) return;
		}
		catch (final IOException exc) {
			return;
		}
		deleteTree(dir);
	}

	private static void deleteTree(final Path path) {
		try {
			FileTrees.delete(path);
		}
		catch (final IOException exc) {
			// Best effort: what is left is named on the next run, or harmless.
		}
	}

	private static String keys(final List<RecordFile> files) {
		return String.join(", ", files.stream().map(RecordFile::key).toList());
	}

	/** A size for messages, e.g. {@code 120.3 MB} or {@code 0.5 kB} (decimal units). */
	private static String size(final long bytes) {
		return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : String.format(Locale.ROOT,
			"%.1f kB", bytes / 1e3);
	}
}
