package covidunet.phantom;

import java.util.Locale;

import covidunet.BadInputException;

/**
 * How finely the cohort is acquired. The anatomy is the same; only the voxel grid differs.
 */
public enum PhantomSize {

	/**
	 * About 256 × 256 in-plane at 1.2–1.6 mm, slices 2.5–5 mm: small enough for tests and the
	 * demo on two cores.
	 */
	SMALL(256, 1.2, 1.6, new double[] { 2.5, 3.0, 3.75, 4.0, 5.0 }, new double[] { 3.0, 4.0, 5.0 }),

	/** 512 × 512 in-plane at 0.6–0.9 mm, slices 1–5 mm, like the real scans. */
	FULL(512, 0.6, 0.9, new double[] { 1.0, 1.0, 1.0, 1.25, 1.5, 1.5, 2.0, 3.0, 5.0 }, new double[] { 2.5, 3.0, 5.0 });

	final int width;
	final double minSpacing, maxSpacing;
	final double[] slices, radiopaediaSlices;

	PhantomSize(final int width, final double minSpacing, final double maxSpacing, final double[] slices,
		final double[] radiopaediaSlices)
	{
		this.width = width;
		this.minSpacing = minSpacing;
		this.maxSpacing = maxSpacing;
		this.slices = slices;
		this.radiopaediaSlices = radiopaediaSlices;
	}

	/**
	 * The size named {@code small} or {@code full} (any case).
	 *
	 * @throws BadInputException naming the parameter {@code size} otherwise
	 */
	public static PhantomSize parse(final String name) {
		if (name != null) {
			for (final PhantomSize s : values()) {
				if (s.id().equals(name.toLowerCase(Locale.ROOT))) return s;
			}
		}
		throw new BadInputException("size: '" + name + "' is not a phantom size; expected small or full");
	}

	/** The lower-case name: {@code small} or {@code full}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}
