package covidunet.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import net.imglib2.type.numeric.RealType;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.io.IntTriple;
import covidunet.io.Volume;
import covidunet.io.imagej.ImagePlusVolumes;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiWriter;
import covidunet.model.published.PublishedModels;
import covidunet.predict.Blending;
import covidunet.predict.ModelSet;
import covidunet.predict.SegmentJob;
import covidunet.predict.Segmentation;
import covidunet.predict.Segmenter;
import covidunet.predict.Volumetrics;
import covidunet.ui.SegmentationDisplay;

/**
 * Plugins › COVID-19 U-Net › Segment Volume: segments a NIfTI file, a folder of NIfTI files or a
 * folder of DICOM slices with a model directory (or a folder of fold models, an ensemble) into
 * label files with the input's geometry, and their volumetrics. The launcher's {@code segment}.
 * <p>
 * {@code model_source} chooses the models: {@value #FOLDER} (the default) uses {@code model};
 * {@value #PUBLISHED} uses the five fold models Müller et al. published (Zenodo 3902293) as an
 * ensemble, downloaded and imported once into the user's folder
 * ({@link PublishedModels#userFolder()}) and reused from there.
 * </p>
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Segment Volume", headless = true,
	description = "Segment lungs and infection in a CT volume (or a folder) with a trained model")
public class SegmentVolumeCommand extends ContextCommand {

	@Parameter(label = "Input (NIfTI file or folder)", style = FileWidget.OPEN_STYLE, required = false,
		description = "a .nii/.nii.gz file, a folder of them, or a folder of DICOM slices of one series; " +
			"empty: the current image")
	private File input;

	@Parameter(required = false)
	private ImagePlus image;

	/** The {@code model_source} that uses the model folder given as {@code model}. */
	public static final String FOLDER = "folder";

	/** The {@code model_source} that uses the published ensemble. */
	public static final String PUBLISHED = "published";

	@Parameter(label = "Model source", choices = { FOLDER, PUBLISHED }, required = false,
		description = "folder: the model folder below; published: the published ensemble (Müller et al. 2020, " +
			"Zenodo 3902293), downloaded once into the user's cache folder (models/zenodo-3902293) and reused")
	private String model_source = FOLDER;

	@Parameter(label = "Model folder", style = FileWidget.DIRECTORY_STYLE, required = false,
		description = "a model directory, or a folder of fold_k model directories (their outputs are averaged); " +
			"not used with the published ensemble")
	private File model;

	@Parameter(label = "Output (label file or folder)", style = FileWidget.SAVE_STYLE, required = false,
		description = "a .nii.gz file for one input; a folder for a folder of NIfTI files; optional for the current image")
	private File output;

	@Parameter(label = "Overlap (x,y,z)", required = false,
		description = "windows' overlap in voxels; empty: the model's (half the window in x and y, 3/8 in z)")
	private String overlap = "";

	@Parameter(label = "Batch", min = "1", required = false, description = "windows per network call")
	private int batch = 2;

	@Parameter(label = "Blending", choices = { "model", "gaussian", "average" }, required = false,
		description = "how overlapping windows are combined; model: the model's own way (Gaussian for models " +
			"trained here, the plain average for the imported published ones)")
	private String blending = "model";

	@Parameter(label = "Mirroring (test-time augmentation)", required = false,
		description = "average the 8 mirrorings of each window (8 times slower)")
	private boolean tta;

	@Parameter(label = "Probability maps", required = false, persist = false,
		description = "also write <case>_prob_<class>.nii.gz")
	private boolean probabilities;

	@Parameter(label = "Post-processing", required = false,
		description = "keep the largest lung components; drop infection outside them")
	private boolean postprocess;

	@Parameter(label = "Overwrite", required = false, persist = false, description = "replace existing outputs")
	private boolean overwrite;

	@Parameter(label = "Threads", min = "0", required = false, description = "TensorFlow's threads; 0: its default")
	private int threads;

	@Parameter(type = ItemIO.OUTPUT, label = "Segmentation")
	private String summary;

	@Parameter
	private StatusService status;

	@Parameter
	private UIService ui;

	/** What fetching the published ensemble reported, one line each, for the summary; empty otherwise. */
	private String publishedReport = "";

	@Override
	public void run() {
		final Progress progress = new StatusProgress(status, this);
		if (input == null && image == null) {
			throw new BadInputException("input: give a NIfTI file, a folder, or a DICOM folder (or open an image in Fiji)");
		}
		if (input != null && output == null) throw new BadInputException("output: missing (the label file or folder to write)");
		try (ModelSet models = ModelSet.load(models(progress), threads)) {
			final Segmenter segmenter = new Segmenter(models, new Segmenter.Options(overlap == null || overlap.isBlank() ? null : IntTriple.parse("overlap", overlap), batch,
				blending == null || blending.isBlank() || blending.equals("model") ? null : Blending.of(blending,
					"blending"), tta, postprocess));
			if (input == null) {
				segmentImage(segmenter, progress);
				return;
			}
			final List<SegmentJob.Result> results = new SegmentJob(segmenter, models.card().classes(), progress).run(
				new SegmentJob.Request(input.toPath(), output.toPath(), probabilities, overwrite));
			final StringBuilder text = new StringBuilder(publishedReport);
			for (final SegmentJob.Result r : results) {
				text.append(r.labels());
				if (r.skipped()) text.append(" (exists, skipped)");
				final Volumetrics v = r.volumetrics();
				text.append(String.format(Locale.ROOT,
					": lungs %.1f mL (left %.1f, right %.1f), infection %.1f mL (%.1f %%)%n", v.lungMl(), v.leftMl(), v
						.rightMl(), v.infectionMl(), v.infectionPercent()));
			}
			summary = text.toString();
		}
	}

	/** The model folder: {@code model}, or the published ensemble's folder, fetched there if needed. */
	private Path models(final Progress progress) {
		final boolean published = PUBLISHED.equals(model_source);
		final boolean given = model != null && !model.getPath().isEmpty();
		if (!published) {
			if (!given) {
				throw new BadInputException("missing --model for 'segment' (or --model_source " + PUBLISHED + ")");
			}
			return model.toPath();
		}
		if (given) {
			throw new BadInputException("model " + model + ": not used with --model_source " + PUBLISHED +
				"; give one or the other");
		}
		final Path folder = PublishedModels.userFolder();
		publishedReport = String.join("\n", PublishedModels.fromOptions(null).into(folder, progress)) + "\n";
		return folder;
	}

	/** Segments the current image; shows the result unless headless; writes it if an output is given. */
	@SuppressWarnings("unchecked")
	private void segmentImage(final Segmenter segmenter, final Progress progress) {
		final String id = image.getShortTitle();
		final Volume<? extends RealType<?>> volume = (Volume<? extends RealType<?>>) ImagePlusVolumes.wrap(image);
		final Segmentation s = segmenter.segment(id, volume, progress);
		final Volumetrics v = Volumetrics.of(s.labels());
		if (output != null) {
			final Path file = output.toPath();
			if (!overwrite && Files.exists(file)) {
				throw new BadInputException("output " + file + ": exists; pass --overwrite true to replace it");
			}
			NiftiWriter.write(s.labels(), file, NiftiDatatype.UINT8, "covid-unet " + s.digest());
		}
		if (!ui.isHeadless()) SegmentationDisplay.show(image, s.labels(), id, v);
		summary = publishedReport + String.format(Locale.ROOT,
			"%s: lungs %.1f mL (left %.1f, right %.1f), infection %.1f mL (%.1f %%)%n",
			id, v.lungMl(), v.leftMl(), v.rightMl(), v.infectionMl(), v.infectionPercent());
	}
}
