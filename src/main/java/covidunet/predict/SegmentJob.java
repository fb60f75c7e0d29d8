package covidunet.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.dataset.CaseNames;
import covidunet.io.AtomicFiles;
import covidunet.io.CsvTable;
import covidunet.io.OutputChecks;
import covidunet.io.Volume;
import covidunet.io.dicom.DicomSeries;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiNames;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.NiftiWriter;

/**
 * What {@code segment} and Segment Volume do with files (docs/formats.md, Label images and volumes): one NIfTI
 * file or a folder of DICOM slices of one series into one label file ({@code <stem>_volumes.csv}
 * beside it), or a folder of NIfTI files into a folder ({@code <case>.nii.gz} each, keeping the
 * case id, and {@code volumes.csv}). Labels are uint8 NIfTI with the input's geometry and the
 * models' digest in {@code descrip}; with {@code probabilities}, {@code <case>_prob_<class>.nii.gz}
 * float32 beside them. Every file is written to a temporary name and renamed when complete; a
 * case's label file is written after its other files, so that its existence means the case is
 * done. Existing outputs: refused for a single input, skipped in folder mode, replaced with
 * {@code overwrite}.
 */
public final class SegmentJob {

	/** The folder-mode volumetrics file. */
	public static final String VOLUMES = "volumes.csv";

	private static final String NII_GZ = ".nii.gz";

	/**
	 * What to segment and where to.
	 *
	 * @param input a NIfTI file, a folder of NIfTI files, or a folder of DICOM slices
	 * @param output a label file for one input, a folder for a folder of NIfTI files
	 * @param probabilities also write each class's probabilities
	 * @param overwrite replace existing outputs
	 */
	public record Request(Path input, Path output, boolean probabilities, boolean overwrite) {}

	/**
	 * One segmented (or skipped) case.
	 *
	 * @param id the case id
	 * @param labels the label file
	 * @param volumetrics its volumes (of the existing file if skipped)
	 * @param skipped whether the case was skipped because its output existed
	 */
	public record Result(String id, Path labels, Volumetrics volumetrics, boolean skipped) {}

	private final Segmenter segmenter;
	private final List<String> classNames;
	private final Progress progress;

	/**
	 * @param segmenter segments each volume
	 * @param classNames the classes' names, for probability files
	 * @param progress reports and cancels
	 */
	public SegmentJob(final Segmenter segmenter, final List<String> classNames, final Progress progress) {
		this.segmenter = segmenter;
		this.classNames = List.copyOf(classNames);
		this.progress = progress;
	}

	/**
	 * Runs the request.
	 *
	 * @return one result per case, in input order
	 * @throws BadInputException one line naming the input or output that is wrong
	 */
	public List<Result> run(final Request request) {
		final Path input = request.input().toAbsolutePath().normalize();
		final Path output = request.output().toAbsolutePath().normalize();
		if (!Files.exists(input)) throw new BadInputException("input " + input + ": no such file or folder");
		OutputChecks.notInput(output, "input", input);
		if (Files.isDirectory(input) && !DicomSeries.isSeriesFolder(input)) return folder(input, output, request);
		final Path labels = labelFile(output);
		final Path csv = labels.resolveSibling(NiftiNames.stem(labels) + "_volumes.csv");
		if (!request.overwrite() && Files.exists(labels, LinkOption.NOFOLLOW_LINKS)) {
			throw new BadInputException("output " + labels + ": exists; pass --overwrite true to replace it");
		}
		final String id = Files.isDirectory(input) ? input.getFileName().toString() : CaseNames.caseIdOfFile(input);
		return List.of(segmentOne(id, input, labels, request.probabilities(), csv));
	}

	private List<Result> folder(final Path input, final Path output, final Request request) {
		final List<Path> files;
		try {
			files = NiftiNames.filesIn(input);
		}
		catch (final IOException e) {
			throw new BadInputException("input " + input + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
		}
		if (files.isEmpty()) throw new BadInputException("input " + input + ": holds no NIfTI files (.nii, .nii.gz) and no DICOM series");
		if (Files.exists(output) && !Files.isDirectory(output)) {
			throw new BadInputException("output " + output + ": is a file; folder input needs an output folder");
		}
		try {
			Files.createDirectories(output);
		}
		catch (final IOException e) {
			throw new BadInputException("output " + output + ": cannot create (" + AtomicFiles.reason(e) + ")", e);
		}
		final List<Result> results = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			progress.checkCancelled();
			final String id = CaseNames.caseIdOfFile(files.get(i));
			final Path labels = output.resolve(id + NII_GZ);
			progress.report("case " + id, i, files.size());
			if (!request.overwrite() && Files.exists(labels, LinkOption.NOFOLLOW_LINKS)) {
				results.add(new Result(id, labels, existing(labels), true));
				continue;
			}
			results.add(segmentOne(id, files.get(i), labels, request.probabilities(), null));
		}
		progress.report("cases", files.size(), files.size());
		writeVolumes(output.resolve(VOLUMES), results);
		return results;
	}

	/**
	 * Reads and segments one input; the scan itself is referenced only while it is preprocessed.
	 * The label file is written last, with its volumetrics in {@code csv} (if not null) before it:
	 * once it exists, the case is done, so an interrupted run is finished by running it again.
	 * Messages name the input file, not only its case id.
	 */
	private Result segmentOne(final String id, final Path input, final Path labels, final boolean probabilities,
		final Path csv)
	{
		final Segmentation s = segmenter.segment(input.toString(), read(input), progress);
		final String descrip = "covid-unet " + s.digest();
		if (probabilities) {
			for (int c = 0; c < s.classes(); c++) {
				final Path file = labels.resolveSibling(id + "_prob_" + className(c) + NII_GZ);
				NiftiWriter.write(s.probability(c), file, NiftiDatatype.FLOAT32, descrip);
			}
		}
		final Result result = new Result(id, labels, Volumetrics.of(s.labels()), false);
		if (csv != null) writeVolumes(csv, List.of(result));
		progress.report("writing " + labels.getFileName(), 0, 1);
		NiftiWriter.write(s.labels(), labels, NiftiDatatype.UINT8, descrip);
		return result;
	}

	/** The volumetrics of an existing label file, so that {@code volumes.csv} lists every case. */
	@SuppressWarnings("unchecked")
	private static Volumetrics existing(final Path labels) {
		final Volume<?> volume = NiftiReader.read(labels);
		if (!(volume.type() instanceof UnsignedByteType)) {
			throw new BadInputException("output " + labels + ": exists but is not a uint8 label file; pass --overwrite true " +
				"to replace it");
		}
		return Volumetrics.of((Volume<UnsignedByteType>) volume);
	}

	private String className(final int c) {
		return c < classNames.size() ? classNames.get(c) : Integer.toString(c);
	}

	private static void writeVolumes(final Path csv, final List<Result> results) {
		final CsvTable table = new CsvTable(Volumetrics.COLUMNS);
		for (final Result r : results) table.add(r.volumetrics().csvRow(r.id()).toArray());
		AtomicFiles.writeString(csv, table.toCsv());
	}

	@SuppressWarnings("unchecked")
	private Volume<? extends RealType<?>> read(final Path input) {
		progress.report("reading " + input.getFileName(), 0, 1);
		final Volume<? extends RealType<?>> image = Files.isDirectory(input) ? DicomSeries.read(input, progress) :
			(Volume<? extends RealType<?>>) NiftiReader.read(input);
		if (image.geometry().dim(2) < 2) {
			throw new BadInputException("input " + input + ": a 2-D image (one slice); segmentation needs a volume");
		}
		return image;
	}

	private static Path labelFile(final Path output) {
		final String name = output.getFileName().toString();
		if (Files.isDirectory(output)) {
			throw new BadInputException("output " + output + ": is a folder; give the label file to write (.nii.gz)");
		}
		if (!name.endsWith(".nii") && !name.endsWith(NII_GZ)) {
			throw new BadInputException("output " + output + ": must end with .nii.gz or .nii");
		}
		return output;
	}
}
