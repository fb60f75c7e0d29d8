package covidunet.dataset.download;

/**
 * One zip of the dataset and the digest it must have.
 *
 * @param name the file name, e.g. {@code COVID-19-CT-Seg_20cases.zip}
 * @param sha256 its expected SHA-256 (or the known prefix of it)
 */
public record DatasetFile(String name, ExpectedDigest sha256) {

	private static final String ZIP = ".zip";

	/**
	 * @throws IllegalArgumentException if the name is not a plain {@code .zip} file name
	 */
	public DatasetFile {
		if (!name.endsWith(ZIP) || name.length() == ZIP.length() || name.contains("/") ||
			name.contains("\\") || name.startsWith("."))
		{
			throw new IllegalArgumentException("not a plain zip file name: '" + name + "'");
		}
	}

	/**
	 * The folder it extracts into, in the dataset's layout: the name without {@code .zip}, e.g.
	 * {@code COVID-19-CT-Seg_20cases}.
	 */
	public String folder() {
		return name.substring(0, name.length() - ZIP.length());
	}

	/** The same file with another expected digest. */
	public DatasetFile withDigest(final ExpectedDigest digest) {
		return new DatasetFile(name, digest);
	}
}
