package covidunet.phantom;

/**
 * What the anatomy holds at one point: the attenuation in HU and the label (0 background, 1 left
 * lung, 2 right lung). A mutable holder, one per rendering thread, so that sampling allocates
 * nothing.
 */
final class Sample {

	/** Hounsfield units. */
	double hu;

	/** 0 background, 1 left lung, 2 right lung. */
	int label;

	void set(final double newHu) {
		hu = newHu;
		label = 0;
	}
}
