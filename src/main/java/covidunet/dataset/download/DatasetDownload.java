package covidunet.dataset.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import covidunet.BadInputException;
import covidunet.Progress;

/**
 * Downloads the dataset's zips into an output folder, verifies each, and extracts each into the
 * dataset's layout: {@code COVID-19-CT-Seg_20cases.zip} into {@code COVID-19-CT-Seg_20cases/},
 * and so on, whether or not the zip has that top-level folder itself. The zips stay in the
 * output folder, so that a later run finds them verified and downloads nothing; a folder that
 * exists already is left as it is and not extracted again. All downloads come first, so that a
 * network problem shows before the time spent extracting.
 */
public final class DatasetDownload {

	private final BaseUrl base;
	private final List<DatasetFile> files;
	private final FileDownload download;

	/**
	 * @param base where the files are
	 * @param files which files, with their expected digests
	 */
	public DatasetDownload(final BaseUrl base, final List<DatasetFile> files) {
		this(base, files, new FileDownload());
	}

	/**
	 * @param base where the files are
	 * @param files which files, with their expected digests
	 * @param download how one file is downloaded
	 */
	public DatasetDownload(final BaseUrl base, final List<DatasetFile> files, final FileDownload download) {
		this.base = base;
		this.files = List.copyOf(files);
		this.download = download;
	}

	/**
	 * The download that the command's options describe.
	 *
	 * @param baseUrl {@code --base_url}, or null or blank for Zenodo
	 * @param checksums {@code --checksums}, a list of full digests, or null
	 * @param files {@code --files}: {@value ZenodoRecord#ALL} or some of the record's files (see
	 *          {@link ZenodoRecord#select})
	 * @throws BadInputException naming the option that is wrong
	 */
	public static DatasetDownload fromOptions(final String baseUrl, final Path checksums, final String files) {
		List<DatasetFile> selected = ZenodoRecord.select(files);
		if (checksums != null) {
			selected = Checksums.apply(selected, Checksums.read(checksums), "--checksums " + checksums);
		}
		return new DatasetDownload(BaseUrl.parse(baseUrl), selected);
	}

	/** The files this downloads. */
	public List<DatasetFile> files() {
		return files;
	}

	/**
	 * Downloads, verifies and extracts.
	 *
	 * @param output the folder; created if missing
	 * @return one line per zip and per folder saying what was done and how the zip was verified
	 *         (a full digest, or only the known prefix)
	 * @throws BadInputException for a refused URL or zip, a wrong digest, an HTTP 4xx answer, or an
	 *           output that cannot be written
	 * @throws covidunet.EnvironmentException when the network fails; running again resumes
	 * @throws covidunet.CancelledException when cancelled; partial downloads are kept for a resume
	 */
	public List<String> into(final Path output, final Progress progress) {
		if (Files.exists(output) && !Files.isDirectory(output)) {
			throw new BadInputException("--output " + output + ": not a folder");
		}
		try {
			Files.createDirectories(output);
		}
		catch (final IOException exc) {
			throw new BadInputException("--output " + output + ": cannot create it (" + exc.getMessage() + ")", exc);
		}
		final List<String> lines = new ArrayList<>();
		for (final DatasetFile file : files) {
			final FileDownload.Result result =
				download.fetch(base.fileUrl(file.name()), output.resolve(file.name()), file.sha256(), progress);
			lines.add(verified(file, result));
		}
		for (final DatasetFile file : files) {
			final Path folder = output.resolve(file.folder());
			if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
				lines.add(folder + ": exists, not extracted again");
				continue;
			}
			SafeUnzip.extract(output.resolve(file.name()), folder, true, progress);
			lines.add(folder + ": extracted from " + file.name());
		}
		return lines;
	}

	private static String verified(final DatasetFile file, final FileDownload.Result result) {
		final String what = result.downloaded() ?
			"downloaded " + TransferProgress.size(result.bytesTransferred()) : "already there";
		final ExpectedDigest expected = file.sha256();
		final String check = expected.isPrefix() ?
			"matches the known prefix " + expected.hex() + " (" + expected.source() +
				"; the full digest is not known here, so only this prefix was checked: " +
				"give full digests with --checksums for a complete check)" :
			"matches " + expected.source();
		return file.name() + ": " + what + ", SHA-256 " + result.sha256() + " " + check;
	}
}
