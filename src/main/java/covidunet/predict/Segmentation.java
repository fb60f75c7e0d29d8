package covidunet.predict;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.preprocess.ImageInterpolation;
import covidunet.preprocess.Reorientation;
import covidunet.preprocess.Resampler;

/**
 * A segmentation on the scan's own grid, made from the class probabilities on the network's grid
 * (canonical orientation, target spacing): each class's probabilities resampled (trilinear) onto
 * the scan's grid in the canonical orientation, argmax, then reoriented back to the scan's
 * orientation. The labels are computed once; a class's probabilities on the scan's grid are
 * computed when asked, one class at a time, so that memory holds at most two full-size float
 * volumes at once.
 */
public final class Segmentation {

	private final ProbabilityMap probabilities;
	private final Geometry geometry;
	private final Reorientation reorientation;
	private final Resampler back;
	private final String digest;
	private Volume<UnsignedByteType> labels;

	/**
	 * @param probabilities the probabilities on the network's grid
	 * @param network the network grid's spacing
	 * @param scan the scan's geometry
	 * @param reorientation from the scan's grid to the canonical orientation
	 * @param digest the models' digest
	 */
	Segmentation(final ProbabilityMap probabilities, final double[] network, final Geometry scan,
		final Reorientation reorientation, final String digest)
	{
		this.probabilities = probabilities;
		this.geometry = scan;
		this.reorientation = reorientation;
		this.digest = digest;
		final long[] d = reorientation.target().dims();
		back = Resampler.onto(probabilities.size(), network, new int[] { (int) d[0], (int) d[1], (int) d[2] },
			reorientation.target().spacing());
	}

	/** The labels on the scan's grid, with the scan's geometry. */
	public Volume<UnsignedByteType> labels() {
		if (labels == null) {
			float[] best = null;
			byte[] canonical = null;
			for (int c = 0; c < probabilities.classes(); c++) {
				final float[] p = back.image(probabilities.channel(c), ImageInterpolation.LINEAR);
				if (best == null) {
					best = p;
					canonical = new byte[p.length];
					continue;
				}
				for (int v = 0; v < p.length; v++) {
					if (p[v] > best[v]) {
						best[v] = p[v];
						canonical[v] = (byte) c;
					}
				}
			}
			labels = new Volume<>(ArrayImgs.unsignedBytes(reorientation.inverse().apply(canonical), geometry.dims()),
				geometry);
		}
		return labels;
	}

	/** The probabilities of class {@code c} on the scan's grid, with the scan's geometry (a new volume each call). */
	public Volume<FloatType> probability(final int c) {
		final float[] p = back.image(probabilities.channel(c), ImageInterpolation.LINEAR);
		return new Volume<>(ArrayImgs.floats(reorientation.inverse().apply(p), geometry.dims()), geometry);
	}

	/** The number of classes. */
	public int classes() {
		return probabilities.classes();
	}

	/** The models' digest, as {@link ModelSet#digest()}. */
	public String digest() {
		return digest;
	}

	/** The size of the network's grid (x, y, z) the probabilities were computed on. */
	public int[] networkGrid() {
		return Arrays.copyOf(probabilities.size(), 3);
	}
}
