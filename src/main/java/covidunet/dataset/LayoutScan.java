package covidunet.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import covidunet.BadInputException;

/**
 * The first step of {@link Dataset#open}: finds the layout and the image and mask files by their
 * names, without opening them. Files and folders whose names start with a dot are ignored, and
 * so is every file whose name does not end in {@code .nii} or {@code .nii.gz}.
 */
final class LayoutScan {

	private final Path folder;
	private final Path root;
	private final Layout layout;
	private final SortedMap<String, Path> images = new TreeMap<>();
	private final SortedMap<String, Path> masks = new TreeMap<>();
	private final List<String> problems = new ArrayList<>();

	private LayoutScan(final Path folder, final Path root, final Layout layout) {
		this.folder = folder;
		this.root = root;
		this.layout = layout;
		if (layout == Layout.ZENODO) scanZenodo();
		else scanSimple();
	}

	/**
	 * Scans a dataset folder: the layout is looked for in the folder itself, else in the one
	 * subfolder that holds it.
	 *
	 * @throws BadInputException if the folder does not exist, is a file, holds no dataset, holds
	 *           several one level down, cannot be listed, or lacks one of the Zenodo folders
	 */
	static LayoutScan of(final Path folder) {
		if (!Files.exists(folder)) throw bad(folder, "no such folder");
		if (!Files.isDirectory(folder)) throw bad(folder, "is a file, not a folder");
		final Optional<Layout> here = layoutOf(folder);
		if (here.isPresent()) return new LayoutScan(folder, folder, here.get());
		final List<Path> nested = new ArrayList<>();
		Layout nestedLayout = null;
		for (final Path child : subfolders(folder)) {
			final Optional<Layout> layout = layoutOf(child);
			if (layout.isPresent()) {
				nested.add(child);
				nestedLayout = layout.get();
			}
		}
		if (nested.size() == 1) return new LayoutScan(folder, nested.get(0), nestedLayout);
		if (nested.size() > 1) {
			throw bad(folder, "holds several datasets one folder down (" + names(nested) + "); give one of them");
		}
		throw bad(folder, "no cases found (expected " + CaseNames.IMAGE_FOLDER + "/ and " + CaseNames.MASK_FOLDER +
			"/, or <case>/" + CaseNames.SIMPLE_IMAGE + " and <case>/" + CaseNames.SIMPLE_MASK +
			", in it or one folder down)");
	}

	/** The folder holding the layout: the folder given or one of its subfolders. */
	Path root() {
		return root;
	}

	Layout layout() {
		return layout;
	}

	/** Image files by case id. */
	SortedMap<String, Path> images() {
		return Collections.unmodifiableSortedMap(images);
	}

	/** Mask files by case id. */
	SortedMap<String, Path> masks() {
		return Collections.unmodifiableSortedMap(masks);
	}

	/** NIfTI files that belong to no case, each as a sentence naming the file. */
	List<String> problems() {
		return Collections.unmodifiableList(problems);
	}

	private static Optional<Layout> layoutOf(final Path dir) {
		if (Files.isDirectory(dir.resolve(CaseNames.IMAGE_FOLDER)) ||
			Files.isDirectory(dir.resolve(CaseNames.MASK_FOLDER)))
		{
			return Optional.of(Layout.ZENODO);
		}
		for (final Path child : subfolders(dir)) {
			if (Files.isRegularFile(child.resolve(CaseNames.SIMPLE_IMAGE)) ||
				Files.isRegularFile(child.resolve(CaseNames.SIMPLE_MASK)))
			{
				return Optional.of(Layout.SIMPLE);
			}
		}
		return Optional.empty();
	}

	private void scanZenodo() {
		final Path imageFolder = root.resolve(CaseNames.IMAGE_FOLDER);
		final Path maskFolder = root.resolve(CaseNames.MASK_FOLDER);
		if (!Files.isDirectory(imageFolder)) throw missing(imageFolder, maskFolder);
		if (!Files.isDirectory(maskFolder)) throw missing(maskFolder, imageFolder);
		for (final Path file : niftiFiles(imageFolder)) {
			final Optional<String> id = CaseNames.caseIdOfImage(file.getFileName().toString());
			if (id.isPresent()) images.put(id.get(), file);
			else problems.add(relative(file) + " is not an image name of the dataset");
		}
		for (final Path file : niftiFiles(maskFolder)) {
			final Optional<String> id = CaseNames.caseIdOfMask(file.getFileName().toString());
			if (id.isPresent()) masks.put(id.get(), file);
			else problems.add(relative(file) + " is not a mask name of the dataset (<case>.nii.gz)");
		}
		for (final Path file : niftiFiles(root)) {
			problems.add(relative(file) + " is neither in " + CaseNames.IMAGE_FOLDER + "/ nor in " +
				CaseNames.MASK_FOLDER + "/");
		}
		if (images.isEmpty() && masks.isEmpty() && problems.isEmpty()) {
			throw bad(folder, "no cases: " + relative(imageFolder) + "/ and " + relative(maskFolder) +
				"/ hold no NIfTI files");
		}
	}

	private void scanSimple() {
		for (final Path caseFolder : subfolders(root)) {
			final String id = caseFolder.getFileName().toString();
			for (final Path file : niftiFiles(caseFolder)) {
				final String name = file.getFileName().toString();
				if (name.equals(CaseNames.SIMPLE_IMAGE)) images.put(id, file);
				else if (name.equals(CaseNames.SIMPLE_MASK)) masks.put(id, file);
				else problems.add(relative(file) + " is neither " + CaseNames.SIMPLE_IMAGE + " nor " + CaseNames.SIMPLE_MASK);
			}
		}
		for (final Path file : niftiFiles(root)) {
			problems.add(relative(file) + " is not in a case folder");
		}
	}

	private BadInputException missing(final Path absent, final Path present) {
		return bad(folder, relative(absent) + "/ is missing beside " + relative(present) + "/");
	}

	private String relative(final Path file) {
		return folder.relativize(file).toString();
	}

	/** The subfolders of {@code dir} that are not hidden, sorted by name. */
	private static List<Path> subfolders(final Path dir) {
		return entries(dir).stream().filter(Files::isDirectory).toList();
	}

	/**
	 * The files named {@code *.nii} or {@code *.nii.gz} directly in {@code dir}, sorted by name;
	 * such a name that is not a readable file (a folder, a dangling link) is a problem.
	 */
	private List<Path> niftiFiles(final Path dir) {
		final List<Path> files = new ArrayList<>();
		for (final Path p : entries(dir)) {
			if (!isNiftiName(p.getFileName().toString())) continue;
			if (Files.isRegularFile(p)) files.add(p);
			else if (Files.isDirectory(p)) problems.add(relative(p) + " is a folder, not a file");
			else problems.add(relative(p) + " cannot be read (a dangling link, or not a regular file)");
		}
		return files;
	}

	private static boolean isNiftiName(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".nii") || lower.endsWith(".nii.gz");
	}

	private static List<Path> entries(final Path dir) {
		try (Stream<Path> list = Files.list(dir)) {
			return list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
		}
		catch (final IOException e) {
			throw new BadInputException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
		}
	}

	private static String names(final List<Path> folders) {
		final List<String> names = new ArrayList<>();
		for (final Path f : folders) names.add(f.getFileName().toString());
		return String.join(", ", names);
	}

	private static BadInputException bad(final Path folder, final String problem) {
		return new BadInputException(Dataset.name(folder) + ": " + problem);
	}
}
