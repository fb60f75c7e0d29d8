package covidunet.model.published;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import covidunet.dataset.download.SafeUntar;

/**
 * Which files of a record may hold the fold models, and in which order to look at them. A record
 * of published results (Zenodo 3902293: "the models, predictions, visualizations and
 * evaluation") holds large files besides the models, and their names are not known in advance,
 * so the files are sorted into groups, and only the first group that holds Keras HDF5 model files
 * is used; a later group is downloaded only if the earlier ones held none:
 * <ol>
 * <li>HDF5 files ({@code .hdf5}, {@code .h5}) whose names do not say they are something else than
 * models;</li>
 * <li>archives ({@code .zip}, {@code .tar}, {@code .tar.gz}, {@code .tgz}) whose names say they
 * hold models ({@code model}, {@code weight}, {@code checkpoint});</li>
 * <li>archives with names that say neither;</li>
 * <li>archives named for the evaluation (the reference's training script saves each fold's
 * models in {@code evaluation/fold_<k>/});</li>
 * <li>the other archives and HDF5 files: those whose names say they hold predictions,
 * visualizations, figures, scores or logs.</li>
 * </ol>
 * Other files are never downloaded. In group 1 only the files of the folds still missing are
 * downloaded (their fold is read from their names, see {@link FoldMapping}); an archive has to be
 * downloaded to see what it holds.
 */
public final class FileChoice {

	/**
	 * One group of files to look at.
	 *
	 * @param description what the files are, for messages
	 * @param files the files, in the record's order
	 */
	public record Group(String description, List<RecordFile> files) {

		/** Whether every file of the group is an HDF5 file (so none needs to be opened to be mapped). */
		public boolean onlyHdf5() {
			return files.stream().allMatch(f -> isHdf5(f.key()));
		}
	}

	private static final Pattern MODEL = Pattern.compile("model|weight|checkpoint");
	private static final Pattern EVALUATION = Pattern.compile("evaluat");
	private static final Pattern OTHER =
		Pattern.compile("predict|visuali[sz]|evaluat|figure|score|tensorboard|(?<![a-z])logs?(?![a-z])");

	private FileChoice() {}

	/** The groups that hold files, in the order they are looked at. */
	public static List<Group> groups(final List<RecordFile> files) {
		final List<Group> groups = new ArrayList<>();
		add(groups, "HDF5 files", files, f -> isHdf5(f) && (model(f) || !other(f)));
		add(groups, "archives named for models", files, f -> isArchive(f) && model(f));
		add(groups, "archives with neutral names", files, f -> isArchive(f) && !model(f) && !other(f));
		add(groups, "archives named for the evaluation", files, f -> isArchive(f) && !model(f) && evaluation(f));
		add(groups, "the other archives and HDF5 files", files, f -> (isArchive(f) || isHdf5(f)) && !model(f) &&
			other(f) && !(isArchive(f) && evaluation(f)));
		return groups;
	}

	private static void add(final List<Group> groups, final String description, final List<RecordFile> files,
		final Predicate<String> keep)
	{
		final List<RecordFile> kept = files.stream().filter(f -> keep.test(lower(f.key()))).toList();
		if (!kept.isEmpty()) groups.add(new Group(description, kept));
	}

	/** Whether a name is that of a Keras HDF5 file: {@code .hdf5} or {@code .h5}. */
	public static boolean isHdf5(final String name) {
		final String lower = lower(name);
		return lower.endsWith(".hdf5") || lower.endsWith(".h5");
	}

	/** Whether a name is that of an archive this extracts: a zip or a tar (see {@link SafeUntar#isTarName}). */
	public static boolean isArchive(final String name) {
		return lower(name).endsWith(".zip") || SafeUntar.isTarName(name);
	}

	private static boolean model(final String lower) {
		return MODEL.matcher(lower).find();
	}

	private static boolean evaluation(final String lower) {
		return EVALUATION.matcher(lower).find();
	}

	private static boolean other(final String lower) {
		return OTHER.matcher(lower).find();
	}

	private static String lower(final String name) {
		return name.toLowerCase(Locale.ROOT);
	}
}
