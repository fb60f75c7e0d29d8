package covidunet.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import covidunet.BadInputException;
import covidunet.Progress;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.VoxelStatistics;

/**
 * A checked folder of CT images and their lung and infection masks, in either {@link Layout}:
 * <ul>
 * <li>{@link Layout#ZENODO}, the extracted Zenodo zips: {@code COVID-19-CT-Seg_20cases/} and
 * {@code Lung_and_Infection_Mask/}, paired by the case ids of {@link CaseNames};</li>
 * <li>{@link Layout#SIMPLE}: {@code <case>/imaging.nii.gz} and {@code <case>/segmentation.nii.gz},
 * the case id being the folder's name.</li>
 * </ul>
 * The layout is looked for in the folder given and, if it is not there, in the one subfolder
 * that holds it (a user pointing at the folder the zips were extracted into); two such
 * subfolders are an error. Hidden files and files not named {@code *.nii} or {@code *.nii.gz}
 * are ignored; other files must belong to a case.
 * <p>
 * {@link #open} reads the headers only, so it is fast even for the full dataset. Every file must
 * be a single-file NIfTI-1 volume, every image must have a mask and every mask an image, and each
 * pair must have the same dims and the same geometry within a tolerance of 1e-3 mm plus 1e-4 of
 * the grid's diagonal at the grid's corners (tools that rewrite a mask round its transform
 * slightly differently; a real misalignment is far larger). All problems of all cases are
 * reported together, as one line. Instances are immutable.
 */
public final class Dataset {

	/** How many problems the error message lists; the rest are counted. */
	static final int LISTED_PROBLEMS = 10;

	private final Path root;
	private final Layout layout;
	private final List<CaseFiles> cases;

	private Dataset(final Path root, final Layout layout, final List<CaseFiles> cases) {
		this.root = root;
		this.layout = layout;
		this.cases = Collections.unmodifiableList(cases);
	}

	/**
	 * Finds and checks the dataset in a folder.
	 *
	 * @throws BadInputException with one line starting {@code dataset <folder>: } if the folder
	 *           does not exist or holds no dataset, or listing each problem (by case id or file
	 *           name): an image without a mask, a mask without an image, a file that is not a
	 *           single-file NIfTI-1, an image of one slice, a file that belongs to no case, a
	 *           NIfTI name that is not a readable file (a folder, a dangling link), dims or
	 *           geometry that differ between an image and its mask
	 */
	public static Dataset open(final Path folder) {
		final LayoutScan scan = LayoutScan.of(folder);
		final SortedSet<String> ids = new TreeSet<>(scan.images().keySet());
		ids.addAll(scan.masks().keySet());
		final List<String> problems = new ArrayList<>();
		final List<CaseFiles> cases = new ArrayList<>();
		for (final String id : ids) {
			final Path image = scan.images().get(id);
			final Path mask = scan.masks().get(id);
			if (CaseCheck.check(id, image, mask, problems)) cases.add(new CaseFiles(id, image, mask));
		}
		problems.addAll(scan.problems());
		if (!problems.isEmpty()) throw new BadInputException(problemsMessage(folder, problems));
		return new Dataset(scan.root(), scan.layout(), cases);
	}

	/** The folder holding the layout: the folder given to {@link #open}, or its subfolder. */
	public Path root() {
		return root;
	}

	/** How the folder is organised. */
	public Layout layout() {
		return layout;
	}

	/** The cases, sorted by id; at least one. */
	public List<CaseFiles> cases() {
		return cases;
	}

	/** The case ids, sorted. */
	public List<String> ids() {
		final List<String> ids = new ArrayList<>();
		for (final CaseFiles c : cases) ids.add(c.id());
		return Collections.unmodifiableList(ids);
	}

	/** The case with this id, if there is one. */
	public Optional<CaseFiles> find(final String id) {
		for (final CaseFiles c : cases) {
			if (c.id().equals(id)) return Optional.of(c);
		}
		return Optional.empty();
	}

	/**
	 * The intensity kind of every case's image ({@link IntensityKind#detect}), by case id. Reads
	 * each HU image's first slice and each 0–255 image whole.
	 *
	 * @param progress gets a report per case and is asked between cases whether to stop
	 * @throws covidunet.CancelledException if the progress says to stop
	 * @throws BadInputException if an image turns out unreadable past its header
	 */
	public SortedMap<String, IntensityKind> intensityKinds(final Progress progress) {
		final SortedMap<String, IntensityKind> kinds = new TreeMap<>();
		for (final CaseFiles c : cases) {
			progress.checkCancelled();
			progress.report("intensity range of " + c.id(), kinds.size(), cases.size());
			kinds.put(c.id(), IntensityKind.detect(c.image()));
		}
		progress.report("intensity ranges", cases.size(), cases.size());
		return Collections.unmodifiableSortedMap(kinds);
	}

	/**
	 * Reads every image and mask in full, so that damage past the headers is found before any work
	 * is done with the dataset: a truncated or corrupt file, NaN or infinite image voxels, mask
	 * values other than 0–3. Streams the images slice by slice; holds one mask at a time.
	 *
	 * @param progress gets a report per case and is asked between cases whether to stop
	 * @throws covidunet.CancelledException if the progress says to stop
	 * @throws BadInputException naming the first file found damaged and what is wrong with it
	 */
	public void checkVoxels(final Progress progress) {
		for (int i = 0; i < cases.size(); i++) {
			final CaseFiles c = cases.get(i);
			progress.checkCancelled();
			progress.report("reading " + c.id(), i, cases.size());
			final VoxelStatistics image = new VoxelStatistics();
			NiftiReader.readSlices(c.image(), image);
			final VoxelStatistics.Summary s = image.summary();
			if (s.nanCount() + s.infiniteCount() > 0) {
				throw new BadInputException(c.image() + ": " + VoxelStatistics.nonFinite(s.nanCount(), s.infiniteCount()) +
					" in the image");
			}
			MaskReader.read(c.mask());
		}
		progress.report("read every case", cases.size(), cases.size());
	}

	/** The folder as messages name it. */
	static String name(final Path folder) {
		return "dataset " + folder;
	}

	private static String problemsMessage(final Path folder, final List<String> problems) {
		final int n = problems.size();
		final StringBuilder text = new StringBuilder(name(folder)).append(": ").append(n)
			.append(n == 1 ? " problem: " : " problems: ")
			.append(String.join("; ", problems.subList(0, Math.min(n, LISTED_PROBLEMS))));
		if (n > LISTED_PROBLEMS) text.append("; ... and ").append(n - LISTED_PROBLEMS).append(" more");
		return text.toString();
	}
}
