package covidunet.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.dataset.download.DatasetDownload;
import covidunet.dataset.download.ZenodoRecord;

/**
 * Plugins › COVID-19 U-Net › Download Dataset: the 20-case COVID-19 CT dataset (Zenodo record
 * 3757476) into a folder, in the layout the dataset commands read, with a progress line, resume
 * of an interrupted download and a SHA-256 check of each zip before it is extracted. The
 * launcher's {@code download}. By default all four zips (the images, the lung and infection
 * masks the pipeline uses, and the two single-structure masks, together a few MB more than the
 * first two); {@code files} can choose fewer.
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Download Dataset", headless = true,
	description = "the 20-case dataset with progress and digest check")
public class DownloadDatasetCommand extends ContextCommand {

	@Parameter
	private StatusService statusService;

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE,
		description = "where the zips and the extracted folders go; created if missing")
	private File output;

	@Parameter(label = "Base URL", required = false,
		description = "a mirror: files are fetched from <base_url>/<name>; https://, or http:// to this machine only " +
			"[" + ZenodoRecord.DEFAULT_BASE_URL + "]")
	private String base_url;

	@Parameter(label = "Checksums (sha256sum list)", required = false,
		description = "full SHA-256 digests in sha256sum's format; else the known digest prefixes are checked")
	private File checksums;

	@Parameter(label = "Files", required = false,
		description = "all, or some of COVID-19-CT-Seg_20cases, Lung_and_Infection_Mask, Lung_Mask, " +
			"Infection_Mask, comma-separated")
	private String files = ZenodoRecord.ALL;

	@Parameter(type = ItemIO.OUTPUT, label = "Download")
	private String report;

	@Override
	public void run() {
		if (output == null || output.getPath().isEmpty()) throw new BadInputException("missing --output");
		final boolean noChecksums = checksums == null || checksums.getPath().isEmpty();
		final DatasetDownload download =
			DatasetDownload.fromOptions(base_url, noChecksums ? null : checksums.toPath(), files);
		try {
			report = String.join("\n", download.into(output.toPath(), new StatusProgress(statusService, this)));
		}
		catch (final CancelledException exc) {
			cancel(exc.getMessage());
		}
	}
}
