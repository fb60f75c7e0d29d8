package covidunet.phantom;

import covidunet.io.Volume;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** The voxels of one synthetic case: the CT image and its label mask, on the same grid. */
public final class PhantomVolumes {

	private final Volume<?> image;
	private final Volume<UnsignedByteType> labels;

	PhantomVolumes(final Volume<?> image, final Volume<UnsignedByteType> labels) {
		this.image = image;
		this.labels = labels;
	}

	/**
	 * The CT: int16 HU ({@code ShortType}), or uint8 0–255 ({@code UnsignedByteType}) for a
	 * radiopaedia-like case.
	 */
	public Volume<?> image() {
		return image;
	}

	/** The labels: 0 background, 1 left lung, 2 right lung, 3 infection. */
	public Volume<UnsignedByteType> labels() {
		return labels;
	}
}
