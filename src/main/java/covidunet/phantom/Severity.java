package covidunet.phantom;

/**
 * How much of the lungs a case's COVID-19 lesions take. Each block of ten consecutive cases holds
 * one case without lesions, one with only tiny ones, two mild, four moderate and two severe, in
 * an order drawn from the seed.
 */
public enum Severity {

	/** No lesions: no infection label. */
	NONE,
	/** One to three lesions of a few voxels, that may not survive resampling. */
	TINY,
	/** Two to five small lesions. */
	MILD,
	/** Four to nine lesions up to a few centimetres. */
	MODERATE,
	/** Six to twelve lesions, one or two of them filling most of a lobe. */
	SEVERE;

	private static final Severity[] BLOCK = { NONE, TINY, MILD, MILD, MODERATE, MODERATE, MODERATE, MODERATE,
		SEVERE, SEVERE };

	/** The number of cases in a block of the cohort's severity mix. */
	static final int BLOCK_SIZE = BLOCK.length;

	/** The severity at a position of a block, before shuffling. */
	static Severity inBlock(final int position) {
		return BLOCK[position];
	}

	/** The lower-case name, as in the manifest. */
	public String id() {
		return name().toLowerCase();
	}
}
