package covidunet.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import net.imglib2.type.numeric.integer.UnsignedByteType;

import covidunet.BadInputException;
import covidunet.EnvironmentException;
import covidunet.Progress;
import covidunet.engine.ChildEngine;
import covidunet.engine.EngineInputs;
import covidunet.engine.TensorFlowEngine;
import covidunet.io.FileTrees;
import covidunet.io.IntTriple;
import covidunet.io.Volume;
import covidunet.io.imagej.ImagePlusVolumes;
import covidunet.io.imagej.LabelImages;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiNames;
import covidunet.io.nifti.NiftiReader;
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
		description = "keep the two lungs inside the body; drop the rest (gas in the bowel, strays)")
	private boolean postprocess;

	@Parameter(label = "Body mask", required = false,
		description = "label nothing outside the patient's body (the air around, the table)")
	private boolean body_mask = true;

	@Parameter(label = "Lung sides from the body", required = false,
		description = "the left lung is the one left of the body's midline, whatever the network says (needs the body mask)")
	private boolean sides_from_body = true;

	@Parameter(label = "Overwrite", required = false, persist = false, description = "replace existing outputs")
	private boolean overwrite;

	@Parameter(label = "Threads", min = "0", required = false, description = "TensorFlow's threads; 0: its default")
	private int threads;

	@Parameter(type = ItemIO.OUTPUT, label = "Segmentation")
	private String summary;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels",
		description = "the label image of the current image or of a single input file; none for a folder")
	private ImagePlus labels;

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
		if (input == null) {
			segmentImage(progress);
			return;
		}
		summary = TensorFlowEngine.isolated() ? ChildEngine.run(getClass(), EngineInputs.of(this, "image"), progress,
			null).get("summary") : segmentFiles(progress);
		if (Files.isRegularFile(output.toPath())) {
			final Volume<?> volume = NiftiReader.read(output.toPath());
			labels = LabelImages.toLabelImagePlus(volume, NiftiNames.stem(output.toPath()));
		}
	}

	/** Segments the input file or folder in this JVM; returns the summary. */
	private String segmentFiles(final Progress progress) {
		try (ModelSet models = ModelSet.load(models(progress), threads)) {
			final List<SegmentJob.Result> results = new SegmentJob(segmenter(models), models.card().classes(), progress)
				.run(new SegmentJob.Request(input.toPath(), output.toPath(), probabilities, overwrite));
			final StringBuilder text = new StringBuilder(publishedReport);
			for (final SegmentJob.Result r : results) {
				text.append(r.labels());
				if (r.skipped()) text.append(" (exists, skipped)");
				text.append(": ").append(volumes(r.volumetrics()));
			}
			return text.toString();
		}
	}

	private Segmenter segmenter(final ModelSet models) {
		return new Segmenter(models, new Segmenter.Options(overlap == null || overlap.isBlank() ? null : IntTriple.parse(
			"overlap", overlap), batch, blending == null || blending.isBlank() || blending.equals("model") ? null
				: Blending.of(blending, "blending"), tta, postprocess, body_mask, sides_from_body));
	}

	private static String volumes(final Volumetrics v) {
		return String.format(Locale.ROOT, "lungs %.1f mL (left %.1f, right %.1f), infection %.1f mL (%.1f %%)%n", v
			.lungMl(), v.leftMl(), v.rightMl(), v.infectionMl(), v.infectionPercent());
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

	/**
	 * Segments the current image; shows the result unless headless; writes it if an output is
	 * given. In Fiji the image goes to the engine's child JVM as a temporary NIfTI file.
	 */
	private void segmentImage(final Progress progress) {
		final String id = image.getShortTitle();
		final Path file = output == null ? null : output.toPath();
		if (file != null && !overwrite && Files.exists(file)) {
			throw new BadInputException("output " + file + ": exists; pass --overwrite true to replace it");
		}
		final Labelled result = TensorFlowEngine.isolated() ? segmentInChild(id, progress) : segmentHere(id, progress);
		final Volumetrics v = Volumetrics.of(result.labels());
		if (file != null) NiftiWriter.write(result.labels(), file, NiftiDatatype.UINT8, result.descrip());
		labels = LabelImages.toLabelImagePlus(result.labels(), id + " labels");
		if (!ui.isHeadless()) SegmentationDisplay.show(image, labels, id, v);
		summary = result.report() + id + ": " + volumes(v);
	}

	/** The labels of the current image, their NIfTI description, and what came before the summary line. */
	private record Labelled(Volume<UnsignedByteType> labels, String descrip, String report) {}

	@SuppressWarnings("unchecked")
	private Labelled segmentHere(final String id, final Progress progress) {
		try (ModelSet models = ModelSet.load(models(progress), threads)) {
			final Volume<? extends RealType<?>> volume = (Volume<? extends RealType<?>>) ImagePlusVolumes.wrap(image);
			final Segmentation s = segmenter(models).segment(id, volume, progress);
			return new Labelled(s.labels(), "covid-unet " + s.digest(), publishedReport);
		}
	}

	@SuppressWarnings("unchecked")
	private Labelled segmentInChild(final String id, final Progress progress) {
		final Path folder;
		try {
			folder = Files.createTempDirectory("covid-unet-image-");
		}
		catch (final IOException e) {
			throw new EnvironmentException("cannot create a temporary folder for the image (" + e.getMessage() + ")", e);
		}
		try {
			final Path scan = folder.resolve("image.nii");
			final Path labelFile = folder.resolve("image_labels.nii");
			NiftiWriter.write((Volume<? extends RealType<?>>) ImagePlusVolumes.wrap(image), scan, ExportNiftiCommand
				.datatypeOf(image), "");
			final Map<String, String> inputs = EngineInputs.of(this, "image", "output", "probabilities", "overwrite");
			inputs.put("input", scan.toString());
			inputs.put("output", labelFile.toString());
			final String childSummary = ChildEngine.run(getClass(), inputs, progress, null).get("summary");
			final String report = childSummary.substring(0, childSummary.indexOf(labelFile.toString()));
			return new Labelled((Volume<UnsignedByteType>) NiftiReader.read(labelFile), NiftiReader.readHeader(labelFile)
				.descrip(), report);
		}
		finally {
			try {
				FileTrees.delete(folder);
			}
			catch (final IOException e) {
				// A leftover in the temporary folder.
			}
		}
	}
}
