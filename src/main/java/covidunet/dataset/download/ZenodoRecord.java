package covidunet.dataset.download;

import java.util.ArrayList;
import java.util.List;

import covidunet.BadInputException;
import covidunet.dataset.CaseNames;

/**
 * Zenodo record 3757476, "COVID-19 CT Lung and Infection Segmentation Dataset" (Ma et al.): its
 * four zips and the beginnings of their SHA-256 digests, as the project knows them (the full
 * digests are not published in the record; a list of full digests can be given with
 * {@link Checksums}).
 */
public final class ZenodoRecord {

	/** The record's id. */
	public static final String ID = "3757476";

	/** Where the files are: {@code <DEFAULT_BASE_URL>/<name>?download=1}. */
	public static final String DEFAULT_BASE_URL = "https://zenodo.org/records/" + ID + "/files";

	/** The 20 CT volumes: {@code COVID-19-CT-Seg_20cases/}. */
	public static final DatasetFile IMAGES = file(CaseNames.IMAGE_FOLDER + ".zip", "a5060480");

	/** Lungs and infection, labels 0–3: {@code Lung_and_Infection_Mask/}. */
	public static final DatasetFile LUNG_AND_INFECTION_MASKS = file(CaseNames.MASK_FOLDER + ".zip", "34f5a573");

	/** Left and right lungs only: {@code Lung_Mask/}. */
	public static final DatasetFile LUNG_MASKS = file("Lung_Mask.zip", "f060b0d0");

	/** Infection only: {@code Infection_Mask/}. */
	public static final DatasetFile INFECTION_MASKS = file("Infection_Mask.zip", "87901c73");

	/** Every file of the record, images first. */
	public static final List<DatasetFile> FILES =
		List.of(IMAGES, LUNG_AND_INFECTION_MASKS, LUNG_MASKS, INFECTION_MASKS);

	/** The value of {@code --files} that selects every file. */
	public static final String ALL = "all";

	private ZenodoRecord() {}

	private static DatasetFile file(final String name, final String sha256Prefix) {
		return new DatasetFile(name, new ExpectedDigest(sha256Prefix, "Zenodo record " + ID +
			", prefix only"));
	}

	/**
	 * The files a {@code --files} value names: {@value #ALL} (or blank or null) for all four,
	 * else a comma-separated list of file names, each with or without {@code .zip}, in the
	 * record's order.
	 *
	 * @throws BadInputException naming {@code --files} if a name is not one of the record's
	 */
	public static List<DatasetFile> select(final String files) {
		if (files == null || files.isBlank() || files.strip().equals(ALL)) return FILES;
		final List<String> wanted = new ArrayList<>();
		for (final String part : files.split(",", -1)) {
			final String name = part.strip().endsWith(".zip") ? part.strip() : part.strip() + ".zip";
			if (FILES.stream().noneMatch(f -> f.name().equals(name))) {
				throw new BadInputException("bad value '" + files + "' for --files: '" + part.strip() +
					"' is not a file of Zenodo record " + ID + " (expected " + ALL + " or some of " +
					String.join(", ", folders()) + ")");
			}
			wanted.add(name);
		}
		final List<DatasetFile> selected = new ArrayList<>();
		for (final DatasetFile file : FILES) {
			if (wanted.contains(file.name())) selected.add(file);
		}
		return selected;
	}

	private static List<String> folders() {
		final List<String> names = new ArrayList<>();
		for (final DatasetFile file : FILES) names.add(file.folder());
		return names;
	}
}
