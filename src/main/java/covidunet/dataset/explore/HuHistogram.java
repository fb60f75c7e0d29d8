package covidunet.dataset.explore;

/**
 * Bins of Hounsfield units over the reference pipeline's window [−1250, 250] HU, 10 HU wide;
 * values outside the window count in the first or last bin, as the pipeline's clipping would
 * put them. Images rescaled to 0–255 are mapped back to the window first.
 */
public final class HuHistogram {

	/** Lower end of the window in HU. */
	public static final double LOW = -1250;

	/** Upper end of the window in HU. */
	public static final double HIGH = 250;

	/** Bin width in HU. */
	public static final double WIDTH = 10;

	/** Number of bins. */
	public static final int BINS = (int) ((HIGH - LOW) / WIDTH);

	private HuHistogram() {}

	/** The bin of a value in HU. */
	public static int bin(final double hu) {
		final int bin = (int) Math.floor((hu - LOW) / WIDTH);
		return bin < 0 ? 0 : Math.min(bin, BINS - 1);
	}

	/** The HU value at the centre of a bin. */
	public static double centre(final int bin) {
		return LOW + (bin + 0.5) * WIDTH;
	}

	/** The HU value of a 0–255 value of the windowed and rescaled images. */
	public static double fromRescaled(final double value) {
		return LOW + value / 255 * (HIGH - LOW);
	}
}
