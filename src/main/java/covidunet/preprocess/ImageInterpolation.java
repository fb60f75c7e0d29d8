package covidunet.preprocess;

import java.util.Locale;

/** How image intensities are interpolated when a volume is resampled. */
public enum ImageInterpolation {

	/**
	 * Keys' cubic convolution with a = −0.5 (Catmull–Rom): four taps per axis, interpolating (a
	 * sample position on a voxel centre returns that voxel), exact on polynomials up to degree
	 * two, no prefilter pass. The reference's resize uses a cubic B-spline; both are third-order
	 * accurate, and this kernel needs neither a prefilter nor its edge handling.
	 */
	CUBIC,

	/** Linear interpolation along each axis (trilinear): two taps per axis. */
	LINEAR;

	/** The lower-case name used in JSON: {@code cubic} or {@code linear}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
