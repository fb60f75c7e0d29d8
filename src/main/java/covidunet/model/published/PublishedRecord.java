package covidunet.model.published;

import java.net.URI;
import java.util.List;

/**
 * A Zenodo record as its records API describes it: what it is, under which licence, and its
 * files (see {@link RecordJson} for the JSON shapes read).
 *
 * @param url where the description was read from
 * @param id the record's id, e.g. {@code 3902293}
 * @param title its title
 * @param version its version, or null if it gives none
 * @param licenceId its licence's id, e.g. {@code cc-by-4.0}, or null if it gives none
 * @param licenceTitle its licence's title, or null if it gives none
 * @param files its files, in the record's order
 */
public record PublishedRecord(URI url, String id, String title, String version, String licenceId,
	String licenceTitle, List<RecordFile> files)
{

	/** @param files copied */
	public PublishedRecord {
		files = List.copyOf(files);
	}

	/**
	 * One line naming the record, its version and its licence, e.g. {@code Zenodo record 3902293,
	 * "Title" (version 1.0), licence cc-by-4.0 (Creative Commons Attribution 4.0 International)}.
	 */
	public String describe() {
		final StringBuilder s = new StringBuilder("Zenodo record ").append(id).append(", \"").append(title).append('"');
		if (version != null) s.append(" (version ").append(version).append(')');
		if (licenceId == null && licenceTitle == null) return s.append(", licence: not stated in the record").toString();
		s.append(", licence ").append(licenceId != null ? licenceId : licenceTitle);
		if (licenceId != null && licenceTitle != null) s.append(" (").append(licenceTitle).append(')');
		return s.toString();
	}
}
